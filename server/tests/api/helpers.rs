//! `spawn_app()`: the real server on a random port over its own fresh database, plus test data
//! helpers (organisations, members, staff) built on the typed `ApiClient`.

mod client;

pub use client::{ApiClient, Reply};

use app::types::{CurrentUser, Email, Role, SignUpInput};
use reqwest::Url;
use serde_json::{json, Value};
use server::config::Settings;
use server::startup::Application;
use sqlx::{Connection, Executor, PgConnection, PgPool};
use std::path::PathBuf;
use std::sync::OnceLock;
use uuid::Uuid;

/// The password every test account gets (long enough for `NewPassword`).
pub const PASSWORD: &str = "correct horse battery staple";

/// The name of the session cookie the server sets.
pub const SESSION_COOKIE: &str = "agora_session";

/// A running server and what a test needs to talk to it.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    /// The test's own database, for setup and for checking what was (not) written.
    pub pool: PgPool,
    /// The first user's client (keeps cookies, so it holds a session once signed in).
    pub client: ApiClient,
    /// The test database, for a second server instance on the same data.
    pub database_url: String,
}

/// Starts the server on port 0 against a new database `{AGORA_TEST_DB_PREFIX}_{uuid}`.
pub async fn spawn_app() -> TestApp {
    if std::env::var_os("TEST_LOG").is_some() {
        server::telemetry::init("pretty");
    }
    app::server::register();
    start_on(create_database().await).await
}

/// Starts another server instance on the database of `self` (as behind a load balancer).
impl TestApp {
    pub async fn second_instance(&self) -> TestApp {
        start_on(self.database_url.clone()).await
    }
}

async fn start_on(database_url: String) -> TestApp {
    let settings = Settings {
        database_url: database_url.clone(),
        addr: "127.0.0.1:0".parse().expect("a valid socket address"),
        dist_dir: dist_dir(),
        allowed_origins: Vec::new(),
        secure_cookies: false,
        trust_forwarded_for: false,
        seed_demo: false,
        log_format: "pretty".into(),
        db_max_connections: 5,
    };
    let application = Application::build(settings)
        .await
        .expect("the server builds");
    let address = format!("http://{}", application.local_addr());
    let pool = application.pool.clone();
    tokio::spawn(async move {
        if let Err(error) = application.run_until(std::future::pending()).await {
            panic!("the test server stopped: {error:#}");
        }
    });
    let client = ApiClient::new(&address);
    TestApp {
        address,
        pool,
        client,
        database_url,
    }
}

/// Creates an empty database on the server `DATABASE_URL` names and returns its URL.
pub async fn create_database() -> String {
    let admin_url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        panic!(
            "DATABASE_URL is not set: the API tests need a PostgreSQL server where they may create \
             databases, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres"
        )
    });
    let prefix = std::env::var("AGORA_TEST_DB_PREFIX").unwrap_or_else(|_| "agora_test".into());
    assert!(
        !prefix.is_empty()
            && prefix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_'),
        "AGORA_TEST_DB_PREFIX must be letters, digits and underscores, not {prefix:?}"
    );
    let name = format!("{prefix}_{}", Uuid::new_v4().simple());
    let mut admin = PgConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to DATABASE_URL ({admin_url}): {e}"));
    admin
        .execute(format!(r#"create database "{name}""#).as_str())
        .await
        .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
    admin.close().await.ok();
    let mut url = Url::parse(&admin_url).expect("DATABASE_URL is a URL");
    url.set_path(&format!("/{name}"));
    url.to_string()
}

/// A directory with a tiny index.html standing in for the browser bundle.
pub fn dist_dir() -> PathBuf {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| {
        // Cargo's scratch directory for integration tests, inside the target directory.
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("agora-api-dist");
        std::fs::create_dir_all(&dir).expect("create the dist directory");
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><title>Agora test bundle</title>",
        )
        .expect("write index.html");
        dir
    })
    .clone()
}

impl TestApp {
    /// Another browser: its own cookie jar, so another user (or nobody) is signed in.
    pub fn new_client(&self) -> ApiClient {
        ApiClient::new(&self.address)
    }

    /// Creates a platform staff account (as `agora-server create-staff` does) and signs it in
    /// on a new client.
    pub async fn staff(&self, role: Role) -> (ApiClient, Account) {
        let email = unique_email(role.as_str());
        let parsed = Email::parse(&email).expect("a valid e-mail address");
        server::staff::create_staff(&self.pool, &parsed, "Platform Staff", role, PASSWORD)
            .await
            .expect("create the staff account");
        let client = self.new_client();
        let user: CurrentUser = client.log_in(&email, PASSWORD).await.ok();
        (client, Account { email, user })
    }

    /// A new organisation of `kind` with its admin signed in on a new client.
    pub async fn org_admin(&self, kind: &str) -> (ApiClient, Account) {
        let client = self.new_client();
        let account = client.sign_up_org(kind).await;
        (client, account)
    }

    /// A plain member of the organisation `admin` administers, invited and signed in on a new client.
    pub async fn member_of(
        &self,
        admin: &ApiClient,
        organisation_id: Uuid,
    ) -> (ApiClient, Account) {
        let email = unique_email("member");
        let token = admin.invite(organisation_id, &email, "member").await;
        let client = self.new_client();
        let user: CurrentUser = client
            .accept_invitation(&token, "Plain Member", PASSWORD)
            .await
            .ok();
        (client, Account { email, user })
    }

    /// Runs one unchecked statement for test setup (e.g. ageing an invitation).
    pub async fn execute(&self, sql: &str) {
        sqlx::query(sql)
            .execute(&self.pool)
            .await
            .unwrap_or_else(|e| panic!("setup statement failed: {e}\n{sql}"));
    }

    /// Counts rows with an unchecked `select count(*) …`.
    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(&self.pool)
            .await
            .unwrap_or_else(|e| panic!("count failed: {e}\n{sql}"))
    }

    pub async fn organisation_count(&self) -> i64 {
        self.count("select count(*) from organisation").await
    }
}

/// A signed-in person and the e-mail they use.
#[derive(Debug, Clone)]
pub struct Account {
    pub email: String,
    pub user: CurrentUser,
}

impl Account {
    pub fn user_id(&self) -> Uuid {
        self.user.user_id
    }

    pub fn organisation_id(&self) -> Uuid {
        self.user
            .organisation
            .as_ref()
            .expect("an organisation user")
            .organisation_id
    }
}

/// An e-mail address no other test account has.
pub fn unique_email(label: &str) -> String {
    format!("{label}.{}@example.com", Uuid::new_v4().simple())
}

/// A valid sign-up for a new organisation of `kind`.
pub fn sign_up_input(kind: &str) -> SignUpInput {
    let tag = &Uuid::new_v4().simple().to_string()[..8];
    SignUpInput {
        org_name: format!("Test {kind} {tag}"),
        org_name_zh: String::new(),
        kind: kind.into(),
        display_name: "First Admin".into(),
        email: unique_email("admin"),
        password: PASSWORD.into(),
    }
}

/// The token at the end of an `accept_path` (`/invite/<token>`).
pub fn token_of(accept_path: &str) -> String {
    accept_path
        .strip_prefix("/invite/")
        .unwrap_or_else(|| panic!("unexpected accept path {accept_path}"))
        .to_owned()
}

/// A complete, valid profile form for `update_organisation`.
pub fn profile_input(name: &str) -> Value {
    json!({
        "name": name,
        "name_zh": "",
        "industry": "Steel",
        "city": "Ningbo",
        "country": "CN",
        "description": "Cold-rolled coil and sheet."
    })
}
