//! The one integration-test binary: the real application over HTTP on a fresh database per
//! test, on SQLite always and on PostgreSQL when `KONBIT_TEST_POSTGRES_URL` is set.

mod api;
mod browser;
mod cli;
mod desk;
mod faults;
mod forms;
mod log;
mod media;
mod pages;
mod press;
mod registers;
mod roles;
mod scenario;
mod schema;
mod security;
mod security_verify;
mod situation;
mod situation_pages;
mod trust;
