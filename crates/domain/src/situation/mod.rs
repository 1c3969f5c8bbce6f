//! The situational picture the mission works in: incidents coded by the ACLED codebook with
//! their verification and links to the registers, armed groups and their designations, the
//! status over time of airports, ports, prisons and route segments, humanitarian indicators as
//! sourced series — and the formats analysts already use (ACLED CSV in and out, HXL, the
//! Haiti gazetteer of OCHA P-codes, a synthetic generator for load tests).

pub mod acled;
pub mod acled_csv;
mod commands;
pub mod gazetteer;
pub mod hxl;
pub mod synthetic;
mod table;

pub use commands::*;
