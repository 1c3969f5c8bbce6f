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

/// The CPU time this process has used so far (every thread, user and system), in seconds, from
/// `/proc/self/stat`; `None` where there is no such file. Divided by the requests a
/// measurement made, it gives what one request costs in CPU: on a small shared machine a far
/// steadier figure than a rate, which also counts the time spent waiting for a core or a disk.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces: count fields from its closing parenthesis.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime, fields 14 and 15 of the file, in USER_HZ ticks (100 per second).
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
