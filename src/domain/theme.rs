//! The regency's branding from `config.json` (`theme`): name, logo, colours, base font scale.
//! Like the kiosk settings, a wrong value falls back to its default and never stops the portal.

use super::contrast::{ratio, ratio_text, Rgb, NON_TEXT, TEXT};
use crate::json::{Fields, Value};

/// The stylesheet's `--primary` (links, buttons, header rule).
pub const DEFAULT_PRIMARY: Rgb = Rgb(0x0b, 0x53, 0x94);
/// The stylesheet's `--accent` (warning borders and the connection indicator).
pub const DEFAULT_ACCENT: Rgb = Rgb(0xb4, 0x53, 0x09);
/// The base font scale range in percent; 100 is the browser's own size.
pub const FONT_SCALE_PERCENT: (u16, u16) = (100, 150);

/// `--surface`, the panels' background, on which links also appear (the darkest text background).
const SURFACE: Rgb = Rgb(0xf3, 0xf4, 0xf6);
/// The warning backgrounds the accent borders sit on (`.stale` is the darker of `#fff7ed`/`#fffbeb`).
const WARNING_BACKGROUND: Rgb = Rgb(0xff, 0xf7, 0xed);

/// The `theme` object of `config.json`; `None` is the default for that setting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Theme {
    /// The portal's name in the header and the document title, instead of the public body's name.
    pub name: Option<String>,
    /// The logo beside the name: an `http(s)` URL or one relative to the portal.
    pub logo_url: Option<String>,
    pub primary: Option<Rgb>,
    pub accent: Option<Rgb>,
    /// The base font size in percent of the browser's (`font_scale` 1.25 is 125).
    pub font_scale_percent: Option<u16>,
}

impl Theme {
    /// Decodes `theme`; anything unusable is left out (the default), never an error.
    #[inline(never)]
    pub fn from_json(value: Option<&Value>) -> Theme {
        let mut theme = Theme::default();
        let Some(Ok(fields)) = value.map(Fields::of) else {
            return theme;
        };
        // A repeated key is an error for `get`: neither value is used.
        let text = |key| match fields.get(key) {
            Ok(Some(Value::String(s))) => Some(s.trim()).filter(|s| !s.is_empty()),
            _ => None,
        };
        theme.name = text("name").map(str::to_owned);
        theme.logo_url = text("logo_url")
            .filter(|u| logo_url_ok(u))
            .map(str::to_owned);
        theme.primary = text("primary").and_then(Rgb::parse);
        theme.accent = text("accent").and_then(Rgb::parse);
        theme.font_scale_percent = match fields.get("font_scale") {
            Ok(Some(Value::Number(n))) => font_scale_percent(n),
            _ => None,
        };
        theme
    }

    /// The colours to use: the configured ones, or the defaults when any contrast check fails.
    #[inline(never)]
    pub fn palette(&self) -> Result<Palette, ContrastFailure> {
        let palette = Palette::new(
            self.primary.unwrap_or(DEFAULT_PRIMARY),
            self.accent.unwrap_or(DEFAULT_ACCENT),
        );
        palette.check().map(|()| palette)
    }
}

/// The colours the stylesheet's custom properties are set to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub primary: Rgb,
    /// The hover and button-shadow shade, two thirds of the primary (the default's relation).
    pub primary_dark: Rgb,
    pub accent: Rgb,
}

/// A colour that does not meet WCAG AA where the stylesheet uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct ContrastFailure {
    /// The setting, e.g. `primary`.
    pub colour: &'static str,
    pub value: Rgb,
    pub against: Rgb,
    /// Where the stylesheet puts these two together.
    pub use_: &'static str,
    pub ratio: f32,
    pub needed: f32,
}

impl ContrastFailure {
    /// The console warning: which colour, its ratio, what is needed, and that the defaults are used.
    #[inline(never)]
    pub fn message(&self) -> String {
        format!(
            "config.json theme.{} {} has a contrast of {}:1 against {} ({}); WCAG AA needs {}:1. The default colours are used.",
            self.colour,
            self.value.hex(),
            ratio_text(self.ratio),
            self.against.hex(),
            self.use_,
            ratio_text(self.needed),
        )
    }
}

impl Palette {
    /// A palette whose hover shade is derived from `primary`.
    pub fn new(primary: Rgb, accent: Rgb) -> Palette {
        Palette {
            primary,
            primary_dark: primary.scaled(2, 3),
            accent,
        }
    }

    /// Every pairing `style/main.css` makes with these colours, against WCAG 2.x AA. Each colour is
    /// checked against the darkest background it is used on, which covers the lighter ones (white);
    /// the hover shade is darker than the primary, so it passes whenever the primary does.
    pub fn check(&self) -> Result<(), ContrastFailure> {
        let pairs = [
            (
                "primary",
                self.primary,
                SURFACE,
                "links on white and on the panels' grey, white button text",
                TEXT,
            ),
            (
                "accent",
                self.accent,
                WARNING_BACKGROUND,
                "warning borders and the connection dot",
                NON_TEXT,
            ),
        ];
        for (colour, value, against, use_, needed) in pairs {
            let r = ratio(value, against);
            if r < needed {
                return Err(ContrastFailure {
                    colour,
                    value,
                    against,
                    use_,
                    ratio: r,
                    needed,
                });
            }
        }
        Ok(())
    }
}

/// The default palette (the stylesheet's own colours).
pub fn default_palette() -> Palette {
    Palette::new(DEFAULT_PRIMARY, DEFAULT_ACCENT)
}

/// `font_scale` as written in JSON (e.g. `1.25`) in percent, clamped to [`FONT_SCALE_PERCENT`];
/// `None` when it is not a plain decimal (an exponent, a sign). Integer maths only: digits after
/// the second decimal are dropped. (The JSON parser already refused `.5` and `1.`.)
#[inline(never)]
pub fn font_scale_percent(number: &str) -> Option<u16> {
    let (mut whole, mut frac, mut places, mut dot) = (0u32, 0u32, 0u32, false);
    for b in number.bytes() {
        let d = u32::from(b.wrapping_sub(b'0'));
        match b {
            b'.' if !dot => dot = true,
            b'0'..=b'9' if !dot => whole = (whole * 10 + d).min(1000),
            b'0'..=b'9' => {
                if places < 2 {
                    frac = frac * 10 + d;
                    places += 1;
                }
            }
            _ => return None,
        }
    }
    let frac = if places == 1 { frac * 10 } else { frac };
    let (lo, hi) = FONT_SCALE_PERCENT;
    Some((whole * 100 + frac).clamp(lo.into(), hi.into()) as u16)
}

/// The CSS number for a percentage: 125 is "1.25".
pub fn scale_text(percent: u16) -> String {
    let p = u32::from(percent);
    format!("{}.{:02}", p / 100, p % 100)
}

/// An `http(s)` URL, or a relative one (no scheme at all); never `javascript:`, `data:` and the like.
#[inline(never)]
pub fn logo_url_ok(url: &str) -> bool {
    let b = url.as_bytes();
    if b.iter().any(|&c| c <= b' ' || c == 0x7f || c == b'\\') {
        return false;
    }
    // A scheme ends at the first ':' that comes before any '/', '?' or '#'.
    match b.iter().position(|c| b"/?#:".contains(c)) {
        Some(i) if b[i] == b':' => {
            let scheme = &url[..i];
            (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
                && url[i..].starts_with("://")
        }
        _ => true,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::json::parse;

    fn theme(text: &str) -> Theme {
        Theme::from_json(Some(&parse(text).unwrap()))
    }

    #[test]
    fn absent_or_null_is_the_default() {
        assert_eq!(Theme::from_json(None), Theme::default());
        assert_eq!(theme("null"), Theme::default());
        assert_eq!(theme("{}"), Theme::default());
        assert_eq!(theme("[1]"), Theme::default());
        assert_eq!(theme("\"blue\""), Theme::default());
    }

    #[test]
    fn a_full_theme_decodes() {
        let t = theme(
            r##"{"name": " PPID Kabupaten Sukamaju ", "logo_url": "img/logo.svg", "primary": "#14532D",
                "accent": "#a16207", "font_scale": 1.25, "unknown": 1}"##,
        );
        assert_eq!(
            t,
            Theme {
                name: Some("PPID Kabupaten Sukamaju".into()),
                logo_url: Some("img/logo.svg".into()),
                primary: Some(Rgb(0x14, 0x53, 0x2d)),
                accent: Some(Rgb(0xa1, 0x62, 0x07)),
                font_scale_percent: Some(125),
            }
        );
    }

    #[test]
    fn wrong_values_are_ignored() {
        let t = theme(
            r##"{"name": 5, "logo_url": "javascript:alert(1)", "primary": "blue", "accent": "#12345",
                "font_scale": "1.2"}"##,
        );
        assert_eq!(t.name, None);
        assert_eq!(t.logo_url, None);
        assert_eq!(t.primary, None);
        assert_eq!(t.accent, None);
        assert_eq!(t.font_scale_percent, None);
        let t = theme(r#"{"name": "  ", "primary": null}"#);
        assert_eq!((t.name, t.primary), (None, None));
        // A repeated key is neither value.
        assert_eq!(
            theme(r##"{"primary": "#000", "primary": "#111"}"##).primary,
            None
        );
    }

    #[test]
    fn hostile_names_stay_text() {
        // Markup is the renderer's business (text nodes, attributes): the name is kept as written.
        let t = theme(r#"{"name": "<script>alert(1)</script>\u202e"}"#);
        assert_eq!(t.name.as_deref(), Some("<script>alert(1)</script>\u{202e}"));
    }

    #[test]
    fn font_scale_is_a_clamped_decimal() {
        assert_eq!(font_scale_percent("1"), Some(100));
        assert_eq!(font_scale_percent("1.0"), Some(100));
        assert_eq!(font_scale_percent("1.25"), Some(125));
        assert_eq!(font_scale_percent("1.2"), Some(120));
        assert_eq!(font_scale_percent("1.125"), Some(112));
        assert_eq!(font_scale_percent("0.5"), Some(100));
        assert_eq!(font_scale_percent("0"), Some(100));
        assert_eq!(font_scale_percent("3"), Some(150));
        assert_eq!(font_scale_percent("99999999999999999999"), Some(150));
        for wrong in ["-1.2", "1e0", "1.2e1", "abc", "1.2.3"] {
            assert_eq!(font_scale_percent(wrong), None, "{wrong:?}");
        }
        assert_eq!(
            theme(r#"{"font_scale": 1.4}"#).font_scale_percent,
            Some(140)
        );
        assert_eq!(theme(r#"{"font_scale": -1}"#).font_scale_percent, None);
        assert_eq!(scale_text(125), "1.25");
        assert_eq!(scale_text(100), "1.00");
        assert_eq!(scale_text(150), "1.50");
    }

    #[test]
    fn logo_urls_are_http_or_relative() {
        for ok in [
            "https://sukamajukab.go.id/logo.png",
            "HTTP://x.id/a.svg",
            "/logo.svg",
            "img/logo.png",
            "logo.png?v=2",
            "a/b:c.png",
        ] {
            assert!(logo_url_ok(ok), "{ok:?}");
        }
        for wrong in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "vbscript:x",
            "file:///etc/passwd",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "blob:https://x/y",
            "\\\\evil\\x",
            "mailto:a@b.c",
        ] {
            assert!(!logo_url_ok(wrong), "{wrong:?}");
        }
    }

    #[test]
    fn the_default_palette_passes() {
        let p = default_palette();
        assert_eq!(p.primary_dark.hex(), "#073762");
        assert_eq!(p.check(), Ok(()));
        assert_eq!(Theme::default().palette(), Ok(p));
    }

    #[test]
    fn a_good_palette_passes() {
        let t = theme(r##"{"primary": "#14532d", "accent": "#a16207"}"##);
        let p = t.palette().unwrap();
        assert_eq!(p.primary, Rgb(0x14, 0x53, 0x2d));
        assert_eq!(p.accent, Rgb(0xa1, 0x62, 0x07));
    }

    #[test]
    fn a_low_contrast_palette_fails_with_the_colour_and_its_ratio() {
        let e = theme(r##"{"primary": "#9ecbff"}"##).palette().unwrap_err();
        assert_eq!(e.colour, "primary");
        assert_eq!(ratio_text(e.ratio), "1.53");
        assert_eq!(
            e.message(),
            "config.json theme.primary #9ecbff has a contrast of 1.53:1 against #f3f4f6 (links on white and \
             on the panels' grey, white button text); WCAG AA needs 4.50:1. The default colours are used."
        );
        // The hover shade of any passing primary passes too.
        for hex in ["#0b5394", "#14532d", "#595959", "#b91c1c", "#6d28d9"] {
            let p = theme(&format!(r#"{{"primary": "{hex}"}}"#))
                .palette()
                .unwrap();
            assert!(
                ratio(p.primary_dark, super::super::contrast::WHITE) >= ratio(p.primary, SURFACE)
            );
        }
        // #767676 passes on white but not on the panels' grey.
        let e = theme(r##"{"primary": "#767676"}"##).palette().unwrap_err();
        assert_eq!(e.against, SURFACE);
        // An accent too light for a border.
        let e = theme(r##"{"accent": "#fbbf24"}"##).palette().unwrap_err();
        assert_eq!((e.colour, e.needed), ("accent", NON_TEXT));
        // A good primary does not save a bad accent: the whole palette falls back.
        assert!(theme(r##"{"primary": "#000", "accent": "#fff"}"##)
            .palette()
            .is_err());
    }
}
