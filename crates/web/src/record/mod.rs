//! The shared core over HTTP: health and the OpenAPI document, the record log and its
//! verification, the register of sources and disagreements, corrections, logins, users and
//! tokens — their API and their pages.

pub mod api;
pub mod pages;
