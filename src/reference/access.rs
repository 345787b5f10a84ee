//! Who may see a request or an objection: the verifier, the receipt's access token, and the lock on
//! a number that has had too many wrong verifiers.
//!
//! A verifier (four phone digits) is only 10,000 guesses, so the wrong ones are counted per number,
//! whoever sends them. The access token is 144 random bits: it cannot be guessed, so a lookup by
//! token is never locked, and nobody can lock a requester out of the link on their own receipt.

use crate::contract::Requester;
use std::collections::{HashMap, VecDeque};

/// Random bytes in an access token: 144 bits, 24 base64url characters without padding.
pub const TOKEN_BYTES: usize = 18;
/// Wrong verifiers for one number, from any client, that lock its lookups.
pub const MAX_WRONG_VERIFIERS: usize = 5;
/// How long a wrong verifier counts against its number, in milliseconds: 15 minutes. The lock
/// lifts when the oldest of the counted ones is this old.
pub const WRONG_VERIFIER_WINDOW_MS: i64 = 15 * 60 * 1000;
/// Numbers whose wrong verifiers are remembered at once; a flood of made-up numbers cannot grow
/// the table past it.
const MAX_NUMBERS: usize = 10_000;

/// A new access token from the system's CSPRNG (the OS natively, `crypto.getRandomValues` in the
/// demo worker), URL-safe. `None` only when the platform has no CSPRNG.
pub fn new_token() -> Option<String> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).ok()?;
    Some(base64url(&bytes))
}

/// Base64url (RFC 4648 section 5) without padding.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Whether `given` is the `stored` token, in time that depends only on their lengths (never on
/// where they first differ), so the answer time tells nothing about a guess.
pub fn same_token(stored: &str, given: &str) -> bool {
    let (a, b) = (stored.as_bytes(), given.as_bytes());
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// Wrong verifiers per number within [`WRONG_VERIFIER_WINDOW_MS`].
#[derive(Debug, Default)]
pub struct WrongVerifiers {
    /// Number (trimmed, upper case, with its kind) -> instants of its wrong verifiers, oldest first.
    seen: HashMap<String, VecDeque<i64>>,
}

impl WrongVerifiers {
    fn prune(&mut self, now_ms: i64) {
        self.seen.retain(|_, times| {
            while times
                .front()
                .is_some_and(|t| now_ms - t >= WRONG_VERIFIER_WINDOW_MS)
            {
                times.pop_front();
            }
            !times.is_empty()
        });
    }

    /// Seconds until `number` may be looked up by verifier again; `None` when it is not locked.
    pub fn locked_for(&mut self, number: &str, now_ms: i64) -> Option<u32> {
        self.prune(now_ms);
        let times = self.seen.get(number)?;
        if times.len() < MAX_WRONG_VERIFIERS {
            return None;
        }
        let oldest = times.front().copied().unwrap_or(now_ms);
        let left_ms = oldest + WRONG_VERIFIER_WINDOW_MS - now_ms;
        Some(u32::try_from(((left_ms + 999) / 1000).max(1)).unwrap_or(u32::MAX))
    }

    /// Counts a wrong verifier against `number`, whether or not such a number exists (so a lock
    /// says nothing about which numbers do).
    pub fn record(&mut self, number: &str, now_ms: i64) {
        if !self.seen.contains_key(number) && self.seen.len() >= MAX_NUMBERS {
            self.prune(now_ms);
            if self.seen.len() >= MAX_NUMBERS {
                // Forget the number whose latest wrong verifier is oldest.
                if let Some(oldest) = self
                    .seen
                    .iter()
                    .min_by_key(|(_, t)| t.back().copied().unwrap_or(i64::MIN))
                    .map(|(k, _)| k.clone())
                {
                    self.seen.remove(&oldest);
                }
            }
        }
        let times = self.seen.entry(number.to_owned()).or_default();
        times.push_back(now_ms);
        // Only the latest ones decide the lock.
        while times.len() > MAX_WRONG_VERIFIERS {
            times.pop_front();
        }
    }
}

/// The key a number is counted under: the kind of record and the number as a citizen may type it.
pub fn number_key(kind: &str, number: &str) -> String {
    format!("{kind}:{}", number.trim().to_ascii_uppercase())
}

/// What a record without a token is compared with: as long as a real token, and never equal to
/// one (`=` is not in the alphabet).
pub(super) const NO_TOKEN: &str = "========================";

/// The verifier is the e-mail (any case) or the phone's last four digits.
pub fn verifier_matches(r: &Requester, verifier: &str) -> bool {
    let v = verifier.trim();
    if v.is_empty() {
        return false;
    }
    let by_email = r
        .email
        .as_deref()
        .is_some_and(|e| e.eq_ignore_ascii_case(v));
    let by_phone = v.len() == 4
        && v.bytes().all(|b| b.is_ascii_digit())
        && r.phone
            .as_deref()
            .is_some_and(|p| p.len() >= 4 && p.ends_with(v));
    by_email || by_phone
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_url_safe_long_and_different() {
        let a = new_token().expect("a CSPRNG");
        let b = new_token().expect("a CSPRNG");
        assert_eq!(a.len(), 24);
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_ne!(a, b);
    }

    #[test]
    fn base64url_follows_rfc4648() {
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(&[0xfb, 0xff, 0xbf]), "-_-_");
    }

    #[test]
    fn tokens_match_only_exactly() {
        assert!(same_token("abcDEF-_123", "abcDEF-_123"));
        assert!(!same_token("abcDEF-_123", "abcDEF-_124"));
        assert!(!same_token("abcDEF-_123", "abcdef-_123"));
        assert!(!same_token("abcDEF-_123", "abcDEF-_12"));
        assert!(
            !same_token("", ""),
            "a record without a token opens with none"
        );
    }

    #[test]
    fn a_number_locks_after_five_wrong_verifiers_until_the_first_is_fifteen_minutes_old() {
        let mut w = WrongVerifiers::default();
        let key = number_key("request", " ppid-2026-000101 ");
        assert_eq!(key, "request:PPID-2026-000101");
        let t0 = 1_000_000;
        for i in 0..MAX_WRONG_VERIFIERS as i64 {
            assert_eq!(w.locked_for(&key, t0 + i * 1000), None);
            w.record(&key, t0 + i * 1000);
        }
        assert_eq!(w.locked_for(&key, t0 + 5_000), Some(900 - 5));
        assert_eq!(w.locked_for("request:PPID-2026-000102", t0 + 5_000), None);
        assert_eq!(
            w.locked_for(&key, t0 + WRONG_VERIFIER_WINDOW_MS - 1),
            Some(1)
        );
        assert_eq!(w.locked_for(&key, t0 + WRONG_VERIFIER_WINDOW_MS), None);
    }

    #[test]
    fn the_table_stays_bounded() {
        let mut w = WrongVerifiers::default();
        for i in 0..MAX_NUMBERS + 50 {
            w.record(&format!("request:N{i}"), 1_000 + i as i64);
        }
        assert_eq!(w.seen.len(), MAX_NUMBERS);
        assert!(
            !w.seen.contains_key("request:N0"),
            "the oldest is forgotten"
        );
    }
}
