//! Media monitoring over HTTP: the articles the record keeps with their claims, the decisions
//! on those claims ([`api`]), and the staff's pages ([`pages`]): the press feed grouped by
//! story, an article with each claim's span highlighted and compared with the record, and the
//! conflicts between the press and the record side by side.

pub mod api;
pub mod pages;
