//! The shared core over HTTP: health and the OpenAPI document, the record log, its
//! verification, checkpoints, proofs and tiles, the mirror's page and witness, the register of sources and disagreements, corrections, logins, users and
//! tokens — their API and their pages.

pub mod api;
pub mod mirror;
pub mod pages;
pub mod tlog;
