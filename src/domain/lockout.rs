//! Account lock-out after repeated failed sign-ins.

use chrono::{NaiveDateTime, TimeDelta};

pub const MAX_FAILURES: i32 = 10;
pub const LOCK_DURATION: TimeDelta = TimeDelta::minutes(10);

pub fn is_locked(locked_until: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    locked_until.is_some_and(|until| now < until)
}

/// After one more failure: the new failure count, and the lock's end if this failure locks
/// the account. The count starts again once a lock is set.
pub fn after_failure(failures_before: i32, now: NaiveDateTime) -> (i32, Option<NaiveDateTime>) {
    let failures = failures_before.saturating_add(1);
    if failures >= MAX_FAILURES {
        (0, Some(now + LOCK_DURATION))
    } else {
        (failures, None)
    }
}

/// Whole minutes until `until`, rounded up, for the message the user sees.
pub fn minutes_left(until: NaiveDateTime, now: NaiveDateTime) -> i64 {
    let seconds = (until - now).num_seconds().max(0);
    (seconds + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(min: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_700_000_000 + min * 60, 0)
            .unwrap()
            .naive_utc()
    }

    #[test]
    fn the_tenth_failure_locks_for_ten_minutes() {
        assert_eq!(after_failure(0, t(0)), (1, None));
        assert_eq!(after_failure(8, t(0)), (9, None));
        assert_eq!(after_failure(9, t(0)), (0, Some(t(10))));
    }

    #[test]
    fn a_lock_ends_on_time() {
        assert!(is_locked(Some(t(10)), t(9)));
        assert!(!is_locked(Some(t(10)), t(10)));
        assert!(!is_locked(None, t(0)));
        assert_eq!(minutes_left(t(10), t(0)), 10);
        assert_eq!(minutes_left(t(10), t(10)), 0);
    }
}
