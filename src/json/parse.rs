//! JSON text (RFC 8259) to [`Value`], strictly: what serde_json rejects is rejected here too.

use super::{Error, Value};

/// Containers nested deeper than this are an error rather than a stack overflow.
/// The contract nests five levels at most; serde_json allows 127.
pub const MAX_DEPTH: usize = 64;

/// Parses one JSON document; surrounding whitespace is allowed, anything else after it is not.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser { text, at: 0 };
    let value = p.value(0)?;
    p.skip_space();
    if p.at == p.text.len() {
        Ok(value)
    } else {
        Err(Error::new("trailing characters"))
    }
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next character; never beyond `text.len()`.
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    fn expect(&mut self, b: u8, what: &'static str) -> Result<(), Error> {
        self.skip_space();
        if self.bump() == Some(b) {
            Ok(())
        } else {
            Err(Error::new(what))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => Err(Error::new("unexpected end of input")),
            Some(_) => Err(Error::new("expected a value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, Error> {
        let end = self.at + word.len();
        if self.text.as_bytes().get(self.at..end) == Some(word.as_bytes()) {
            self.at = end;
            Ok(value)
        } else {
            Err(Error::new("expected a value"))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return Err(Error::new("nested too deeply"));
        }
        self.at += 1; // '{'
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(Error::new("expected a key"));
            }
            let key = self.string()?;
            self.expect(b':', "expected ':'")?;
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_space();
            match self.bump() {
                Some(b',') => {}
                Some(b'}') => return Ok(Value::Object(members)),
                _ => return Err(Error::new("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return Err(Error::new("nested too deeply"));
        }
        self.at += 1; // '['
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_space();
            match self.bump() {
                Some(b',') => {}
                Some(b']') => return Ok(Value::Array(items)),
                _ => return Err(Error::new("expected ',' or ']'")),
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Value, Error> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.bump() {
            Some(b'0') => {}
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(Error::new("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.some_digits()?;
        }
        let text = self
            .text
            .get(start..self.at)
            .ok_or(Error::new("invalid number"))?;
        Ok(Value::Number(text.to_owned()))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), Error> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(Error::new("invalid number"));
        }
        self.digits();
        Ok(())
    }

    /// A string starting at its opening quote. Runs without escapes are copied whole; they start
    /// and end next to ASCII bytes, so slicing there never splits a character.
    fn string(&mut self) -> Result<String, Error> {
        self.at += 1; // '"'
        let mut out = String::new();
        let mut run = self.at;
        loop {
            match self.peek() {
                None => return Err(Error::new("unterminated string")),
                Some(b'"') => {
                    out.push_str(self.slice(run)?);
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.slice(run)?);
                    self.at += 1;
                    out.push(self.escape()?);
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(Error::new("control character in string")),
                Some(_) => self.at += 1,
            }
        }
    }

    fn slice(&self, from: usize) -> Result<&str, Error> {
        self.text
            .get(from..self.at)
            .ok_or(Error::new("invalid string"))
    }

    /// The character of an escape whose backslash was just read.
    fn escape(&mut self) -> Result<char, Error> {
        Ok(match self.bump() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(),
            _ => return Err(Error::new("invalid escape")),
        })
    }

    /// `\uXXXX`, or a UTF-16 surrogate pair `\uD83D\uDE00`; a lone surrogate is an error.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let lone = Error::new("lone surrogate in string");
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(lone),
            0xD800..=0xDBFF => {
                if self.bump() != Some(b'\\') || self.bump() != Some(b'u') {
                    return Err(lone);
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(lone);
                }
                0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            c => c,
        };
        char::from_u32(code).ok_or(lone)
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.bump() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(Error::new("invalid escape")),
            };
            n = n * 16 + u32::from(d);
        }
        Ok(n)
    }
}
