//! Decimal figures without floating point: a JSON number's text read as tenths, and tenths written
//! back with the language's decimal separator. Parsing floats would add kilobytes of wasm to the
//! page that shows them, for one figure (the median days to a notice) shown to one decimal.

/// The number `text` (JSON grammar) in tenths, rounded half up: "6.5" is 65, "5" is 50, "6.55" is
/// 66, "5.5e1" is 550. `None` for a negative number or one too large to be a count of days.
pub fn tenths(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.starts_with('-') {
        return None;
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (
            &text[..i],
            text[i + 1..].trim_start_matches('+').parse::<i32>().ok()?,
        ),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The digits, and where the decimal point falls among them once the exponent is applied.
    let digits: Vec<u8> = whole
        .bytes()
        .chain(fraction.bytes())
        .map(|b| b - b'0')
        .collect();
    let point = i64::from(exponent) + whole.len() as i64;
    let mut value: u64 = 0;
    // Everything up to one place after the point, then the next digit rounds.
    for i in 0..=point {
        let d = usize::try_from(i)
            .ok()
            .and_then(|i| digits.get(i))
            .copied()
            .unwrap_or(0);
        value = value.checked_mul(10)?.checked_add(u64::from(d))?;
        if value > 1_000_000_000 {
            return None;
        }
    }
    let next = usize::try_from(point + 1)
        .ok()
        .and_then(|i| digits.get(i))
        .copied()
        .unwrap_or(0);
    Some(value + u64::from(next >= 5))
}

/// Tenths as "6,5" (or "6.5"), and whole numbers without a fraction ("5").
pub fn format_tenths(tenths: u64, separator: &str) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        part => format!("{}{separator}{part}", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_backends_write() {
        for (text, want) in [
            ("6.5", 65),
            ("5", 50),
            ("5.0", 50),
            ("0", 0),
            ("0.04", 0),
            ("0.05", 1),
            ("6.55", 66),
            ("6.549", 65),
            ("12.25", 123),
            ("5.5e1", 550),
            ("55E-1", 55),
            ("1e0", 10),
            ("0.5e-1", 1),
            ("123e-5", 0),
        ] {
            assert_eq!(tenths(text), Some(want), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_count_of_days() {
        for text in [
            "-1",
            "-0.5",
            "1e400",
            "99999999999",
            "",
            ".5",
            "abc",
            "1.2.3",
            "1e",
        ] {
            assert_eq!(tenths(text), None, "{text}");
        }
    }

    #[test]
    fn writes_one_decimal_in_the_language_style() {
        assert_eq!(format_tenths(65, ","), "6,5");
        assert_eq!(format_tenths(65, "."), "6.5");
        assert_eq!(format_tenths(50, ","), "5");
        assert_eq!(format_tenths(0, ","), "0");
    }
}
