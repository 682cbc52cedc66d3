//! Settings, from environment variables (or the same names as command-line flags).

use clap::Args;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/jobmap.db";

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(
        long,
        env = "JOBMAP_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind: String,

    /// SQLite file (sqlite://path) or PostgreSQL URL (postgres://user:pass@host:5432/db).
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,

    /// Connections kept in the database pool.
    #[arg(long, env = "JOBMAP_POOL_SIZE", default_value_t = 10, global = true)]
    pub pool_size: u32,

    /// At least 32 random bytes signing session and flash cookies. Set the same value on every
    /// instance behind a load balancer; if unset, a random key is made at start and sessions
    /// end when the process restarts.
    #[arg(long, env = "JOBMAP_SECRET_KEY", hide_env_values = true, global = true)]
    pub secret_key: Option<String>,

    /// Password for the `admin` account created on first start, when there are no users yet.
    /// If unset, a random one is generated and printed once to the log.
    #[arg(
        long,
        env = "JOBMAP_ADMIN_PASSWORD",
        hide_env_values = true,
        global = true
    )]
    pub admin_password: Option<String>,

    /// Mark cookies `Secure`. Turn on when users reach jobmap over HTTPS (e.g. behind a
    /// TLS-terminating load balancer).
    #[arg(
        long,
        env = "JOBMAP_SECURE_COOKIES",
        default_value_t = false,
        global = true
    )]
    pub secure_cookies: bool,

    /// Take the client's address from `Forwarded` / `X-Forwarded-For` (for login rate limits
    /// and the audit trail). Turn on only behind a load balancer that sets these headers.
    #[arg(
        long,
        env = "JOBMAP_TRUST_PROXY",
        default_value_t = false,
        global = true
    )]
    pub trust_proxy: bool,

    /// Sign-in attempts allowed per client address per minute.
    #[arg(
        long,
        env = "JOBMAP_LOGIN_PER_MINUTE",
        default_value_t = 10,
        global = true
    )]
    pub login_per_minute: u32,

    /// HTTP worker threads (default: one per CPU core).
    #[arg(long, env = "JOBMAP_WORKERS", global = true)]
    pub workers: Option<usize>,

    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "JOBMAP_LOG_FORMAT", default_value = "text", global = true)]
    pub log_format: String,

    /// The time zone whose date is the programme's "today" (an IANA name).
    #[arg(
        long,
        env = "JOBMAP_TIMEZONE",
        default_value = crate::clock::DEFAULT_TIMEZONE,
        value_parser = crate::clock::parse_zone,
        global = true
    )]
    pub timezone: chrono_tz::Tz,

    /// Uploads (CSV imports) this instance receives at once; each may hold its file (up to
    /// 30 MiB) in memory. More at the same moment are asked to try again shortly.
    #[arg(
        long,
        env = "JOBMAP_UPLOADS_AT_ONCE",
        default_value_t = 4,
        global = true
    )]
    pub uploads_at_once: usize,

    /// Addresses (or CIDR blocks, comma-separated) allowed to read `/metrics`; others get 404
    /// unless they present JOBMAP_METRICS_TOKEN.
    #[arg(
        long,
        env = "JOBMAP_METRICS_ALLOW",
        default_value = "127.0.0.1,::1",
        global = true
    )]
    pub metrics_allow: String,

    /// A bearer token that opens `/metrics` from any address (`Authorization: Bearer …`).
    #[arg(
        long,
        env = "JOBMAP_METRICS_TOKEN",
        hide_env_values = true,
        global = true
    )]
    pub metrics_token: Option<String>,

    /// Tests stop the clock at an instant; deliberately neither a flag nor an environment
    /// variable, so a deployment always runs on the real time.
    #[arg(skip)]
    pub fixed_now: Option<chrono::DateTime<chrono::Utc>>,

    /// Seconds a request waits for a database connection before the page answers 503
    /// "temporarily unavailable".
    #[arg(
        long,
        env = "JOBMAP_DB_TIMEOUT_SECS",
        default_value_t = 3,
        global = true
    )]
    pub db_timeout_secs: u64,

    /// Directory for scheduled backups of the embedded SQLite database (off when unset).
    #[arg(long, env = "JOBMAP_BACKUP_DIR", global = true)]
    pub backup_dir: Option<std::path::PathBuf>,

    /// Time between scheduled backups: e.g. 24h, 6h, 30m, 2d (a bare number is hours).
    #[arg(
        long,
        env = "JOBMAP_BACKUP_INTERVAL",
        default_value = "24h",
        value_parser = crate::ops::schedule::parse_interval,
        global = true
    )]
    pub backup_interval: std::time::Duration,

    /// How many scheduled backups to keep; older ones are removed.
    #[arg(long, env = "JOBMAP_BACKUP_KEEP", default_value_t = 7, global = true)]
    pub backup_keep: usize,

    /// Requests per minute allowed to each API token (a burst of that many, refilled at that
    /// rate); more answer 429 with Retry-After.
    #[arg(
        long,
        env = "JOBMAP_API_RATE_PER_MINUTE",
        default_value_t = 600,
        global = true
    )]
    pub api_rate_per_minute: u32,

    /// Largest JSON body the API reads, in bytes; a larger one answers 413.
    #[arg(
        long,
        env = "JOBMAP_API_BODY_LIMIT_BYTES",
        default_value_t = crate::api::json::DEFAULT_LIMIT_BYTES,
        global = true
    )]
    pub api_body_limit_bytes: usize,
}

impl Config {
    /// Settings for tests and tools: everything at its default except what the caller sets.
    pub fn for_database(database_url: &str) -> Self {
        Self {
            bind: "127.0.0.1:0".into(),
            database_url: database_url.into(),
            pool_size: 4,
            secret_key: None,
            admin_password: None,
            secure_cookies: false,
            trust_proxy: false,
            login_per_minute: 10,
            workers: Some(2),
            log_format: "text".into(),
            timezone: chrono_tz::Asia::Almaty,
            fixed_now: None,
            uploads_at_once: 4,

            metrics_allow: "127.0.0.1,::1".into(),
            metrics_token: None,
            db_timeout_secs: 3,
            backup_dir: None,
            backup_interval: std::time::Duration::from_secs(86_400),
            backup_keep: 7,
            api_rate_per_minute: 600,
            api_body_limit_bytes: crate::api::json::DEFAULT_LIMIT_BYTES,
        }
    }

    /// The programme's clock: in `timezone`, stopped at `fixed_now` when a test set it.
    pub fn clock(&self) -> crate::clock::Clock {
        match self.fixed_now {
            Some(at) => crate::clock::Clock::fixed(self.timezone, at),
            None => crate::clock::Clock::system(self.timezone),
        }
    }
}
