//! A small JSON codec for the portal, so the browser bundle carries no serde.
//!
//! serde_json is about a tenth of the portal's wasm; the portal only needs to read the contract's
//! replies and write a few bodies, so it parses into a [`Value`] tree and each wire type reads its
//! fields from it ([`FromJson`]) or writes itself ([`ToJson`]). The decoders mirror the serde
//! attributes on the same types exactly; `tests/json_codec.rs` holds the two to each other.
//!
//! Numbers stay as their text: the contract has integers only, and float parsing would cost
//! kilobytes. Nothing here panics on any input, and nesting deeper than [`MAX_DEPTH`] is an error.

mod parse;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod write;

pub use parse::{parse, MAX_DEPTH};
pub use write::{write_str, ObjectWriter};

use std::collections::BTreeMap;

/// A parsed JSON document.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written (already checked against the JSON grammar).
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in document order; a repeated key is kept twice (see [`Fields::get`]).
    Object(Vec<(String, Value)>),
}

/// Why a document does not decode: what went wrong, and the innermost field it happened in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    pub what: &'static str,
    /// The field name, empty when the error is not inside a field (or is a syntax error).
    pub field: &'static str,
}

impl Error {
    /// An error outside any field.
    pub const fn new(what: &'static str) -> Self {
        Error { what, field: "" }
    }

    /// Names the field the error happened in, unless a deeper field is already named.
    fn within(mut self, field: &'static str) -> Self {
        if self.field.is_empty() {
            self.field = field;
        }
        self
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            f.write_str(self.what)
        } else {
            write!(f, "{}: {}", self.field, self.what)
        }
    }
}

impl std::error::Error for Error {}

/// A type read from JSON.
pub trait FromJson: Sized {
    /// Decodes `value`; never panics.
    fn from_json(value: &Value) -> Result<Self, Error>;

    /// The value of a struct field that is absent: an error, except for `Option` (as in serde).
    fn missing() -> Option<Self> {
        None
    }
}

/// A type written as JSON.
pub trait ToJson {
    /// Appends the JSON text of `self` to `out`.
    fn write_json(&self, out: &mut String);
}

/// Parses and decodes a document.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    T::from_json(&parse(text)?)
}

/// The JSON text of a value.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

// ---------------------------------------------------------------- reading objects

/// The members of an object, read by field name. Unknown keys are ignored.
#[derive(Clone, Copy)]
pub struct Fields<'a>(&'a [(String, Value)]);

impl<'a> Fields<'a> {
    /// The members of `value`, which must be an object.
    pub fn of(value: &'a Value) -> Result<Self, Error> {
        match value {
            Value::Object(members) => Ok(Fields(members)),
            _ => Err(Error::new("expected an object")),
        }
    }

    /// The value under `key`. A key given twice is an error, as serde's derive makes it for fields.
    pub fn get(self, key: &'static str) -> Result<Option<&'a Value>, Error> {
        let mut found = None;
        for (k, v) in self.0 {
            if k == key {
                if found.is_some() {
                    return Err(Error::new("duplicate field").within(key));
                }
                found = Some(v);
            }
        }
        Ok(found)
    }

    /// A field without a default: absent is an error (an `Option` field is `None`).
    pub fn req<T: FromJson>(self, key: &'static str) -> Result<T, Error> {
        match self.get(key)? {
            Some(v) => T::from_json(v).map_err(|e| e.within(key)),
            None => T::missing().ok_or(Error::new("missing field").within(key)),
        }
    }

    /// A field with `#[serde(default)]`: absent is `T::default()`; present must decode.
    pub fn or_default<T: FromJson + Default>(self, key: &'static str) -> Result<T, Error> {
        self.or_else(key, T::default)
    }

    /// A field with `#[serde(default = "f")]`.
    pub fn or_else<T: FromJson>(self, key: &'static str, f: fn() -> T) -> Result<T, Error> {
        match self.get(key)? {
            Some(v) => T::from_json(v).map_err(|e| e.within(key)),
            None => Ok(f()),
        }
    }
}

/// The index of the string `value` in `names` (a unit enum variant), `None` for another string.
pub fn variant(value: &Value, names: &[&str]) -> Result<Option<usize>, Error> {
    match value {
        Value::String(s) => Ok(names.iter().position(|n| n == s)),
        _ => Err(Error::new("expected a string")),
    }
}

// ---------------------------------------------------------------- std types

/// The integer in a number's text, as sign and magnitude. Fractions, exponents, `-0` (a float to
/// serde_json) and magnitudes beyond u64 are errors.
fn integer(value: &Value) -> Result<(bool, u64), Error> {
    let Value::Number(text) = value else {
        return Err(Error::new("expected an integer"));
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let mut n: u64 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return Err(Error::new("expected an integer"));
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(b - b'0')))
            .ok_or(Error::new("integer out of range"))?;
    }
    if digits.is_empty() || (negative && n == 0) {
        return Err(Error::new("expected an integer"));
    }
    Ok((negative, n))
}

/// An unsigned integer of at most `max`.
fn unsigned(value: &Value, max: u64) -> Result<u64, Error> {
    match integer(value)? {
        (false, n) if n <= max => Ok(n),
        _ => Err(Error::new("integer out of range")),
    }
}

/// A signed integer within `min..=max`.
fn signed(value: &Value, min: i64, max: i64) -> Result<i64, Error> {
    let (negative, n) = integer(value)?;
    let n = if negative {
        0i64.checked_sub_unsigned(n)
    } else {
        i64::try_from(n).ok()
    };
    n.filter(|n| (min..=max).contains(n))
        .ok_or(Error::new("integer out of range"))
}

macro_rules! unsigned_int {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: &Value) -> Result<Self, Error> {
                let n = unsigned(value, <$t>::MAX.into())?;
                <$t>::try_from(n).map_err(|_| Error::new("integer out of range"))
            }
        }
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write::write_integer(out, false, (*self).into());
            }
        }
    )*};
}
unsigned_int!(u8, u16, u32, u64);

impl FromJson for i32 {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let n = signed(value, i32::MIN.into(), i32::MAX.into())?;
        i32::try_from(n).map_err(|_| Error::new("integer out of range"))
    }
}

impl ToJson for i32 {
    fn write_json(&self, out: &mut String) {
        write::write_integer(out, *self < 0, u64::from(self.unsigned_abs()));
    }
}

/// Only `ServiceFigures::median_days_to_notice` (statistics) is a fraction. The portal does not
/// show statistics yet, so this float parsing is not in its wasm; it is here so every contract
/// type decodes. Out-of-range values are errors, as in serde_json.
impl FromJson for f32 {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let Value::Number(text) = value else {
            return Err(Error::new("expected a number"));
        };
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(n as f32),
            _ => Err(Error::new("number out of range")),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Bool(b) => Ok(*b),
            _ => Err(Error::new("expected a boolean")),
        }
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::String(s) => Ok(s.clone()),
            _ => Err(Error::new("expected a string")),
        }
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Array(items) => items.iter().map(T::from_json).collect(),
            _ => Err(Error::new("expected an array")),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

/// A map keyed by string; a repeated key keeps its last value, as serde's `BTreeMap` does.
impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let Value::Object(members) = value else {
            return Err(Error::new("expected an object"));
        };
        let mut map = BTreeMap::new();
        for (k, v) in members {
            map.insert(k.clone(), T::from_json(v)?);
        }
        Ok(map)
    }
}

// ---------------------------------------------------------------- declaring codecs

/// Implements [`FromJson`] (and with `encode`, [`ToJson`]) for a struct, one line per field.
///
/// Each field says how serde treats it: `req` (no default; an absent `Option` is `None`),
/// `default` (`#[serde(default)]`), `or(f)` (`#[serde(default = "f")]`), `skip_none`
/// (`#[serde(default, skip_serializing_if = "Option::is_none")]`), `skip_empty` (the same with
/// `Vec::is_empty`), `skip` (`#[serde(skip)]`: never read or written). `field as "name"` is `#[serde(rename = "name")]`. Listing every field is
/// required: a field added to the struct and not here does not compile.
macro_rules! json_struct {
    (decode $ty:ident { $($field:ident $(as $name:literal)?: $kind:ident $(($f:path))?),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(value: &$crate::json::Value) -> Result<Self, $crate::json::Error> {
                let o = $crate::json::Fields::of(value)?;
                Ok($ty {
                    $($field: $crate::json::json_struct!(@get o, $crate::json::json_struct!(@key $field $(as $name)?), $kind $(($f))?),)*
                })
            }
        }
    };
    (decode encode $ty:ident { $($field:ident $(as $name:literal)?: $kind:ident $(($f:path))?),* $(,)? }) => {
        $crate::json::json_struct!(decode $ty { $($field $(as $name)?: $kind $(($f))?),* });
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let $ty { $($field),* } = self;
                let mut w = $crate::json::ObjectWriter::new(out);
                $($crate::json::json_struct!(@put w, $crate::json::json_struct!(@key $field $(as $name)?), $field, $kind);)*
                w.end();
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident as $name:literal) => { $name };
    (@get $o:ident, $key:expr, req) => { $o.req($key)? };
    (@get $o:ident, $key:expr, default) => { $o.or_default($key)? };
    (@get $o:ident, $key:expr, skip_none) => { $o.or_default($key)? };
    (@get $o:ident, $key:expr, skip_empty) => { $o.or_default($key)? };
    (@get $o:ident, $key:expr, or($f:path)) => { $o.or_else($key, $f)? };
    (@get $o:ident, $key:expr, skip) => { Default::default() };
    (@put $w:ident, $key:expr, $v:ident, skip) => { let _ = $v; };
    (@put $w:ident, $key:expr, $v:ident, skip_none) => { if let Some(v) = $v { $w.field($key, v); } };
    (@put $w:ident, $key:expr, $v:ident, skip_empty) => { if !$v.is_empty() { $w.field($key, $v); } };
    (@put $w:ident, $key:expr, $v:ident, $other:ident) => { $w.field($key, $v) };
}

/// Implements [`FromJson`] and [`ToJson`] for a unit enum written as strings
/// (`#[serde(rename_all = "snake_case")]`); `other Variant = "name"` is serde's `#[serde(other)]`.
macro_rules! json_enum {
    ($ty:ident { $($variant:ident = $name:literal),* $(,)? } $(other $other:ident = $other_name:literal)?) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(value: &$crate::json::Value) -> Result<Self, $crate::json::Error> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let found = $crate::json::variant(value, &[$($name),*])?;
                match found.and_then(|i| ALL.get(i)) {
                    Some(v) => Ok(*v),
                    None => $crate::json::json_enum!(@unknown $($ty::$other)?),
                }
            }
        }
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                $crate::json::write_str(out, match self {
                    $($ty::$variant => $name,)*
                    $($ty::$other => $other_name,)?
                });
            }
        }
    };
    (@unknown $other:path) => { Ok($other) };
    (@unknown) => { Err($crate::json::Error::new("unknown variant")) };
}

pub(crate) use {json_enum, json_struct};
