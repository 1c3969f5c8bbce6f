//! Rates per client address for what anyone may do without logging in and what costs the server
//! most: filing a complaint (each one is kept in the log for good), exporting incidents,
//! verifying the log. GCRA buckets (governor), in memory: a restart forgets them, which only lets
//! an abuser start again from a full bucket. The number of addresses remembered is capped: past
//! [`MAX_ADDRESSES`], addresses whose buckets are full again are forgotten first, and while a
//! flood from more addresses than that is still going on, these requests are turned away (429)
//! until it subsides: memory stays bounded whatever the flood.
//!
//! Failed logins and complaint status checks are counted separately, in the database
//! ([`crate::shared::auth::Guard`]), because they must survive a restart.

use crate::shared::error::ApiError;
use governor::{
    DefaultKeyedRateLimiter, Quota, RateLimiter,
    clock::{Clock, DefaultClock},
};
use std::{
    net::IpAddr,
    num::NonZeroU32,
    sync::atomic::{AtomicU64, Ordering},
    time::Duration,
};

/// The most addresses one limiter remembers.
pub const MAX_ADDRESSES: usize = 100_000;

/// What is rate-limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    /// Filing a complaint (API and form).
    Complaint,
    /// Checking a complaint's status (failures are also counted, in [`crate::shared::auth::Guard`]).
    Status,
    /// An anonymous export of incidents.
    Export,
    /// An anonymous verification of the log (API and the log page).
    Verify,
}

impl Limited {
    /// Burst, then one more every `period`.
    fn quota(self) -> (u32, Duration) {
        match self {
            // A person files one complaint; a help desk filing for walk-ins, a few an hour.
            Limited::Complaint => (5, Duration::from_secs(180)),
            Limited::Status => (10, Duration::from_secs(10)),
            Limited::Export => (20, Duration::from_secs(3)),
            Limited::Verify => (30, Duration::from_secs(1)),
        }
    }

    fn what(self) -> &'static str {
        match self {
            Limited::Complaint => "complaints from this address",
            Limited::Status => "status checks from this address",
            Limited::Export => "exports from this address",
            Limited::Verify => "verifications from this address",
        }
    }
}

/// One limiter per [`Limited`].
#[derive(Debug)]
pub struct Limits {
    complaint: DefaultKeyedRateLimiter<IpAddr>,
    status: DefaultKeyedRateLimiter<IpAddr>,
    export: DefaultKeyedRateLimiter<IpAddr>,
    verify: DefaultKeyedRateLimiter<IpAddr>,
    checks: AtomicU64,
    clock: DefaultClock,
}

impl Default for Limits {
    fn default() -> Self {
        let make = |what: Limited| {
            let (burst, period) = what.quota();
            let quota = Quota::with_period(period)
                .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
                .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN));
            RateLimiter::keyed(quota)
        };
        Limits {
            complaint: make(Limited::Complaint),
            status: make(Limited::Status),
            export: make(Limited::Export),
            verify: make(Limited::Verify),
            checks: AtomicU64::new(0),
            clock: DefaultClock::default(),
        }
    }
}

impl Limits {
    fn limiter(&self, what: Limited) -> &DefaultKeyedRateLimiter<IpAddr> {
        match what {
            Limited::Complaint => &self.complaint,
            Limited::Status => &self.status,
            Limited::Export => &self.export,
            Limited::Verify => &self.verify,
        }
    }

    /// Takes one from the bucket of the client `key` (`ClientAddr::key`: an IPv4 address or an
    /// IPv6 /64) for `what`, or refuses (429, with how long to wait).
    pub fn check(&self, what: Limited, key: IpAddr) -> Result<(), ApiError> {
        let limiter = self.limiter(what);
        // Now and then, and more often while the cap is reached, forget the quiet addresses
        // (a pass over every address: not on every request of a flood).
        let n = self.checks.fetch_add(1, Ordering::Relaxed);
        if n.is_multiple_of(1024) || (n.is_multiple_of(64) && limiter.len() >= MAX_ADDRESSES) {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        if limiter.len() >= MAX_ADDRESSES {
            return Err(ApiError::rate_limited(
                format!("the server is receiving too many {}", what.what()),
                60,
            ));
        }
        limiter.check_key(&key).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            ApiError::rate_limited(
                format!("too many {}", what.what()),
                wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            )
        })
    }

    /// Addresses remembered for `what` (for tests).
    pub fn addresses(&self, what: Limited) -> usize {
        self.limiter(what).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn addr(a: u8, b: u8) -> IpAddr {
        IpAddr::V4(Ipv4Addr::new(10, 0, a, b))
    }

    #[test]
    fn a_burst_then_a_refusal_for_that_address_only() {
        let l = Limits::default();
        for _ in 0..5 {
            assert!(l.check(Limited::Complaint, addr(0, 1)).is_ok());
        }
        let e = l
            .check(Limited::Complaint, addr(0, 1))
            .expect_err("the sixth is refused");
        assert_eq!(e.status(), axum::http::StatusCode::TOO_MANY_REQUESTS);
        assert!(e.retry_after().is_some_and(|s| (1..=180).contains(&s)));
        assert!(e.problem().detail.contains("complaints from this address"));
        // Another address, and another kind of request from the same one, are not affected.
        assert!(l.check(Limited::Complaint, addr(0, 2)).is_ok());
        assert!(l.check(Limited::Export, addr(0, 1)).is_ok());
    }

    #[test]
    fn memory_is_bounded_whatever_the_number_of_addresses() {
        let l = Limits::default();
        let mut refused = 0;
        for i in 0..(MAX_ADDRESSES as u32 + 500) {
            let a = IpAddr::V4(Ipv4Addr::from(0x0A00_0000 + i));
            if l.check(Limited::Complaint, a).is_err() {
                refused += 1;
            }
        }
        assert!(l.addresses(Limited::Complaint) <= MAX_ADDRESSES);
        assert_eq!(refused, 500);
    }
}
