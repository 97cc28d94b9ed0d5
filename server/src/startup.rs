//! Start-up: connect, migrate, seed, build the router, bind and serve until Ctrl-C.

use crate::config::Settings;
use crate::middleware::metrics::HttpMetrics;
use crate::routes;
use anyhow::Context;
use app::rules::login_throttle::ThrottlePolicy;
use app::server::{AppSettings, ServerState};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_sessions_sqlx_store::PostgresStore;

pub async fn connect(settings: &Settings) -> anyhow::Result<PgPool> {
    PgPoolOptions::new()
        .max_connections(settings.db_max_connections)
        .acquire_timeout(std::time::Duration::from_secs(5))
        .connect(&settings.database_url)
        .await
        .context("connecting to PostgreSQL (is DATABASE_URL right and the server up?)")
}

pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    sqlx::migrate!("../migrations")
        .run(pool)
        .await
        .context("running migrations")?;
    PostgresStore::new(pool.clone())
        .migrate()
        .await
        .context("creating the session store tables")
}

/// A server bound to its port, ready to run.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    pub pool: PgPool,
}

impl Application {
    /// Connects, migrates, seeds (if enabled and empty) and binds. Port 0 picks a free port.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let pool = connect(&settings).await?;
        migrate(&pool).await?;
        if settings.seed_demo {
            crate::seed::seed_if_empty(&pool).await?;
        }
        let listener = TcpListener::bind(settings.addr)
            .await
            .with_context(|| format!("binding {}", settings.addr))?;
        let port = listener.local_addr()?.port();
        let store = PostgresStore::new(pool.clone());
        let auctions = app::server::auction::Auctions::new(pool.clone());
        // Lots open and close on their timers from start-up, with no browser open.
        app::server::auction::start_background_tasks(auctions.clone());
        let catalog = app::server::catalog_index::CatalogIndex::new(pool.clone());
        catalog
            .reload_all()
            .await
            .context("loading the catalog index")?;
        app::server::catalog_index::start_background_tasks(catalog.clone());
        let state = ServerState {
            auctions,
            catalog,
            pool: pool.clone(),
            settings: Arc::new(AppSettings {
                trust_forwarded_for: settings.trust_forwarded_for,
                throttle: ThrottlePolicy::DEFAULT,
            }),
        };
        let router = routes::router(routes::RouterParts {
            state,
            store,
            settings: &settings,
            allowed_origins: settings.origins_for_port(port),
            metrics: Arc::new(HttpMetrics::default()),
        });
        Ok(Application {
            listener,
            router,
            pool,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown)
            .await
            .context("serving HTTP")
    }
}

/// Builds and serves until Ctrl-C or SIGTERM.
pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    let app = Application::build(settings).await?;
    let pool = app.pool.clone();
    let session_cleanup = tokio::spawn(delete_expired_sessions(PostgresStore::new(pool.clone())));
    let hourly = tokio::spawn(hourly_jobs(pool.clone()));
    let alerts = tokio::spawn(price_alert_sweeps(pool.clone()));
    tracing::info!(url = %format!("http://{}", app.local_addr()), "Agora is listening");
    app.run_until(shutdown_signal()).await?;
    session_cleanup.abort();
    hourly.abort();
    alerts.abort();
    pool.close().await;
    tracing::info!("Agora stopped");
    Ok(())
}

/// Expired sessions are never read again; sweep them every ten minutes so the table stays small.
async fn delete_expired_sessions(store: PostgresStore) {
    use tower_sessions::session_store::ExpiredDeletion;
    let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        every.tick().await;
        if let Err(error) = store.delete_expired().await {
            tracing::warn!(%error, "could not delete expired sessions");
        }
    }
}

/// At start-up and then every hour: the document expiry pass (warnings, suspensions) and the
/// scorecard recomputation. Both are idempotent, so several instances may run them.
async fn hourly_jobs(pool: PgPool) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        let now = time::OffsetDateTime::now_utc();
        match app::server::expiry::run_expiry_pass(&pool, now.date()).await {
            Ok(pass) => tracing::info!(?pass, "document expiry pass"),
            Err(error) => tracing::warn!(%error, "the document expiry pass failed"),
        }
        match app::server::scorecard::recompute_all(&pool, now).await {
            Ok(count) => tracing::info!(count, "scorecards recomputed"),
            Err(error) => tracing::warn!(%error, "recomputing the scorecards failed"),
        }
    }
}

/// Every minute: the price alert sweep. Listing approvals check their product at once; the sweep
/// catches targets crossed by a new FX or freight rate. Triggering is idempotent (an alert fires
/// once), so several instances may sweep.
async fn price_alert_sweeps(pool: PgPool) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let today = time::OffsetDateTime::now_utc().date();
        match app::server::price_alerts::sweep(&pool, today).await {
            Ok(0) => {}
            Ok(triggered) => tracing::info!(triggered, "price alerts triggered"),
            Err(error) => tracing::warn!(%error, "the price alert sweep failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
