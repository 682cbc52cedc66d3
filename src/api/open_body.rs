//! An open-data answer kept in memory between figures changes: its bytes, the same bytes
//! gzipped, and its tag. Portals fetch the same few answers over and over; compressing them
//! once per change instead of once per request is most of the cost of a full answer.

use std::io::Write;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};
use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

pub struct Body {
    plain: Vec<u8>,
    gzip: Option<Vec<u8>>,
    etag: String,
}

impl Body {
    /// Tags (a hash of the bytes, so every instance gives the same tag) and compresses.
    pub fn new(plain: Vec<u8>) -> Self {
        let etag = Sha256::digest(&plain)
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        // Without a compressed copy the answer goes out plain (and the middleware may still
        // compress it); nothing is lost but time.
        let gzip = gz.write_all(&plain).and_then(|()| gz.finish()).ok();
        Self {
            plain,
            gzip,
            etag: format!("\"{etag}\""),
        }
    }

    /// 200 with the body (gzipped when the caller takes gzip), or 304 when the caller has it.
    pub fn answer(
        &self,
        req: &HttpRequest,
        content_type: &str,
        cache_control: &'static str,
    ) -> HttpResponse {
        let headers = req.headers();
        let unchanged = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(',')
                    .any(|t| t.trim() == self.etag || t.trim() == "*")
            });
        let mut response = if unchanged {
            HttpResponse::NotModified()
        } else {
            HttpResponse::Ok()
        };
        response
            .insert_header((header::ETAG, self.etag.clone()))
            .insert_header((
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control),
            ))
            .insert_header((header::VARY, "Accept-Encoding"));
        if unchanged {
            return response.finish();
        }
        match &self.gzip {
            Some(gz) if takes_gzip(req) => response
                .insert_header((header::CONTENT_ENCODING, "gzip"))
                .content_type(content_type)
                .body(gz.clone()),
            _ => response.content_type(content_type).body(self.plain.clone()),
        }
    }
}

/// Whether the caller's `Accept-Encoding` prefers gzip to no encoding (actix's negotiation,
/// which honours `q` values and `*`).
fn takes_gzip(req: &HttpRequest) -> bool {
    use actix_web::http::header::{AcceptEncoding, Encoding, Header};
    AcceptEncoding::parse(req).ok().is_some_and(|accepted| {
        let offered = [Encoding::gzip(), Encoding::identity()];
        accepted.negotiate(offered.iter()) == Some(Encoding::gzip())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn with(value: &str) -> HttpRequest {
        TestRequest::default()
            .insert_header((header::ACCEPT_ENCODING, value))
            .to_http_request()
    }

    #[test]
    fn gzip_is_taken_unless_refused() {
        assert!(takes_gzip(&with("gzip")));
        assert!(takes_gzip(&with("br, gzip;q=0.8, deflate")));
        assert!(!takes_gzip(&with("gzip;q=0")));
        assert!(!takes_gzip(&with("br, deflate")));
        assert!(!takes_gzip(&TestRequest::default().to_http_request()));
    }
}
