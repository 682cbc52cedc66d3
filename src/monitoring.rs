//! Metrics for Prometheus: what the process counts and measures, and who may read it.
//!
//! Recording goes through the `metrics` facade (a no-op until a recorder is installed, so the
//! command line records nothing); `/metrics` renders the Prometheus text format. The names:
//!
//! - `jobmap_http_requests_total{method,route,status}` and
//!   `jobmap_http_request_duration_seconds{method,route}`: per route pattern (`/regions/{kato}`),
//!   never the raw path, so the number of series stays bounded.
//! - `jobmap_db_pool_connections{state="in_use"|"idle"}`, `jobmap_db_pool_max_connections`,
//!   and `jobmap_db_pool_checkout_seconds`: how long requests waited for a connection.
//! - `jobmap_sqlite_write_queue_wait_seconds`: time a write waited for the SQLite writer slot.
//! - `jobmap_sqlite_group_commit_writes`: writes committed together by one SQLite transaction.
//! - `jobmap_page_cache_requests_total{result="hit"|"miss"}`.
//! - `jobmap_import_rows_total{kind,outcome}`: CSV rows imported or refused.
//! - `jobmap_last_check_ok`, `jobmap_last_check_problems`, `jobmap_last_check_timestamp_seconds`:
//!   the last `jobmap check` or repair recorded in `check_runs`, read at each scrape.

use std::net::IpAddr;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Bucket bounds in seconds, from a cached page (a millisecond) to a checkout timeout.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// Writes per group commit, up to `db::group_commit::MAX_GROUP`.
const GROUP_BUCKETS: [f64; 7] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process's recorder on first use (tests start many servers in one process,
/// which then share it). `None` when another recorder was installed first.
pub fn handle() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let built = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &BUCKETS)
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("jobmap_sqlite_group_commit_writes".into()),
                        &GROUP_BUCKETS,
                    )
                })
                .and_then(PrometheusBuilder::install_recorder);
            match built {
                Ok(handle) => Some(handle),
                Err(e) => {
                    tracing::warn!(error = %e, "metrics are not recorded");
                    None
                }
            }
        })
        .as_ref()
}

pub fn request(method: &str, route: &str, status: u16, took: Duration) {
    metrics::counter!("jobmap_http_requests_total", "method" => method.to_owned(),
        "route" => route.to_owned(), "status" => status.to_string())
    .increment(1);
    metrics::histogram!("jobmap_http_request_duration_seconds", "method" => method.to_owned(),
        "route" => route.to_owned())
    .record(took.as_secs_f64());
}

/// Middleware: counts and times every request under its route pattern.
pub async fn count_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let res = next.call(req).await?;
    request(&method, &route, res.status().as_u16(), started.elapsed());
    Ok(res)
}

pub fn pool(in_use: u32, idle: u32, max: u32) {
    metrics::gauge!("jobmap_db_pool_connections", "state" => "in_use").set(f64::from(in_use));
    metrics::gauge!("jobmap_db_pool_connections", "state" => "idle").set(f64::from(idle));
    metrics::gauge!("jobmap_db_pool_max_connections").set(f64::from(max));
}

pub fn pool_checkout(took: Duration) {
    metrics::histogram!("jobmap_db_pool_checkout_seconds").record(took.as_secs_f64());
}

pub fn write_queue_wait(took: Duration) {
    metrics::histogram!("jobmap_sqlite_write_queue_wait_seconds").record(took.as_secs_f64());
}

pub fn group_commit(writes: usize) {
    metrics::histogram!("jobmap_sqlite_group_commit_writes").record(writes as f64);
}

pub fn cache(hit: bool) {
    let result = if hit { "hit" } else { "miss" };
    metrics::counter!("jobmap_page_cache_requests_total", "result" => result).increment(1);
}

/// Rows of one CSV upload: `imported` when the file went in, else `refused` (all or nothing).
pub fn import_rows(kind: &'static str, rows: usize, imported: bool) {
    let outcome = if imported { "imported" } else { "refused" };
    metrics::counter!("jobmap_import_rows_total", "kind" => kind, "outcome" => outcome)
        .increment(rows as u64);
}

/// The hook for the consistency check: call it with the number of differences found and
/// when the check ran (seconds since 1970).
pub fn record_check(problems: usize, at_unix_seconds: i64) {
    metrics::gauge!("jobmap_last_check_ok").set(if problems == 0 { 1.0 } else { 0.0 });
    metrics::gauge!("jobmap_last_check_problems").set(problems as f64);
    metrics::gauge!("jobmap_last_check_timestamp_seconds").set(at_unix_seconds as f64);
}

/// Addresses allowed to read `/metrics`: single addresses or CIDR blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowList(Vec<(IpAddr, u8)>);

impl AllowList {
    /// Parses `127.0.0.1, ::1, 10.0.0.0/8`; an empty string allows no address.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (addr, bits) = match item.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (item, None),
            };
            let ip: IpAddr = addr
                .parse()
                .map_err(|_| format!("{item:?} is not an IP address or CIDR block"))?;
            let max = if ip.is_ipv4() { 32 } else { 128 };
            let bits = match bits {
                None => max,
                Some(b) => b
                    .parse::<u8>()
                    .ok()
                    .filter(|b| *b <= max)
                    .ok_or_else(|| format!("{item:?}: the prefix length must be 0-{max}"))?,
            };
            nets.push((ip, bits));
        }
        Ok(Self(nets))
    }

    pub fn allows(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        self.0.iter().any(|(net, bits)| match (net, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => prefix_eq(&n.octets(), &a.octets(), *bits),
            (IpAddr::V6(n), IpAddr::V6(a)) => prefix_eq(&n.octets(), &a.octets(), *bits),
            _ => false,
        })
    }
}

fn prefix_eq(a: &[u8], b: &[u8], bits: u8) -> bool {
    let bits = usize::from(bits);
    let (whole, rest) = (bits / 8, bits % 8);
    if a[..whole] != b[..whole] {
        return false;
    }
    if rest == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    a[whole] & mask == b[whole] & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("test address")
    }

    #[test]
    fn loopback_by_default_and_blocks_by_prefix() {
        let list = AllowList::parse("127.0.0.1, ::1").expect("valid");
        assert!(list.allows(ip("127.0.0.1")));
        assert!(list.allows(ip("::1")));
        assert!(list.allows(ip("::ffff:127.0.0.1")));
        assert!(!list.allows(ip("10.0.0.1")));

        let list = AllowList::parse("10.0.0.0/8,192.168.1.0/25").expect("valid");
        assert!(list.allows(ip("10.200.3.4")));
        assert!(list.allows(ip("192.168.1.127")));
        assert!(!list.allows(ip("192.168.1.128")));
        assert!(!list.allows(ip("11.0.0.1")));
        assert!(!AllowList::parse("").expect("empty").allows(ip("127.0.0.1")));
    }

    #[test]
    fn a_bad_entry_is_named() {
        assert!(
            AllowList::parse("localhost")
                .unwrap_err()
                .contains("localhost")
        );
        assert!(
            AllowList::parse("10.0.0.0/33")
                .unwrap_err()
                .contains("0-32")
        );
    }
}
