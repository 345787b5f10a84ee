//! WCAG 2.x relative luminance and contrast ratio, in `f32` without `powf` or float parsing (both
//! would add kilobytes of wasm).

/// An sRGB colour, as in CSS `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// White: the page background and the button text.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

impl Rgb {
    /// `#rrggbb` or `#rgb` (any case); `None` for anything else.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?.as_bytes();
        if hex.len() != 3 && hex.len() != 6 {
            return None;
        }
        let mut v = 0u32;
        for &c in hex {
            v = v * 16 + (c as char).to_digit(16)?;
        }
        match hex.len() {
            // Each digit doubled: #fa0 is #ffaa00.
            3 => Some(Rgb(
                ((v >> 8) * 17) as u8,
                ((v >> 4 & 15) * 17) as u8,
                ((v & 15) * 17) as u8,
            )),
            6 => Some(Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)),
            _ => None,
        }
    }

    /// `#rrggbb`, lower case: what CSS is given and what a warning shows.
    pub fn hex(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::from("#");
        for c in [self.0, self.1, self.2] {
            s.push(DIGITS[usize::from(c >> 4)] as char);
            s.push(DIGITS[usize::from(c & 15)] as char);
        }
        s
    }

    /// Each channel scaled by `num / den` (a darker shade for `num < den`), rounded down.
    pub fn scaled(self, num: u16, den: u16) -> Rgb {
        let s = |c: u8| (u16::from(c) * num / den.max(1)).min(255) as u8;
        Rgb(s(self.0), s(self.1), s(self.2))
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f32 {
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// An sRGB channel linearised (WCAG 2.x: `c / 12.92` up to 0.04045, else `((c + 0.055) / 1.055)^2.4`).
#[inline(never)]
fn linear(channel: u8) -> f32 {
    let c = f32::from(channel) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        let x = (c + 0.055) / 1.055;
        // x^2.4 = x^2 · (x^2)^(1/5); the fifth root by Newton's method from 1 (above the root, so it
        // falls monotonically; x^2 >= 0.0016 here, so 40 steps are far more than enough).
        let sq = x * x;
        let mut r = 1.0_f32;
        for _ in 0..40 {
            let r4 = r * r * r * r;
            r = (4.0 * r + sq / r4) / 5.0;
        }
        sq * r
    }
}

/// The contrast ratio of two colours, 1 to 21 (order does not matter).
pub fn ratio(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// A ratio as text with two decimals ("4.54"), without float formatting.
pub fn ratio_text(ratio: f32) -> String {
    let hundredths = (ratio * 100.0 + 0.5) as u32;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// WCAG AA for normal text.
pub const TEXT: f32 = 4.5;
/// WCAG AA for user-interface components and graphical objects (borders, indicators).
pub const NON_TEXT: f32 = 3.0;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn c(hex: &str) -> Rgb {
        Rgb::parse(hex).unwrap()
    }

    #[test]
    fn parses_six_and_three_digit_hex() {
        assert_eq!(Rgb::parse("#0b5394"), Some(Rgb(0x0b, 0x53, 0x94)));
        assert_eq!(Rgb::parse(" #0B5394 "), Some(Rgb(0x0b, 0x53, 0x94)));
        assert_eq!(Rgb::parse("#fa0"), Some(Rgb(0xff, 0xaa, 0x00)));
        for wrong in [
            "",
            "#",
            "0b5394",
            "#0b539",
            "#0b53944",
            "#ggg",
            "red",
            "#12345g",
            "rgb(0,0,0)",
            "#+1+2+3",
            "#ff\u{0}",
        ] {
            assert_eq!(Rgb::parse(wrong), None, "{wrong:?}");
        }
        assert_eq!(c("#0B5394").hex(), "#0b5394");
    }

    #[test]
    fn luminance_matches_wcag() {
        assert!((WHITE.luminance() - 1.0).abs() < 1e-5);
        assert!(Rgb(0, 0, 0).luminance().abs() < 1e-7);
        // Reference values from the WCAG formula in f64.
        assert!((c("#808080").luminance() - 0.215_861).abs() < 1e-5);
        assert!((c("#ff0000").luminance() - 0.2126).abs() < 1e-5);
        assert!((c("#0b5394").luminance() - 0.084_1).abs() < 5e-4);
    }

    #[test]
    fn known_ratios() {
        assert_eq!(ratio_text(ratio(WHITE, Rgb(0, 0, 0))), "21.00");
        assert_eq!(ratio_text(ratio(WHITE, WHITE)), "1.00");
        // The classic boundary: #767676 passes AA on white, #777777 does not.
        assert_eq!(ratio_text(ratio(c("#767676"), WHITE)), "4.54");
        assert!(ratio(c("#767676"), WHITE) >= TEXT);
        assert_eq!(ratio_text(ratio(c("#777777"), WHITE)), "4.48");
        assert!(ratio(c("#777777"), WHITE) < TEXT);
        // #949494 is the 3:1 boundary for non-text contrast on white.
        assert!(ratio(c("#949494"), WHITE) >= NON_TEXT);
        assert!(ratio(c("#959595"), WHITE) < NON_TEXT);
        // Symmetric.
        assert_eq!(ratio(c("#0b5394"), WHITE), ratio(WHITE, c("#0b5394")));
        // The portal's defaults.
        assert_eq!(ratio_text(ratio(c("#0b5394"), WHITE)), "7.84");
        assert!(ratio(c("#9ecbff"), WHITE) < 2.0);
    }

    #[test]
    fn scaled_shades() {
        assert_eq!(c("#0b5394").scaled(2, 3), Rgb(7, 55, 98));
        assert_eq!(WHITE.scaled(1, 1), WHITE);
        assert_eq!(WHITE.scaled(2, 1), WHITE);
    }
}
