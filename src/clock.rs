//! The programme's clock. "Today" is the date in Kazakhstan, not in UTC: from 00:00 to 05:00
//! local time the two differ, and a hire dated today must not be refused as in the future.
//! One value, made from the configuration at start, is handed to every handler, use case and
//! command; tests fix it to an instant so that they can stand at any hour.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The zone the programme's dates are in when `JOBMAP_TIMEZONE` is not set.
pub const DEFAULT_TIMEZONE: &str = "Asia/Almaty";

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    zone: Tz,
    /// Set only by tests (`Config::fixed_now` cannot be given on the command line or in the
    /// environment): the clock then stands still at this instant.
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    pub fn system(zone: Tz) -> Self {
        Self { zone, fixed: None }
    }

    pub fn fixed(zone: Tz, at: DateTime<Utc>) -> Self {
        Self {
            zone,
            fixed: Some(at),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    /// The programme's date now: "today", the latest date a hire or contract may carry, and
    /// the default "as of".
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&self.zone).date_naive()
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }
}

impl Default for Clock {
    fn default() -> Self {
        Self::system(chrono_tz::Asia::Almaty)
    }
}

/// `JOBMAP_TIMEZONE`'s value, an IANA zone name; refused at start when unknown, so a typo
/// cannot silently put the programme on UTC.
pub fn parse_zone(name: &str) -> Result<Tz, String> {
    Tz::from_str(name.trim()).map_err(|_| {
        format!("unknown time zone {name:?}: give an IANA name such as {DEFAULT_TIMEZONE}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn half_past_midnight_in_almaty_is_already_the_next_day() {
        // 19:30 UTC on 1 March 2025 is 00:30 on 2 March in Kazakhstan (UTC+5).
        let at = Utc.with_ymd_and_hms(2025, 3, 1, 19, 30, 0).unwrap();
        let clock = Clock::fixed(chrono_tz::Asia::Almaty, at);
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2025, 3, 2).unwrap());
        assert_eq!(
            Clock::fixed(chrono_tz::UTC, at).today(),
            NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
        );
    }

    #[test]
    fn zone_names_are_checked() {
        assert_eq!(parse_zone("Asia/Almaty"), Ok(chrono_tz::Asia::Almaty));
        assert!(parse_zone("Asia/Nowhere").is_err());
    }
}
