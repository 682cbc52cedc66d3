//! Cursor paging: a list answers at most `limit` items and, when there are more, an opaque
//! `next_cursor` to pass back as `cursor`. A cursor names the last item seen (not a page
//! number), so rows added meanwhile neither repeat nor get skipped.

use super::problem::ApiError;

pub const DEFAULT_LIMIT: i64 = 100;
pub const MAX_LIMIT: i64 = 1000;

/// The `limit` asked for, within 1..=MAX_LIMIT.
pub fn limit(asked: Option<i64>) -> Result<i64, ApiError> {
    match asked {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => {
            Err(
                ApiError::bad_request("invalid_query", format!("limit is 1 to {MAX_LIMIT}")).field(
                    "/limit",
                    "out_of_range",
                    super::problem::Text::Plain(format!("1..={MAX_LIMIT}")),
                ),
            )
        }
    }
}

/// The key a cursor carries, hex-encoded so it is opaque and URL-safe.
pub fn encode(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn decode(cursor: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(c) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let bad = || ApiError::bad_request("invalid_cursor", "the cursor is not one this API gave out");
    if c.len() % 2 != 0 || c.len() > 512 {
        return Err(bad());
    }
    // By bytes, not by `&str` slices: a cursor of multi-byte characters must be refused, not
    // split inside a character.
    let digit = |b: u8| char::from(b).to_digit(16);
    let bytes = c
        .as_bytes()
        .chunks(2)
        .map(|pair| u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok())
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(bad)?;
    String::from_utf8(bytes).map(Some).map_err(|_| bad())
}

/// Loads `limit + 1` to know whether there is more; returns the page and the next cursor.
pub fn split<T>(
    mut rows: Vec<T>,
    limit: i64,
    key: impl Fn(&T) -> String,
) -> (Vec<T>, Option<String>) {
    let limit = usize::try_from(limit).unwrap_or(0);
    if rows.len() > limit {
        rows.truncate(limit);
        let next = rows.last().map(|r| encode(&key(r)));
        (rows, next)
    } else {
        (rows, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let c = encode("11-0042/Ä");
        assert_eq!(decode(Some(&c)).unwrap().as_deref(), Some("11-0042/Ä"));
        assert!(decode(Some("zz")).is_err());
        assert!(decode(Some("abc")).is_err());
        assert!(decode(Some("6ç\u{10475d}")).is_err());
        assert!(decode(Some("0\u{80}0")).is_err());
        assert_eq!(decode(None).unwrap(), None);
    }

    #[test]
    fn one_more_row_than_asked_means_a_next_page() {
        let (page, next) = split(vec![1, 2, 3], 2, |n| n.to_string());
        assert_eq!(page, vec![1, 2]);
        assert_eq!(next, Some(encode("2")));
        assert_eq!(split(vec![1, 2], 2, |n| n.to_string()).1, None);
        assert!(limit(Some(0)).is_err());
        assert_eq!(limit(None).unwrap(), DEFAULT_LIMIT);
    }
}
