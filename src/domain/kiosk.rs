//! Kiosk settings from `config.json`. A wrong value falls back to its default instead of stopping
//! the portal: these settings never decide which backend a citizen's data goes to.

use crate::json::{FromJson, Value};

/// Seconds without a touch before the idle warning, when not configured.
pub const DEFAULT_IDLE_SECONDS: u32 = 120;
/// Seconds the idle warning counts down before the wipe, when not configured.
pub const DEFAULT_WARNING_SECONDS: u32 = 30;
/// The longest idle or warning time accepted (a day); more is taken for a mistake.
const MAX_SECONDS: u32 = 86_400;
/// The thermal paper widths the receipt has a layout for, in millimetres.
pub const PAPER_WIDTHS_MM: [u8; 2] = [58, 80];

/// `kiosk_idle_seconds`: a whole number from 1 to 86 400, otherwise the default.
pub fn idle_seconds(value: Option<&Value>) -> u32 {
    seconds(value, DEFAULT_IDLE_SECONDS)
}

/// `kiosk_warning_seconds`: a whole number from 1 to 86 400, otherwise the default.
pub fn warning_seconds(value: Option<&Value>) -> u32 {
    seconds(value, DEFAULT_WARNING_SECONDS)
}

/// `receipt_paper_mm`: 58 or 80 for a thermal printer; anything else (or `null`) is the ordinary layout.
pub fn paper_mm(value: Option<&Value>) -> Option<u8> {
    value
        .and_then(|v| u8::from_json(v).ok())
        .filter(|mm| PAPER_WIDTHS_MM.contains(mm))
}

fn seconds(value: Option<&Value>, default: u32) -> u32 {
    value
        .and_then(|v| u32::from_json(v).ok())
        .filter(|s| (1..=MAX_SECONDS).contains(s))
        .unwrap_or(default)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::json::parse;

    fn v(text: &str) -> Value {
        parse(text).unwrap()
    }

    #[test]
    fn times_are_whole_seconds_in_range_or_the_default() {
        assert_eq!(idle_seconds(None), 120);
        assert_eq!(warning_seconds(None), 30);
        assert_eq!(idle_seconds(Some(&v("300"))), 300);
        assert_eq!(warning_seconds(Some(&v("5"))), 5);
        for wrong in [
            "0",
            "-5",
            "1.5",
            "\"90\"",
            "null",
            "true",
            "86401",
            "99999999999",
            "[]",
        ] {
            assert_eq!(idle_seconds(Some(&v(wrong))), 120, "{wrong}");
            assert_eq!(warning_seconds(Some(&v(wrong))), 30, "{wrong}");
        }
    }

    #[test]
    fn only_58_and_80_mm_are_thermal_paper() {
        assert_eq!(paper_mm(None), None);
        assert_eq!(paper_mm(Some(&v("58"))), Some(58));
        assert_eq!(paper_mm(Some(&v("80"))), Some(80));
        for other in ["null", "57", "210", "\"80\"", "80.0", "-58", "300"] {
            assert_eq!(paper_mm(Some(&v(other))), None, "{other}");
        }
    }
}
