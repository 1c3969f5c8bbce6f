//! Force generation over HTTP: missions, mandates, successions, requirements, contributors,
//! strength, the timeline, pledges, authorizations, deployments and funding — their API and
//! their pages.

pub mod api;
pub mod pages;
