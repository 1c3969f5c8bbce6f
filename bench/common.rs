//! What the HTTP benchmarks share: a server on a store (with an `editor` to write as), its
//! login, and percentiles.

#![allow(dead_code)]

use konbit_domain::Role;
use konbit_store::{Actor, Store};

/// Makes the `editor` user, serves the application (with `extra` routes) on a free port, and
/// returns its base address.
pub async fn serve(store: &Store, extra: axum::Router) -> String {
    store
        .create_user(
            Actor::system("bench"),
            "editor",
            "bench-password",
            Role::Editor,
            None,
        )
        .await
        .expect("user");
    let state = konbit_web::AppState::new(store.clone(), konbit_web::Config::default())
        .await
        .expect("state");
    let app = konbit_web::app(state)
        .merge(extra)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

/// The editor's API token.
pub async fn login(http: &reqwest::Client, base: &str) -> String {
    http.post(format!("{base}/api/v1/auth/token"))
        .json(&serde_json::json!({"username": "editor", "password": "bench-password"}))
        .send()
        .await
        .expect("login")
        .json::<serde_json::Value>()
        .await
        .expect("token")["token"]
        .as_str()
        .expect("token")
        .to_string()
}

/// The `p` quantile of sorted values (NaN when there are none).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}
