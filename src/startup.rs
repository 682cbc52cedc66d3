//! Builds the HTTP server: middleware, shared state and the route table.

use std::net::TcpListener;

use actix_web::cookie::Key;
use actix_web::dev::Server;
use actix_web::error::UrlencodedError;
use actix_web::middleware::ErrorHandlers;
use actix_web::{App, HttpServer, web};
use actix_web_flash_messages::FlashMessagesFramework;
use tracing_actix_web::TracingLogger;

use actix_session::SessionMiddleware;
use actix_session::config::BrowserSession;
use actix_web::cookie::SameSite;
use actix_web::middleware::from_fn;

use crate::auth::csrf::{self, CookieKey};
use crate::auth::current_user::load_user;
use crate::auth::headers::security_headers;
use crate::auth::session_cache;
use crate::auth::session_store::{self, DbSessionStore};
use crate::config::Config;
use crate::db::Db;
use crate::error::AppError;
use crate::routes;
use crate::web::flash_store::FlashCookieStore;

/// Largest urlencoded form accepted; CSV uploads have their own limit.
pub const FORM_LIMIT_BYTES: usize = 256 * 1024;

pub struct Application {
    port: u16,
    server: Server,
    db: Db,
}

impl Application {
    /// Opens the database (migrating it), makes sure there is a way in, and binds the listener.
    pub fn build(config: Config) -> anyhow::Result<Self> {
        let metrics_access = routes::prometheus::MetricsAccess::from_config(&config)?;
        // Before the first query, so that nothing is counted into the void.
        crate::monitoring::handle();
        let db = Db::open_with(
            &config.database_url,
            config.pool_size,
            std::time::Duration::from_secs(config.db_timeout_secs),
        )?;
        crate::bootstrap::ensure_first_admin(&db, config.admin_password.as_deref())?;
        db.listen_to_other_instances();
        let listener = TcpListener::bind(&config.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.bind))?;
        let port = listener.local_addr()?.port();
        tracing::info!(
            address = %listener.local_addr()?,
            database = %db.url().redacted(),
            "jobmap is serving"
        );
        start_backups(&db, &config);
        let server = run(listener, db.clone(), config, metrics_access)?;
        Ok(Self { port, server, db })
    }

    /// Serves on a database handle made elsewhere, without migrating it or creating the
    /// first admin: tests use it to serve from a database that cannot be reached.
    pub fn build_on(config: Config, db: Db) -> anyhow::Result<Self> {
        let metrics_access = routes::prometheus::MetricsAccess::from_config(&config)?;
        let listener = TcpListener::bind(&config.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.bind))?;
        let port = listener.local_addr()?.port();
        let server = run(listener, db.clone(), config, metrics_access)?;
        Ok(Self { port, server, db })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's own pool (tests record the statements its pages run).
    pub fn db(&self) -> Db {
        self.db.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

fn secret_key(config: &Config) -> Key {
    match config.secret_key.as_deref().map(str::as_bytes) {
        Some(bytes) if bytes.len() >= 32 => Key::derive_from(bytes),
        Some(_) => {
            tracing::warn!("JOBMAP_SECRET_KEY is shorter than 32 bytes; using a random key");
            Key::generate()
        }
        None => {
            tracing::warn!(
                "JOBMAP_SECRET_KEY is not set; using a random key (sessions end on restart, \
                 and instances behind a load balancer must share one key)"
            );
            Key::generate()
        }
    }
}

/// Too large (413) and wrong content type (415) keep their own status; anything else about a
/// form is a 400. The page itself is rendered by `routes::error_page`.
fn form_error(e: UrlencodedError, _: &actix_web::HttpRequest) -> actix_web::Error {
    match e {
        UrlencodedError::Overflow { .. } | UrlencodedError::ContentType => e.into(),
        other => AppError::BadRequest(other.to_string()).into(),
    }
}

fn run(
    listener: TcpListener,
    db: Db,
    config: Config,
    metrics_access: routes::prometheus::MetricsAccess,
) -> anyhow::Result<Server> {
    let metrics_access = web::Data::new(metrics_access);
    let key = secret_key(&config);
    let flash_store = FlashCookieStore::new(key.clone(), config.secure_cookies);
    let flashes = FlashMessagesFramework::builder(flash_store).build();
    let session_cache = std::sync::Arc::new(session_cache::SessionCache::new(db.clone()));
    let sessions = DbSessionStore::new(db.clone(), session_cache.clone());
    let session_cache = web::Data::from(session_cache);
    let login_limits = routes::login_limits(&config);
    let secure = config.secure_cookies;
    let workers = config.workers;
    spawn_session_sweeper(db.clone());
    routes::login::prepare();
    let db = web::Data::new(db);
    let config = web::Data::new(config);
    let cookie_key = web::Data::new(CookieKey(key.clone()));
    let clock = web::Data::new(config.clock());
    let upload_slots = web::Data::new(crate::auth::upload_gate::UploadSlots::new(
        config.uploads_at_once,
    ));
    // One set of per-token counters for the whole process, shared by every worker.
    let api_limits = web::Data::new(crate::api::caller::ApiLimits::per_minute(
        config.api_rate_per_minute,
    ));
    let api_body_limit = web::Data::new(crate::api::json::JsonLimit(config.api_body_limit_bytes));
    let mut server = HttpServer::new(move || {
        // Listed innermost first: the CSRF guard runs after the session and user are known,
        // and its refusal still goes through the error page renderer.
        App::new()
            .wrap(from_fn(csrf::guard))
            .wrap(ErrorHandlers::new().default_handler(routes::error_page::render))
            .wrap(flashes.clone())
            .wrap(from_fn(load_user))
            .wrap(
                SessionMiddleware::builder(sessions.clone(), key.clone())
                    .cookie_name("jobmap_session".into())
                    .cookie_http_only(true)
                    .cookie_same_site(SameSite::Lax)
                    .cookie_secure(secure)
                    .session_lifecycle(BrowserSession::default())
                    .build(),
            )
            .wrap(from_fn(crate::web::outage::unavailable_page))
            .wrap(security_headers())
            // gzip or brotli when the client accepts it; XLSX files say `identity` (a zip
            // does not shrink).
            .wrap(actix_web::middleware::Compress::default())
            .wrap(TracingLogger::default())
            .wrap(from_fn(crate::monitoring::count_request))
            .app_data(db.clone())
            .app_data(session_cache.clone())
            .app_data(metrics_access.clone())
            .app_data(config.clone())
            .app_data(cookie_key.clone())
            .app_data(clock.clone())
            .app_data(
                web::FormConfig::default()
                    .limit(FORM_LIMIT_BYTES)
                    .error_handler(form_error),
            )
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|e, _| AppError::BadRequest(e.to_string()).into()),
            )
            // Uploads are read into memory up to this limit (a few at a time, see
            // `auth::upload_gate`); handlers check their own.
            .app_data(
                actix_multipart::form::MultipartFormConfig::default()
                    .total_limit(crate::web::upload::MULTIPART_LIMIT)
                    .memory_limit(crate::web::upload::MULTIPART_LIMIT),
            )
            .app_data(upload_slots.clone())
            .app_data(api_limits.clone())
            .app_data(api_body_limit.clone())
            // A path segment that does not parse (a malformed id) names no record.
            .app_data(web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()))
            .configure(|cfg| routes::configure(cfg, &login_limits))
            .default_service(web::to(routes::not_found))
    })
    .listen(listener)?;
    if let Some(n) = workers {
        server = server.workers(n);
    }
    Ok(server.run())
}

/// Scheduled backups of the embedded database, when `JOBMAP_BACKUP_DIR` is set.
fn start_backups(db: &Db, config: &Config) {
    let Some(dir) = config.backup_dir.clone() else {
        return;
    };
    if !db.is_sqlite() {
        tracing::warn!(
            "JOBMAP_BACKUP_DIR is ignored on PostgreSQL: back up with pg_dump or base backups"
        );
        return;
    }
    tracing::info!(
        dir = %dir.display(),
        every_hours = config.backup_interval.as_secs_f64() / 3600.0,
        keep = config.backup_keep,
        "scheduled backups on"
    );
    crate::ops::schedule::spawn(
        db.clone(),
        crate::ops::schedule::Schedule {
            dir,
            every: config.backup_interval,
            keep: config.backup_keep,
        },
    );
}

/// Deletes expired sessions every ten minutes, so the table holds only live ones. A plain
/// thread: it needs no async runtime and sleeps almost all the time.
fn spawn_session_sweeper(db: Db) {
    let started = std::thread::Builder::new()
        .name("session-sweeper".into())
        .spawn(move || {
            loop {
                std::thread::sleep(std::time::Duration::from_secs(600));
                match session_store::purge_expired(&db) {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(removed = n, "expired sessions removed"),
                    Err(e) => tracing::warn!(error = %e, "expired sessions could not be removed"),
                }
            }
        });
    if let Err(e) = started {
        tracing::warn!(error = %e, "session sweeper not started; expired sessions stay until used");
    }
}
