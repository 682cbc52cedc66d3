//! Structured logs. `RUST_LOG` filters them (default `info`); `JOBMAP_LOG_FORMAT=json` makes one
//! JSON object per line. Each line logged while serving a request carries that request's span,
//! and with it the `request_id` that tracing-actix-web gives every request.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::FmtSpan;

pub fn init(format: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        // The request span closing is the access log line: method, route, status, request id.
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    // try_init: tests start many apps in one process and only the first may install it.
    let _ = if format == "json" {
        builder.json().with_current_span(true).try_init()
    } else {
        builder.try_init()
    };
}
