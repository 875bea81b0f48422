//! How long a member waits after wrong PINs. The count lives in the database, so a
//! restart of the app does not reset it.

/// Wrong PINs allowed before the app makes the member wait.
pub const FREE_TRIES: u32 = 3;
/// The first wait; each further wrong PIN doubles it, up to about 85 minutes.
pub const FIRST_WAIT_SECS: u64 = 5;

/// Seconds still to wait at `now` after `failures` wrong PINs, the last at
/// `last_failure` (seconds since the epoch); 0 when a try is allowed.
pub fn pin_wait_secs(failures: u32, last_failure: u64, now: u64) -> u64 {
    if failures < FREE_TRIES {
        return 0;
    }
    let wait = FIRST_WAIT_SECS << (failures - FREE_TRIES).min(10);
    (last_failure + wait).saturating_sub(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_tries_are_free_then_the_wait_doubles() {
        assert_eq!(pin_wait_secs(2, 100, 100), 0);
        assert_eq!(pin_wait_secs(3, 100, 100), 5);
        assert_eq!(pin_wait_secs(4, 100, 100), 10);
        assert_eq!(pin_wait_secs(5, 100, 102), 18);
        assert_eq!(pin_wait_secs(3, 100, 105), 0, "the wait is over");
    }

    #[test]
    fn the_wait_stops_growing() {
        assert_eq!(pin_wait_secs(40, 0, 0), FIRST_WAIT_SECS << 10);
    }
}
