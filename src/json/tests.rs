use super::*;
use crate::contract::{Channel, FieldError, InformationForm, Problem, RequestReceipt, Requester};
use serde::de::DeserializeOwned;

fn s(text: &str) -> Value {
    Value::String(text.into())
}

fn n(text: &str) -> Value {
    Value::Number(text.into())
}

/// Decodes with both codecs; panics when they disagree on accepting `text` or on the value.
fn same_as_serde<T: FromJson + DeserializeOwned + PartialEq + std::fmt::Debug>(
    text: &str,
) -> Option<T> {
    let ours = from_str::<T>(text);
    let theirs = serde_json::from_str::<T>(text);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{text}");
            Some(a)
        }
        (Err(_), Err(_)) => None,
        (a, b) => panic!("{text}: ours {a:?}, serde {b:?}"),
    }
}

#[test]
fn parses_every_kind_of_value_with_whitespace_around() {
    let v = parse(" \t\r\n{\"a\" : [1, -2.5e+3, true, false, null, \"x\"], \"b\":{}} \n").unwrap();
    assert_eq!(
        v,
        Value::Object(vec![
            (
                "a".into(),
                Value::Array(vec![
                    n("1"),
                    n("-2.5e+3"),
                    Value::Bool(true),
                    Value::Bool(false),
                    Value::Null,
                    s("x"),
                ])
            ),
            ("b".into(), Value::Object(vec![])),
        ])
    );
    assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
    assert_eq!(parse("0").unwrap(), n("0"));
}

#[test]
fn string_escapes_decode() {
    let v = parse(r#""a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00e9\u20AC""#).unwrap();
    assert_eq!(v, s("a\"b\\c/d\u{8}e\u{c}f\ng\rh\tiAé€"));
    // Non-ASCII passes through untouched, between and around escapes.
    assert_eq!(parse("\"é\\n日本\"").unwrap(), s("é\n日本"));
}

#[test]
fn surrogate_pairs_decode_and_lone_surrogates_are_errors() {
    assert_eq!(parse(r#""\ud83d\ude00""#).unwrap(), s("😀"));
    assert_eq!(parse(r#""x\uD834\uDD1Ey""#).unwrap(), s("x𝄞y"));
    for bad in [
        r#""\ud83d""#,       // high alone at the end
        r#""\ud83dx""#,      // high followed by a character
        r#""\ud83d\n""#,     // high followed by another escape
        r#""\ud83d\ud83d""#, // two highs
        r#""\ude00""#,       // low alone
        r#""\ude00\ud83d""#, // pair in the wrong order
        r#""\ud83d\u00e9""#, // high then a BMP character
        r#""\ud83d\ude0""#,  // truncated low
    ] {
        assert!(parse(bad).is_err(), "{bad}");
        assert!(serde_json::from_str::<String>(bad).is_err(), "{bad}");
    }
}

#[test]
fn invalid_documents_are_errors_as_in_serde() {
    let bad = [
        "",
        " ",
        "{",
        "}",
        "[",
        "[1,]",
        "[,1]",
        "{,}",
        "{\"a\":1,}",
        "{\"a\"}",
        "{\"a\" 1}",
        "{a:1}",
        "{1:1}",
        "'a'",
        "\"a",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"a\u{1}b\"",
        "\"tab\there\"",
        "01",
        "-",
        "-a",
        "+1",
        ".5",
        "1.",
        "1.e2",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "Infinity",
        "tru",
        "nul",
        "falsey",
        "[1 2]",
        "{} {}",
        "1 1",
        "\u{feff}{}",
        "[\"a\"]]",
        "\0",
    ];
    for text in bad {
        assert!(parse(text).is_err(), "accepted {text:?}");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "serde accepts {text:?}"
        );
    }
}

#[test]
fn nesting_is_limited_so_hostile_input_cannot_overflow_the_stack() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(parse(&deep), Err(Error::new("nested too deeply")));
    let objects = format!(
        "{}1{}",
        "{\"a\":".repeat(MAX_DEPTH + 1),
        "}".repeat(MAX_DEPTH + 1)
    );
    assert_eq!(parse(&objects), Err(Error::new("nested too deeply")));
    // Far beyond any stack: rejected at the limit, not by crashing.
    assert!(parse(&"[".repeat(1_000_000)).is_err());
    assert!(parse(&"{\"a\":".repeat(1_000_000)).is_err());
}

#[test]
fn integers_are_range_checked_per_type() {
    assert_eq!(u8::from_json(&n("255")), Ok(255));
    assert!(u8::from_json(&n("256")).is_err());
    assert_eq!(u16::from_json(&n("65535")), Ok(65535));
    assert!(u16::from_json(&n("65536")).is_err());
    assert_eq!(u32::from_json(&n("4294967295")), Ok(u32::MAX));
    assert!(u32::from_json(&n("4294967296")).is_err());
    assert_eq!(u64::from_json(&n("18446744073709551615")), Ok(u64::MAX));
    assert!(u64::from_json(&n("18446744073709551616")).is_err());
    assert!(u64::from_json(&n("99999999999999999999999999")).is_err());
    assert_eq!(i32::from_json(&n("-2147483648")), Ok(i32::MIN));
    assert_eq!(i32::from_json(&n("2147483647")), Ok(i32::MAX));
    assert!(i32::from_json(&n("-2147483649")).is_err());
    assert!(i32::from_json(&n("2147483648")).is_err());
    assert!(i32::from_json(&n("-18446744073709551615")).is_err());
    assert!(u32::from_json(&n("-1")).is_err());
    for text in ["1.0", "1e2", "1E0", "-0", "0.5", "-0.0"] {
        assert!(u32::from_json(&n(text)).is_err(), "{text}");
        assert!(i32::from_json(&n(text)).is_err(), "{text}");
    }
    assert!(u32::from_json(&s("1")).is_err());
    assert!(u32::from_json(&Value::Null).is_err());
    // The same answers as serde_json, in documents.
    for text in [
        "255",
        "256",
        "-1",
        "-0",
        "0",
        "1.0",
        "1e2",
        "18446744073709551616",
        "\"7\"",
        "null",
    ] {
        same_as_serde::<u8>(text);
        same_as_serde::<u64>(text);
        same_as_serde::<i32>(text);
        same_as_serde::<Option<u32>>(text);
    }
}

#[test]
fn duplicate_keys_are_an_error_for_fields_and_last_wins_in_maps() {
    // serde's derive rejects a field given twice; a repeated unknown key is ignored like any other.
    let twice = r#"{"number":"1","number":"2","received_at":"t","counts_from":"d"}"#;
    assert_eq!(
        from_str::<RequestReceipt>(twice),
        Err(Error {
            what: "duplicate field",
            field: "number"
        })
    );
    assert!(same_as_serde::<RequestReceipt>(twice).is_none());
    let unknown_twice = r#"{"number":"1","x":1,"x":[],"received_at":"t","counts_from":"d"}"#;
    assert!(same_as_serde::<RequestReceipt>(unknown_twice).is_some());
    // Maps keep the last value, as serde's BTreeMap does.
    let map = same_as_serde::<BTreeMap<String, u32>>(r#"{"a":1,"b":2,"a":3}"#).unwrap();
    assert_eq!(map.get("a"), Some(&3));
    // The parsed tree keeps both members, in order.
    assert_eq!(
        parse(r#"{"a":1,"a":2}"#).unwrap(),
        Value::Object(vec![("a".into(), n("1")), ("a".into(), n("2"))])
    );
}

#[test]
fn fields_follow_the_serde_attributes() {
    // Required field missing, wrong type, null where no Option: errors naming the field.
    assert_eq!(
        from_str::<FieldError>(r#"{"pointer":"/a"}"#),
        Err(Error {
            what: "missing field",
            field: "code"
        })
    );
    assert_eq!(
        from_str::<FieldError>(r#"{"pointer":"/a","code":7}"#).map_err(|e| e.field),
        Err("code")
    );
    // Option without `default` (Requester::kind) is None when missing or null, like serde.
    let r = same_as_serde::<Requester>(r#"{"name":"A","address":"B"}"#).unwrap();
    assert_eq!(r.kind, None);
    same_as_serde::<Requester>(r#"{"kind":null,"name":"A","address":"B"}"#).unwrap();
    // `default` on a non-Option: missing is the default, null is an error.
    let p = same_as_serde::<Problem>("{}").unwrap();
    assert_eq!((p.kind.as_str(), p.status), ("about:blank", 0));
    assert!(same_as_serde::<Problem>(r#"{"title":null}"#).is_none());
    assert!(same_as_serde::<Problem>(r#"{"errors":null}"#).is_none());
    // Unknown keys are ignored; a non-object is an error.
    same_as_serde::<Problem>(r#"{"extra":{"deep":[1,{"x":null}]},"status":404}"#).unwrap();
    // A known difference: serde also reads a struct from a positional array; the contract never does.
    assert!(serde_json::from_str::<Problem>("[]").is_ok());
    assert_eq!(
        from_str::<Problem>("[]"),
        Err(Error::new("expected an object"))
    );
    // Nested errors name the innermost field.
    let e = from_str::<Problem>(r#"{"errors":[{"pointer":"/a","code":1}]}"#).unwrap_err();
    assert_eq!(e.field, "code");
}

#[test]
fn enums_are_snake_case_strings_with_a_catch_all_where_serde_has_one() {
    assert_eq!(same_as_serde::<Channel>(r#""kiosk""#), Some(Channel::Kiosk));
    assert_eq!(same_as_serde::<Channel>(r#""Kiosk""#), None);
    assert_eq!(same_as_serde::<Channel>(r#""other""#), None);
    assert_eq!(same_as_serde::<Channel>("1"), None);
    assert_eq!(
        same_as_serde::<InformationForm>(r#""microfilm""#),
        Some(InformationForm::Unknown)
    );
    assert_eq!(
        same_as_serde::<InformationForm>(r#""unknown""#),
        Some(InformationForm::Unknown)
    );
    assert_eq!(same_as_serde::<InformationForm>("null"), None);
    assert_eq!(same_as_serde::<InformationForm>("[]"), None);
}

#[test]
fn writes_exactly_what_serde_json_writes() {
    let nasty = "quote\" backslash\\ slash/ nl\n cr\r tab\t bs\u{8} ff\u{c} nul\u{0} us\u{1f} del\u{7f} é 日本 😀 \u{2028}";
    let mut out = String::new();
    write_str(&mut out, nasty);
    assert_eq!(out, serde_json::to_string(nasty).unwrap());
    assert_eq!(parse(&out).unwrap(), s(nasty));
    for v in [0u64, 7, 10, 99, 100, u64::from(u32::MAX), u64::MAX] {
        assert_eq!(to_string(&v), v.to_string());
    }
    for v in [0i32, -1, 9, -10, i32::MIN, i32::MAX] {
        assert_eq!(to_string(&v), v.to_string());
    }
    let r = Requester {
        kind: None,
        name: "A \"B\"".into(),
        nik: Some("1".into()),
        address: "x".into(),
        ..Default::default()
    };
    assert_eq!(to_string(&r), serde_json::to_string(&r).unwrap());
    assert_eq!(to_string(&vec![true, false]), "[true,false]");
    assert_eq!(to_string(&Vec::<u8>::new()), "[]");
}

#[test]
fn never_panics_on_truncations_of_a_document() {
    let doc = r#"{"a":[1,-2.5e3,"é\u00e9\ud83d\ude00",{"b":null,"c":true}],"d":"日本"}"#;
    for (i, _) in doc.char_indices() {
        let cut = &doc[..i];
        assert!(parse(cut).is_err(), "{cut}");
        let _ = from_str::<Problem>(cut);
    }
    assert!(parse(doc).is_ok());
}
