//! What every capability's API and pages share: who the caller is ([`auth`]) and what they may
//! do ([`gate`]), recording a command for them ([`write`]) and the page form of any command
//! ([`forms`]), the browser-side security of forms ([`csrf`]), limits per address ([`limits`]),
//! errors as RFC 9457 problems ([`error`]), the one parser of query values and bodies
//! ([`extract`]), the completion of the OpenAPI document ([`openapi`]), the cached verification
//! of the log ([`verify`]) and its last cosigned checkpoint ([`checkpoints`]), the desk's items and their cached count ([`desk_count`]), the
//! pages' request context and rendering ([`page`], [`pieces`], [`assets`]), and the search,
//! filters and pages of long lists ([`lists`]).

pub mod assets;
pub mod auth;
pub mod checkpoints;
pub mod cookies;
pub mod csrf;
pub mod desk_count;
pub mod error;
pub mod extract;
pub mod form;
pub mod forms;
pub mod gate;
pub mod limits;
pub mod lists;
pub mod openapi;
pub mod page;
pub mod pieces;
pub mod press;
pub mod state;
pub mod verify;
#[cfg(test)]
mod words;
pub mod write;
