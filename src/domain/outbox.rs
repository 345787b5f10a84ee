//! The outbox's plain rules: the temporary number a waiting submission is shown under, how long
//! to wait before the next attempt, and how long a refused submission's answers stay on the device.
//! The outbox itself is `src/offline/outbox.rs`.

/// How long the answers of a refused submission stay on the device (ms): long enough to open it
/// again and correct it, not for ever.
pub const KEEP_REFUSED_MS: u64 = 30 * 24 * 3600 * 1000;

/// "SMT-1A2B-3C4D" from an idempotency key: random, so it names the submission on this device and
/// says nothing about the citizen; plainly not a registration number.
pub fn local_ref(key: &str) -> String {
    let code: String = key
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect::<String>()
        .to_ascii_uppercase();
    let (a, b) = code.split_at(code.len().min(4));
    format!("SMT-{a}-{b}")
}

/// Seconds before the attempt after attempt `n`: 5, 10, 20, ... at most 5 minutes.
pub fn backoff_secs(attempts: u32) -> u64 {
    (5u64 << attempts.min(6)).min(300)
}

/// Whether a refused submission's answers have stayed long enough: 30 days after the refusal, or
/// after it was queued when the refusal's time is unknown (0: refused before it was recorded).
pub fn refused_answers_expired(refused_at: u64, queued_at: u64, now: u64) -> bool {
    let since = if refused_at == 0 {
        queued_at
    } else {
        refused_at
    };
    now.saturating_sub(since) > KEEP_REFUSED_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uuid_key_gives_two_groups_of_four() {
        assert_eq!(
            local_ref("1a2b3c4d-5e6f-4a0b-8c9d-0e1f2a3b4c5d"),
            "SMT-1A2B-3C4D"
        );
    }

    #[test]
    fn a_short_or_odd_key_never_panics() {
        assert_eq!(local_ref(""), "SMT--");
        assert_eq!(local_ref("ab"), "SMT-AB-");
        assert_eq!(local_ref("k1795-é✓-x"), "SMT-K179-5X");
    }

    #[test]
    fn backoff_doubles_up_to_five_minutes() {
        let waits: Vec<u64> = (0..10).map(backoff_secs).collect();
        assert_eq!(waits, [5, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
        assert_eq!(backoff_secs(u32::MAX), 300);
    }

    #[test]
    fn refused_answers_go_thirty_days_after_the_refusal() {
        let day = 24 * 3600 * 1000;
        let refused = 100 * day;
        assert!(!refused_answers_expired(refused, day, refused + 30 * day));
        assert!(refused_answers_expired(
            refused,
            day,
            refused + 30 * day + 1
        ));
        // Queued long ago, refused yesterday: the 30 days count from the refusal.
        assert!(!refused_answers_expired(refused, day, refused + day));
    }

    #[test]
    fn a_refusal_without_its_time_counts_from_the_queueing() {
        let day = 24 * 3600 * 1000;
        assert!(refused_answers_expired(0, day, 32 * day));
        assert!(!refused_answers_expired(0, day, 30 * day));
        // A clock set back never panics and never deletes early.
        assert!(!refused_answers_expired(5 * day, 0, day));
    }
}
