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
        let takes_gzip = headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(accepts_gzip);
        match &self.gzip {
            Some(gz) if takes_gzip => response
                .insert_header((header::CONTENT_ENCODING, "gzip"))
                .content_type(content_type)
                .body(gz.clone()),
            _ => response.content_type(content_type).body(self.plain.clone()),
        }
    }
}

/// Whether an `Accept-Encoding` value takes gzip (and does not refuse it with `q=0`).
fn accepts_gzip(value: &str) -> bool {
    value.split(',').any(|part| {
        let mut pieces = part.split(';').map(str::trim);
        let coding = pieces.next().unwrap_or("");
        let refused = pieces.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_taken_unless_refused() {
        assert!(accepts_gzip("gzip"));
        assert!(accepts_gzip("br, gzip;q=0.8, deflate"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0"));
        assert!(!accepts_gzip("br, deflate"));
        assert!(!accepts_gzip(""));
    }
}
