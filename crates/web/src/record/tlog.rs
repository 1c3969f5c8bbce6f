//! The log as outsiders check it: the signed checkpoint (cached and cosigned by
//! `shared::checkpoints`), and the tree published as C2SP tlog-tiles under `/tlog/` — immutable
//! files a CDN or a plain web server can mirror, read with off-the-shelf tlog tooling. The
//! proofs' JSON API is in [`super::api`].

use crate::shared::{error::ApiError, state::AppState};
use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use konbit_store::checkpoint::{LogKey, decimal};

/// The server's log key, or the problem of a server run without one.
pub fn key(s: &AppState) -> Result<&LogKey, ApiError> {
    s.config.log_key.as_ref().ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "no_log_key",
            "No checkpoints",
            "this server was started without a log key and signs no checkpoints",
        )
    })
}

/// The latest checkpoint as a `text/plain` response.
pub async fn checkpoint_response(s: &AppState) -> Result<Response, ApiError> {
    let (_, note) = s
        .checkpoints
        .latest(&s.store, key(s)?, &s.config.witnesses)
        .await?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        note,
    )
        .into_response())
}

/// The tlog-tiles routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/tlog/checkpoint", get(tlog_checkpoint))
        .route("/tlog/tile/{*path}", get(tile))
}

async fn tlog_checkpoint(State(s): State<AppState>) -> Result<Response, ApiError> {
    checkpoint_response(&s).await
}

/// Which file of the tile tree a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TilePath {
    /// Tile level (`None`: an entry bundle).
    pub level: Option<u32>,
    /// Index of the tile in its level.
    pub index: u64,
    /// Hashes or entries in it: 256 for a full tile, fewer for a partial one (`.p/W`).
    pub width: u64,
}

/// Parses the part of a tile path after `tile/`: `L/N[.p/W]` or `entries/N[.p/W]`, with `N`
/// in groups of three digits, all but the last prefixed with `x` (C2SP tlog-tiles).
pub fn parse_tile_path(path: &str) -> Result<TilePath, String> {
    if path.len() > 64 {
        return Err("the tile path is too long".into());
    }
    let (path, width) = match path.split_once(".p/") {
        Some((p, w)) => {
            let w: u64 = decimal(w)
                .filter(|w| (1..256).contains(w))
                .ok_or_else(|| format!("{w:?} is not a partial tile width (1 to 255)"))?;
            (p, w)
        }
        None => (path, 256),
    };
    let (level, rest) = path
        .split_once('/')
        .ok_or("a tile path is LEVEL/N or entries/N")?;
    let level = match level {
        "entries" => None,
        l => Some(
            decimal(l)
                .and_then(|l| u32::try_from(l).ok())
                .filter(|l| *l < 8)
                .ok_or_else(|| format!("{l:?} is not a tile level (0 to 7)"))?,
        ),
    };
    let groups: Vec<&str> = rest.split('/').collect();
    // One name per tile: a leading group of zeros (`x000/003`) would be a second name of `003`.
    if groups.len() > 1 && groups[0] == "x000" {
        return Err("a tile index has no leading x000 group".into());
    }
    let mut index: u64 = 0;
    for (i, g) in groups.iter().enumerate() {
        let last = i + 1 == groups.len();
        let d = if last { Some(*g) } else { g.strip_prefix('x') };
        let n = d
            .filter(|d| d.len() == 3 && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<u64>().ok())
            .ok_or_else(|| format!("{g:?} is not a group of a tile index (xNNN/…/NNN)"))?;
        index = index
            .checked_mul(1000)
            .and_then(|x| x.checked_add(n))
            .ok_or("the tile index is too large")?;
    }
    Ok(TilePath {
        level,
        index,
        width,
    })
}

async fn tile(State(s): State<AppState>, Path(path): Path<String>) -> Result<Response, ApiError> {
    let t = parse_tile_path(&path).map_err(|m| ApiError::bad_request("invalid_tile_path", m))?;
    let data = match t.level {
        Some(level) => s.store.tree_tile(level, t.index, t.width).await?,
        None => s.store.tree_entries(t.index, t.width).await?,
    };
    let data = data.ok_or_else(|| {
        ApiError::not_found(format!("tile {path} (the tree does not hold it yet)"))
    })?;
    // A node of the tree never changes once stored, so neither does any tile, partial or full.
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        data,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_witness_is_an_address_with_a_host_and_a_cosignature_key() {
        use crate::shared::checkpoints::Witness;
        let key = konbit_store::checkpoint::WitnessKey::generate("w.example/1").expect("key");
        let vkey = key.verifier_key();
        let w = Witness::parse(&format!("http://127.0.0.1:9090/={vkey}")).expect("a witness");
        assert_eq!(w.url, "http://127.0.0.1:9090");
        for bad in [
            format!("http://={vkey}"),
            format!("http:///={vkey}"),
            format!("ftp://host={vkey}"),
            "http://host=nonsense".to_string(),
            "http://host".to_string(),
        ] {
            assert!(Witness::parse(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tile_paths_parse_as_c2sp_writes_them() {
        let t = |level, index, width| TilePath {
            level,
            index,
            width,
        };
        assert_eq!(parse_tile_path("0/000"), Ok(t(Some(0), 0, 256)));
        assert_eq!(parse_tile_path("1/x001/234"), Ok(t(Some(1), 1234, 256)));
        assert_eq!(
            parse_tile_path("entries/x001/x234/067.p/8"),
            Ok(t(None, 1_234_067, 8))
        );
        for bad in [
            "0/0",
            "0/1234",
            "0/001/234",
            "8/000",
            "01/000",
            "0/000.p/0",
            "0/000.p/256",
            "0/000.p/08",
            "entries",
            "0/x000",
            "0/x000/003.p/10",
            "-1/000",
            "0/x999/x999/x999/x999/x999/x999/x999/999",
        ] {
            assert!(parse_tile_path(bad).is_err(), "{bad} was accepted");
        }
    }
}
