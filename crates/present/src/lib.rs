//! Presentation shared by the web pages and the reports: the words in Fluent ([`i18n`]), the
//! strength chart ([`chart`]) and the incident map ([`map`]). Nothing here knows HTTP, so a
//! report rendered outside the server reads exactly as the page does.

pub mod chart;
pub mod i18n;
pub mod map;

pub use i18n::{Arg, Tr, stat_column_prefix};
