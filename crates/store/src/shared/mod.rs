//! The shared core of the store, which every capability builds on: the hash-chained [`log`],
//! its Merkle [`tree`] and signed [`checkpoint`]s, what a [`mirror`] of another log keeps,
//! the single [`writer`] and the inserts it [`held`] back, who writes ([`actor`]), the write path and the list of capability
//! projectors ([`projector`]), reads under the two clocks ([`read`]), the register of
//! [`sources`], the deep verification that replays the log ([`replay`]), and logins, secrets
//! and throttles, and the [`backup`] of a running database.

pub mod actor;
pub mod backup;
pub mod checkpoint;
pub mod held;
pub mod log;
pub mod mirror;
pub mod projector;
pub mod read;
pub mod replay;
pub mod secrets;
pub mod sources;
pub mod throttle;
pub mod tree;
pub mod users;
pub mod write_path;
pub mod writer;
