//! Test support: [`spawn_app`] starts the real application on `127.0.0.1:0` over a fresh
//! database (a SQLite file in a temp dir, or a new PostgreSQL database when
//! `KONBIT_TEST_POSTGRES_URL` is set and the test asks for it), with the users `admin`, `editor`
//! and `viewer`; [`TestApp`] hands out typed HTTP clients logged in as each role.

use anyhow::{Context, Result};
use konbit_domain::Named;
use konbit_domain::Role;
use konbit_store::{Actor, Options, Store, checkpoint::LogKey};
use serde_json::Value;
use std::net::SocketAddr;

/// Password of every test user.
pub const PASSWORD: &str = "test-password-1";

/// The backends a test should run on: SQLite always, PostgreSQL when
/// `KONBIT_TEST_POSTGRES_URL` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite.
    Sqlite,
    /// PostgreSQL from `KONBIT_TEST_POSTGRES_URL`.
    Postgres,
}

/// SQLite, plus PostgreSQL when configured.
pub fn backends() -> Vec<Backend> {
    let mut v = vec![Backend::Sqlite];
    if postgres_url().is_some() {
        v.push(Backend::Postgres);
    }
    v
}

/// `KONBIT_TEST_POSTGRES_URL`, if set and not empty.
pub fn postgres_url() -> Option<String> {
    std::env::var("KONBIT_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

/// A database made for one test and removed afterwards.
pub struct TestDb {
    /// Its URL.
    pub url: String,
    /// The backend.
    pub backend: Backend,
    dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl TestDb {
    /// Creates an empty database on `backend`.
    pub async fn new(backend: Backend) -> Result<TestDb> {
        // Every test starts here: the process's TLS provider is there before any HTTP client.
        konbit_media::feed::install_tls();
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir()?;
                let url = format!("sqlite://{}", dir.path().join("konbit.db").display());
                Ok(TestDb {
                    url,
                    backend,
                    dir: Some(dir),
                    pg: None,
                })
            }
            Backend::Postgres => {
                let admin = postgres_url().context("KONBIT_TEST_POSTGRES_URL is not set")?;
                let name = format!("konbit_test_{}", uuid::Uuid::now_v7().simple());
                let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
                    .await
                    .with_context(|| {
                        format!("cannot connect to {}", konbit_store::redact(&admin))
                    })?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await?;
                let base = admin
                    .rsplit_once('/')
                    .map(|(b, _)| b.to_string())
                    .unwrap_or(admin.clone());
                let url = format!("{base}/{name}");
                Ok(TestDb {
                    url,
                    backend,
                    dir: None,
                    pg: Some((admin, name)),
                })
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if std::env::var("KONBIT_KEEP_TEST_DB").is_ok() {
            if let Some(d) = self.dir.take() {
                let _ = d.keep();
            }
            return;
        }
        if let Some((admin, name)) = self.pg.take() {
            // Drop runs outside any runtime guarantee: use a thread with its own runtime.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                if let Ok(rt) = rt {
                    rt.block_on(async {
                        if let Ok(mut c) =
                            <sqlx::PgConnection as sqlx::Connection>::connect(&admin).await
                        {
                            let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            )))
                            .execute(&mut c)
                            .await;
                        }
                    });
                }
            })
            .join();
        }
    }
}

/// A running application.
pub struct TestApp {
    /// Where it listens.
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Its store (for assertions that look below the API).
    pub store: Store,
    /// Its database.
    pub db: TestDb,
    /// The key its checkpoints are signed with.
    pub key: LogKey,
    server: tokio::task::JoinHandle<()>,
}

/// Starts the application on SQLite.
pub async fn spawn_app() -> TestApp {
    spawn_app_on(Backend::Sqlite).await
}

/// Starts the application on `backend`, with one user per role, named after it (the
/// commander is Kenya's).
pub async fn spawn_app_on(backend: Backend) -> TestApp {
    spawn_app_with(backend, konbit_web::Config::default()).await
}

/// Starts the application on `backend` with a configuration of the test's own.
#[allow(clippy::expect_used)]
pub async fn spawn_app_with(backend: Backend, mut config: konbit_web::Config) -> TestApp {
    let key = match &config.log_key {
        Some(k) => k.clone(),
        None => LogKey::generate("konbit.test/log").expect("a log key"),
    };
    config.log_key = Some(key.clone());
    let db = TestDb::new(backend).await.expect("test database");
    let url = db.url.clone();
    spawn_app_at(db, &url, config).await
}

/// Starts the application on `db`, reaching it at `url` (the database's own, or the same
/// database through something a test puts in between, such as a proxy it can cut).
#[allow(clippy::expect_used)]
pub async fn spawn_app_at(db: TestDb, url: &str, mut config: konbit_web::Config) -> TestApp {
    let key = match &config.log_key {
        Some(k) => k.clone(),
        None => LogKey::generate("konbit.test/log").expect("a log key"),
    };
    config.log_key = Some(key.clone());
    let store = Store::open(&Options {
        url: url.to_string(),
        migrate: true,
    })
    .await
    .expect("open store");
    for role in Role::ALL {
        // The commander belongs to the Kenyan contingent.
        let country = role.needs_country().then_some("KEN");
        store
            .create_user(
                Actor::system("test"),
                role.as_str(),
                PASSWORD,
                *role,
                country,
            )
            .await
            .expect("test user");
    }
    // Bind before spawning: the address is known and accepting before any request is sent.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = konbit_web::AppState::new(store.clone(), config)
        .await
        .expect("state");
    let app = konbit_web::app(state).into_make_service_with_connect_info::<SocketAddr>();
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    TestApp {
        addr,
        base: format!("http://{addr}"),
        store,
        db,
        key,
        server,
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Another server on a test app's database, as after a restart: its own store, writer and
/// in-memory state. Stops when dropped.
pub struct Again {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Its store.
    pub store: Store,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Again {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl TestApp {
    /// Starts another server on this app's database.
    pub async fn again(&self) -> Again {
        self.again_with(konbit_web::Config::default()).await
    }

    /// Starts another server on this app's database with a configuration of the test's own
    /// (signing with this app's key unless it names another).
    #[allow(clippy::expect_used)]
    pub async fn again_with(&self, mut config: konbit_web::Config) -> Again {
        let store = Store::open(&Options {
            url: self.db.url.clone(),
            migrate: false,
        })
        .await
        .expect("open store");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        if config.log_key.is_none() {
            config.log_key = Some(self.key.clone());
        }
        let state = konbit_web::AppState::new(store.clone(), config)
            .await
            .expect("state");
        let app = konbit_web::app(state).into_make_service_with_connect_info::<SocketAddr>();
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Again {
            base: format!("http://{addr}"),
            store,
            server,
        }
    }
}

/// An HTTP client bound to one app, optionally with a bearer token.
#[derive(Clone)]
pub struct Client {
    /// The underlying client (keeps cookies).
    pub http: reqwest::Client,
    /// Base URL.
    pub base: String,
    token: Option<String>,
}

/// A response, read whole.
#[derive(Debug)]
pub struct Resp {
    /// Status code.
    pub status: u16,
    /// Content-Type header.
    pub content_type: String,
    /// Body text.
    pub text: String,
    /// Headers.
    pub headers: reqwest::header::HeaderMap,
}

impl Resp {
    /// Body as JSON (panics with the body when it is not JSON).
    #[allow(clippy::expect_used)]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

impl Client {
    async fn send(&self, mut req: reqwest::RequestBuilder) -> Resp {
        if let Some(t) = &self.token {
            req = req.bearer_auth(t);
        }
        #[allow(clippy::expect_used)]
        let r = req.send().await.expect("request");
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let content_type = headers
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let text = r.text().await.unwrap_or_default();
        Resp {
            status,
            content_type,
            text,
            headers,
        }
    }

    /// GET a path.
    pub async fn get(&self, path: &str) -> Resp {
        self.send(self.http.get(format!("{}{path}", self.base)))
            .await
    }

    /// POST JSON to a path.
    pub async fn post_json(&self, path: &str, body: &Value) -> Resp {
        self.send(self.http.post(format!("{}{path}", self.base)).json(body))
            .await
    }

    /// POST raw bytes with a content type.
    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> Resp {
        self.send(
            self.http
                .post(format!("{}{path}", self.base))
                .header(reqwest::header::CONTENT_TYPE, content_type)
                .body(body),
        )
        .await
    }

    /// POST a form.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Resp {
        self.send(self.http.post(format!("{}{path}", self.base)).form(form))
            .await
    }
}

impl TestApp {
    /// An anonymous client (keeps cookies, does not follow redirects).
    pub fn anonymous(&self) -> Client {
        self.anonymous_from(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST))
    }

    /// An anonymous client whose requests come from another loopback address (`127.0.0.2`):
    /// another machine, as far as the server can tell.
    #[allow(clippy::expect_used)]
    pub fn anonymous_from(&self, local: std::net::IpAddr) -> Client {
        konbit_media::feed::install_tls();
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .local_address(local)
            .build()
            .expect("client");
        Client {
            http,
            base: self.base.clone(),
            token: None,
        }
    }

    /// A client with an API token of the test user with this role (`None`: anonymous). Each
    /// role's client comes from a loopback address of its own (`127.0.0.10` and up), as users
    /// on their own machines would: the limits per address count them apart.
    #[allow(clippy::expect_used)]
    pub async fn client(&self, role: Option<Role>) -> Client {
        let mut c = match role.and_then(|r| Role::ALL.iter().position(|x| *x == r)) {
            Some(i) => self.anonymous_from(std::net::IpAddr::V4(std::net::Ipv4Addr::new(
                127,
                0,
                0,
                10 + u8::try_from(i).unwrap_or(0),
            ))),
            None => self.anonymous(),
        };
        if let Some(role) = role {
            let r = c
                .post_json(
                    "/api/v1/auth/token",
                    &serde_json::json!({"username": role.as_str(), "password": PASSWORD}),
                )
                .await;
            assert_eq!(r.status, 200, "login as {role}: {}", r.text);
            c.token = Some(r.json()["token"].as_str().expect("token").to_string());
        }
        c
    }

    /// The number of entries in the log.
    #[allow(clippy::expect_used)]
    pub async fn log_len(&self) -> i64 {
        let mut c = self.store.conn().await.expect("conn");
        konbit_store::log::count(&mut c.ex()).await.expect("count")
    }

    /// Runs raw SQL against the test database (e.g. to tamper with it).
    #[allow(clippy::expect_used)]
    pub async fn sql(&self, sql: &str) -> Result<()> {
        let mut c = self.store.conn().await.expect("conn");
        let mut ex = c.ex();
        konbit_store::on!(&mut ex, |conn| sqlx::raw_sql(sqlx::AssertSqlSafe(
            sql.to_string()
        ))
        .execute(conn)
        .await
        .map(|_| ()))?;
        Ok(())
    }
}

/// A small mission fixture: the mission `t`, a source, and a requirement of national approval.
/// Returns the source id.
#[allow(clippy::expect_used)]
pub async fn seed(app: &TestApp) -> String {
    let admin = app.client(Some(Role::Admin)).await;
    let r = admin
        .post_json(
            "/api/v1/sources",
            &serde_json::json!({"kind": "press_release", "title": "UN press release", "url": "https://press.un.org/x", "reliability": "A", "credibility": 1, "classification": "public"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let source = r.json()["id"].as_str().expect("id").to_string();
    let r = admin
        .post_json(
            "/api/v1/missions",
            &serde_json::json!({"slug": "t", "name": "Test Mission", "short_name": "TM", "host_country": "HTI", "lead_nation": "KEN", "start_date": "2023-10-02", "sources": [source], "classification": "public"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let r = admin
        .post_json(
            "/api/v1/mandates",
            &serde_json::json!({"mission": "t", "resolution": 2699, "adopted_on": "2023-10-02", "votes_for": 13, "votes_against": 0, "votes_abstain": 2, "mandate_end": "2024-10-02", "sources": [source], "classification": "public"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let r = admin
        .post_json(
            "/api/v1/requirements",
            &serde_json::json!({"mission": "t", "from": "2023-10-02", "instruments": ["national_approval"], "classification": "public"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    source
}

/// Records that a gated test (PostgreSQL, browser) really ran, for CI to check
/// (`KONBIT_TEST_RAN_DIR`).
pub fn mark_ran(what: &str) {
    if let Ok(dir) = std::env::var("KONBIT_TEST_RAN_DIR") {
        let _ = std::fs::write(std::path::Path::new(&dir).join(what), b"ran\n");
    }
}
