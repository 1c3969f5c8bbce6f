//! The mandate lifecycle: which resolution is in force on a date, when the authorization
//! expires, and the warnings the dashboard shows 90 and 30 days ahead.

use serde::Serialize;
use time::Date;

/// What the dashboard should say about a mandate's expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "level", rename_all = "snake_case")]
pub enum Expiry {
    /// More than 90 days left.
    Ok {
        /// Days until the mandate ends.
        days_left: i64,
    },
    /// 90 days or fewer left.
    Within90 {
        /// Days until the mandate ends.
        days_left: i64,
    },
    /// 30 days or fewer left.
    Within30 {
        /// Days until the mandate ends.
        days_left: i64,
    },
    /// The mandate has ended.
    Expired {
        /// Days since it ended.
        days_ago: i64,
    },
}

/// Expiry status of a mandate ending on `end`, seen from `today`.
pub fn expiry(end: Date, today: Date) -> Expiry {
    let days = (end - today).whole_days();
    match days {
        d if d < 0 => Expiry::Expired { days_ago: -d },
        d if d <= 30 => Expiry::Within30 { days_left: d },
        d if d <= 90 => Expiry::Within90 { days_left: d },
        d => Expiry::Ok { days_left: d },
    }
}

/// From a mission's mandates as (adopted_on, mandate_end), the end of the authorization in
/// force on `on`: the mandate_end of the latest resolution adopted on or before that date.
pub fn authorized_until(mandates: &[(Date, Date)], on: Date) -> Option<Date> {
    mandates
        .iter()
        .filter(|(adopted, _)| *adopted <= on)
        .max_by_key(|(adopted, _)| *adopted)
        .map(|(_, end)| *end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn warnings_at_90_and_30_days() {
        let end = date!(2024 - 10 - 02);
        assert_eq!(
            expiry(end, date!(2024 - 07 - 04)),
            Expiry::Within90 { days_left: 90 }
        );
        assert_eq!(
            expiry(end, date!(2024 - 07 - 01)),
            Expiry::Ok { days_left: 93 }
        );
        assert_eq!(
            expiry(end, date!(2024 - 09 - 02)),
            Expiry::Within30 { days_left: 30 }
        );
        assert_eq!(
            expiry(end, date!(2024 - 10 - 03)),
            Expiry::Expired { days_ago: 1 }
        );
    }

    #[test]
    fn renewal_moves_the_end() {
        let m = [
            (date!(2023 - 10 - 02), date!(2024 - 10 - 02)),
            (date!(2024 - 09 - 30), date!(2025 - 10 - 02)),
        ];
        assert_eq!(authorized_until(&m, date!(2023 - 10 - 01)), None);
        assert_eq!(
            authorized_until(&m, date!(2024 - 09 - 29)),
            Some(date!(2024 - 10 - 02))
        );
        assert_eq!(
            authorized_until(&m, date!(2024 - 09 - 30)),
            Some(date!(2025 - 10 - 02))
        );
    }
}
