//! The situational picture over HTTP: incidents, armed groups, sites, routes and indicators —
//! their API (with the ACLED, HXL and GeoJSON exports) and their pages (map, timeline, status
//! board, incident list and record).

pub mod api;
pub mod pages;
