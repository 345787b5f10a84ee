//! Validation of what citizens type: NIK, phone, e-mail, and whole submissions.

use super::date::Date;
use crate::contract::{
    field_code, Delivery, FieldError, ObtainMethod, RequestSubmission, Requester, RequesterKind,
};

/// Why a NIK cannot be one; each has its own message for the citizen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NikError {
    Empty,
    NotDigits,
    WrongLength,
    Region,
    Serial,
}

/// Checks a NIK: 16 digits, a plausible region code (province 11-96, regency and district not 00),
/// serial not 0000. The date part is not checked here: a NIK is permanent even when its date part
/// does not match the holder's birth date, so an odd date is only a warning ([`nik_date_is_odd`]).
pub fn check_nik(nik: &str) -> Result<(), NikError> {
    let nik = nik.trim();
    if nik.is_empty() {
        return Err(NikError::Empty);
    }
    if !nik.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NikError::NotDigits);
    }
    if nik.len() != 16 {
        return Err(NikError::WrongLength);
    }
    let n = |r: std::ops::Range<usize>| nik[r].parse::<u32>().unwrap_or(0);
    let province = n(0..2);
    if !(11..=96).contains(&province) || n(2..4) == 0 || n(4..6) == 0 {
        return Err(NikError::Region);
    }
    if n(12..16) == 0 {
        return Err(NikError::Serial);
    }
    Ok(())
}

/// Whether a NIK that passes [`check_nik`] has a date part (DDMMYY, women add 40 to the day) that
/// is no real date: worth a warning that asks the citizen to compare it with their KTP, never a
/// refusal. `false` for anything [`check_nik`] refuses, which has its own message.
pub fn nik_date_is_odd(nik: &str) -> bool {
    let nik = nik.trim();
    if check_nik(nik).is_err() {
        return false;
    }
    let n = |r: std::ops::Range<usize>| nik[r].parse::<u32>().unwrap_or(0);
    let mut day = n(6..8);
    if day > 40 {
        day -= 40;
    }
    // Two-digit year: a date real in either century is plausible (29 February included).
    let yy = n(10..12) as i32;
    ![1900 + yy, 2000 + yy]
        .iter()
        .any(|&y| Date::from_ymd(y, n(8..10), day).is_some())
}

/// Normalises an Indonesian phone number to `+62...`: accepts `08...`, `+62...`, `62...`,
/// `0062...` (the international prefix dialled from Indonesia), spaces and dashes.
pub fn normalize_phone(input: &str) -> Option<String> {
    let cleaned: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let rest = if let Some(r) = cleaned.strip_prefix("+62") {
        r
    } else if let Some(r) = cleaned.strip_prefix("0062") {
        r
    } else if let Some(r) = cleaned.strip_prefix("62") {
        r
    } else {
        cleaned.strip_prefix('0')?
    };
    let rest = rest.strip_prefix('0').unwrap_or(rest);
    if !(7..=13).contains(&rest.len())
        || !rest.bytes().all(|b| b.is_ascii_digit())
        || rest.starts_with('0')
    {
        return None;
    }
    Some(format!("+62{rest}"))
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(input: &str) -> bool {
    let s = input.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_ascii_whitespace() || c == '\u{a0}')
        && domain.split('.').count() >= 2
        && domain
            .split('.')
            // Non-ASCII letters are allowed as they are (internationalised domains), without Unicode tables.
            .all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii())
            })
        && s.len() <= 254
}

/// Longest free-text answer accepted.
pub const MAX_TEXT: usize = 4000;
/// Longest short answer (names, numbers) accepted.
pub const MAX_SHORT: usize = 200;

fn text(errors: &mut Vec<FieldError>, pointer: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(pointer, field_code::REQUIRED));
    } else if value.trim().chars().count() > max {
        errors.push(FieldError::new(pointer, field_code::TOO_LONG));
    }
}

/// Field errors of a requester's identity and contact, with pointers under `prefix`.
pub fn check_requester(r: &Requester, prefix: &str, errors: &mut Vec<FieldError>) {
    let p = |f: &str| format!("{prefix}/{f}");
    let Some(kind) = r.kind else {
        errors.push(FieldError::new(&p("kind"), field_code::REQUIRED));
        return;
    };
    text(errors, &p("name"), &r.name, MAX_SHORT);
    match kind {
        // A group acts through one member, identified as an individual.
        RequesterKind::Individual | RequesterKind::Group | RequesterKind::Proxy => {
            match r.nik.as_deref().map(check_nik) {
                None | Some(Err(NikError::Empty)) => {
                    errors.push(FieldError::new(&p("nik"), field_code::REQUIRED))
                }
                Some(Err(_)) => errors.push(FieldError::new(&p("nik"), field_code::NIK_INVALID)),
                Some(Ok(())) => {}
            }
        }
        RequesterKind::LegalEntity => text(
            errors,
            &p("decree_number"),
            r.decree_number.as_deref().unwrap_or(""),
            MAX_SHORT,
        ),
    }
    if kind == RequesterKind::Group {
        text(
            errors,
            &p("group_name"),
            r.group_name.as_deref().unwrap_or(""),
            MAX_SHORT,
        );
    }
    if kind == RequesterKind::Proxy {
        text(
            errors,
            &p("principal_name"),
            r.principal_name.as_deref().unwrap_or(""),
            MAX_SHORT,
        );
    }
    text(errors, &p("address"), &r.address, MAX_TEXT);
    let phone = r.phone.as_deref().filter(|s| !s.trim().is_empty());
    let email = r.email.as_deref().filter(|s| !s.trim().is_empty());
    if phone.is_none() && email.is_none() {
        errors.push(FieldError::new(&p("phone"), field_code::CONTACT_REQUIRED));
    }
    if let Some(ph) = phone {
        if !ph.starts_with("+62") || normalize_phone(ph).as_deref() != Some(ph) {
            errors.push(FieldError::new(&p("phone"), field_code::INVALID_FORMAT));
        }
    }
    if email.is_some_and(|e| !is_email(e)) {
        errors.push(FieldError::new(&p("email"), field_code::INVALID_FORMAT));
    }
}

/// Every field error of an information request, as the contract defines them.
pub fn check_request(s: &RequestSubmission) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check_requester(&s.requester, "/requester", &mut errors);
    text(&mut errors, "/information", &s.information, MAX_TEXT);
    text(&mut errors, "/purpose", &s.purpose, MAX_TEXT);
    if s.obtain.is_empty() {
        errors.push(FieldError::new("/obtain", field_code::REQUIRED));
    }
    let wants_copy = s
        .obtain
        .iter()
        .any(|o| matches!(o, ObtainMethod::SoftCopy | ObtainMethod::HardCopy));
    match s.delivery {
        None if wants_copy => errors.push(FieldError::new("/delivery", field_code::REQUIRED)),
        Some(Delivery::Post | Delivery::Courier) => text(
            &mut errors,
            "/delivery_address",
            s.delivery_address.as_deref().unwrap_or(""),
            MAX_TEXT,
        ),
        Some(Delivery::Email) => match s.delivery_email.as_deref() {
            None | Some("") => errors.push(FieldError::new("/delivery_email", field_code::REQUIRED)),
            Some(e) if !is_email(e) => {
                errors.push(FieldError::new("/delivery_email", field_code::INVALID_FORMAT))
            }
            _ => {}
        },
        _ => {}
    }
    errors
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Any text, ASCII or not: the checks answer and never panic.
        #[test]
        fn checks_never_panic(s in "\\PC{0,40}") {
            let _ = check_nik(&s);
            let _ = normalize_phone(&s);
            let _ = is_email(&s);
        }

        /// A normalised phone is `+62` then digits, and normalising it again changes nothing.
        #[test]
        fn a_normalised_phone_is_stable(s in "[0-9+ ()-]{0,20}") {
            if let Some(p) = normalize_phone(&s) {
                prop_assert!(p.starts_with("+62"));
                prop_assert!(p[1..].bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(normalize_phone(&p), Some(p.clone()));
            }
        }

        /// An accepted 16-digit NIK without the warning has a plausible day (women add 40) and month;
        /// a refused one never carries the warning too.
        #[test]
        fn only_an_accepted_nik_can_have_an_odd_date(s in "[0-9]{16}") {
            if check_nik(&s).is_ok() {
                prop_assert!(&s[12..] != "0000");
                if !nik_date_is_odd(&s) {
                    let day: u32 = s[6..8].parse().unwrap();
                    let month: u32 = s[8..10].parse().unwrap();
                    let day = if day > 40 { day - 40 } else { day };
                    prop_assert!((1..=31).contains(&day));
                    prop_assert!((1..=12).contains(&month));
                }
            } else {
                prop_assert!(!nik_date_is_odd(&s));
            }
        }
    }

    #[test]
    fn nik_failures_each_have_their_reason() {
        assert_eq!(check_nik("3201014508900001"), Ok(())); // woman born 5 Aug 1990
        assert_eq!(check_nik("3201010508900001"), Ok(()));
        assert_eq!(check_nik(""), Err(NikError::Empty));
        assert_eq!(check_nik("32010105089O0001"), Err(NikError::NotDigits));
        assert_eq!(check_nik("320101050890001"), Err(NikError::WrongLength));
        assert_eq!(check_nik("0501010508900001"), Err(NikError::Region));
        assert_eq!(check_nik("3200010508900001"), Err(NikError::Region));
        assert_eq!(check_nik("3201010508900000"), Err(NikError::Serial));
    }

    #[test]
    fn an_odd_date_part_is_a_warning_not_an_error() {
        // Day 32, month 13, 30 February, day 00 and a woman's day 72 (32 + 40): accepted, warned.
        for odd in [
            "3201013208900001",
            "3201010513900001",
            "3201013002900001",
            "3201010008900001",
            "3201017208900001",
        ] {
            assert_eq!(check_nik(odd), Ok(()), "{odd}");
            assert!(nik_date_is_odd(odd), "{odd}");
        }
        // 29 February exists in 2000; a real date gets no warning, man's or woman's.
        for fine in ["3201012902000001", "3201010508900001", "3201014508900001"] {
            assert!(!nik_date_is_odd(fine), "{fine}");
        }
        // A NIK refused for another reason carries its error only.
        assert!(!nik_date_is_odd("320101321390"));
        assert!(!nik_date_is_odd("3201013213900000"));
    }

    #[test]
    fn lengths_count_code_points_of_the_trimmed_text() {
        let mut errors = Vec::new();
        // 200 code points (one outside the BMP, two UTF-16 units) between Unicode spaces fit.
        let fits = format!("\u{3000}{}\u{1F4C4}\u{a0}", "a".repeat(199));
        text(&mut errors, "/name", &fits, MAX_SHORT);
        text(&mut errors, "/blank", "\u{a0}\u{3000} ", MAX_SHORT);
        text(&mut errors, "/over", &"é".repeat(201), MAX_SHORT);
        let got: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.pointer.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("/blank", field_code::REQUIRED),
                ("/over", field_code::TOO_LONG)
            ]
        );
    }

    fn person(kind: RequesterKind) -> Requester {
        Requester {
            kind: Some(kind),
            name: "Budi Santoso".into(),
            nik: Some("3201010508900001".into()),
            address: "Jl. Sawah 1".into(),
            phone: Some("+6281234567890".into()),
            ..Requester::default()
        }
    }

    fn pointers(r: &Requester) -> Vec<String> {
        let mut errors = Vec::new();
        check_requester(r, "/requester", &mut errors);
        errors.into_iter().map(|e| e.pointer).collect()
    }

    #[test]
    fn a_group_needs_its_name_and_its_member_as_an_individual() {
        let mut group = person(RequesterKind::Group);
        assert_eq!(pointers(&group), ["/requester/group_name"]);
        group.group_name = Some("Kelompok Tani Sri Rejeki".into());
        assert!(pointers(&group).is_empty());
        group.group_name = Some("x".repeat(MAX_SHORT + 1));
        let mut errors = Vec::new();
        check_requester(&group, "/requester", &mut errors);
        assert_eq!(errors[0].code, field_code::TOO_LONG);
        group.group_name = Some("Kelompok Tani".into());
        group.nik = None;
        assert_eq!(pointers(&group), ["/requester/nik"]);
        group.nik = Some("3201013208900001".into()); // odd date part: still a NIK
        assert!(pointers(&group).is_empty());
        group.nik = Some("12345".into());
        let mut errors = Vec::new();
        check_requester(&group, "/requester", &mut errors);
        assert_eq!(errors[0].code, field_code::NIK_INVALID);
        // Only a group needs a group name.
        assert!(pointers(&person(RequesterKind::Individual)).is_empty());
    }

    #[test]
    fn phone_forms_normalise_to_plus62() {
        for ok in [
            "081234567890",
            "+6281234567890",
            "6281234567890",
            "0812-3456-7890",
            "+62 812 3456 7890",
            "006281234567890",
            "0062 812-3456-7890",
        ] {
            assert_eq!(
                normalize_phone(ok).as_deref(),
                Some("+6281234567890"),
                "{ok}"
            );
        }
        for bad in ["", "12345", "0812abc45678", "+1 555 1234567", "08", "0062"] {
            assert_eq!(normalize_phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(is_email("siti.rahma@example.id"));
        for bad in ["", "a@", "@b.id", "a b@c.id", "a@b", "a@@b.id", "a@b..id"] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
