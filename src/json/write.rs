//! Writing JSON text, byte for byte as serde_json writes it (compact, fields in order).

use super::ToJson;

/// Appends `s` as a JSON string: `"` and `\` escaped, control characters as `\n`-style or
/// `\u00XX` escapes, everything else (including non-ASCII) as is.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'\n' => 'n',
            b'\r' => 'r',
            b'\t' => 't',
            0x08 => 'b',
            0x0c => 'f',
            0..=0x1f => 'u',
            _ => continue,
        };
        // `i` is at an ASCII byte, so both ends of the run are character boundaries.
        out.push_str(s.get(run..i).unwrap_or_default());
        run = i + 1;
        out.push('\\');
        out.push(short);
        if short == 'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}

/// Appends an integer given as sign and magnitude, without going through `core::fmt`.
pub(super) fn write_integer(out: &mut String, negative: bool, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    for slot in digits.iter_mut() {
        *slot = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        out.push('-');
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(*d));
    }
}

/// Writes an object member by member; `end` closes it.
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> ObjectWriter<'a> {
    /// Opens an object.
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        ObjectWriter { out, empty: true }
    }

    /// Writes `"key":` and the value.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write_json(self.out);
    }

    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_str(self.out, key);
        self.out.push(':');
    }

    /// Closes the object.
    pub fn end(self) {
        self.out.push('}');
    }
}
