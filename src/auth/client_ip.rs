//! The client's address, for rate limits and the audit trail.
//!
//! Behind a load balancer every connection comes from the balancer, so with
//! `JOBMAP_TRUST_PROXY=true` the address is taken from `Forwarded` / `X-Forwarded-For`. Without
//! it those headers are ignored: anyone could write them.

use std::net::IpAddr;

use actix_governor::{KeyExtractor, SimpleKeyExtractionError};
use actix_web::HttpRequest;
use actix_web::dev::ServiceRequest;

pub fn client_ip(req: &HttpRequest, trust_proxy: bool) -> Option<IpAddr> {
    if trust_proxy {
        let info = req.connection_info();
        if let Some(ip) = info.realip_remote_addr().and_then(|a| {
            a.parse::<IpAddr>()
                .ok()
                .or_else(|| a.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
        }) {
            return Some(ip);
        }
    }
    req.peer_addr().map(|a| a.ip())
}

/// The rate limiter's key: one bucket per client address.
#[derive(Debug, Clone, Copy)]
pub struct ClientIpKey {
    pub trust_proxy: bool,
}

impl KeyExtractor for ClientIpKey {
    type Key = IpAddr;
    type KeyExtractionError = SimpleKeyExtractionError<&'static str>;

    fn extract(&self, req: &ServiceRequest) -> Result<IpAddr, Self::KeyExtractionError> {
        client_ip(req.request(), self.trust_proxy)
            .ok_or_else(|| SimpleKeyExtractionError::new("client address unknown"))
    }
}
