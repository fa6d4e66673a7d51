//! RESP2/RESP3 values: the request encoder and a reply parser, enough for the topology probe.
//!
//! The parser reads replies from servers `verify` does not trust: it never allocates more than
//! it has received (plus a small constant), and it bounds every length, element count and
//! nesting depth, so a hostile reply is a protocol error, never an abort or a stack overflow.

use std::io::{self, BufRead, Read, Write};

use crate::frame;

/// Longest header or simple-string line (Redis's own inline limit, `proto-inline-max-size`).
pub const MAX_LINE_BYTES: usize = 64 * 1024;
/// Longest bulk string: topology replies are a few kilobytes; 64 MiB leaves room for any real one.
pub const MAX_BULK_BYTES: u64 = 64 * 1024 * 1024;
/// Most elements one reply may hold in all its aggregates together.
pub const MAX_ELEMENTS: u64 = 1 << 20;
/// Deepest nesting of aggregates (`CLUSTER SHARDS` under RESP3 nests four levels).
pub const MAX_DEPTH: usize = 32;

/// One reply. RESP3 aggregate types are kept apart only where the probe cares (maps).
#[derive(Debug, Clone, PartialEq)]
pub enum RespValue {
    Simple(String),
    Error(String),
    Integer(i64),
    Bulk(Vec<u8>),
    Array(Vec<RespValue>),
    Map(Vec<(RespValue, RespValue)>),
    Double(String),
    Boolean(bool),
    Null,
}
impl RespValue {
    /// Text of a simple, bulk or verbatim string.
    pub fn as_text(&self) -> Option<String> {
        match self {
            RespValue::Simple(text) => Some(text.clone()),
            RespValue::Bulk(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self {
            RespValue::Integer(value) => Some(*value),
            RespValue::Bulk(_) | RespValue::Simple(_) => self.as_text()?.parse().ok(),
            _ => None,
        }
    }

    /// Key/value pairs of a RESP3 map, or of the flat array RESP2 sends in its place.
    pub fn as_pairs(&self) -> Option<Vec<(RespValue, RespValue)>> {
        match self {
            RespValue::Map(pairs) => Some(pairs.clone()),
            RespValue::Array(items) if items.len() % 2 == 0 => Some(
                items
                    .chunks(2)
                    .map(|pair| (pair[0].clone(), pair[1].clone()))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// Looks a text key up in a map (RESP3) or flat key/value array (RESP2).
    pub fn field(&self, name: &str) -> Option<RespValue> {
        self.as_pairs()?
            .into_iter()
            .find(|(key, _)| key.as_text().as_deref() == Some(name))
            .map(|(_, value)| value)
    }
}

/// Encodes a command as a RESP array of bulk strings and sends it.
pub fn write_command(out: &mut impl Write, args: &[&[u8]]) -> io::Result<()> {
    let mut frame = Vec::new();
    frame::write_command(&mut frame, args);
    out.write_all(&frame)?;
    out.flush()
}

/// Reads one reply. RESP3 push frames (out-of-band) and attributes are skipped.
pub fn read_value(input: &mut impl BufRead) -> io::Result<RespValue> {
    let mut reader = Reader {
        input,
        elements_left: MAX_ELEMENTS,
    };
    reader.value(0)
}

/// One reply's reading state: what is left of the element budget.
struct Reader<'a, R> {
    input: &'a mut R,
    elements_left: u64,
}

impl<R: BufRead> Reader<'_, R> {
    fn value(&mut self, depth: usize) -> io::Result<RespValue> {
        if depth > MAX_DEPTH {
            return Err(protocol_error(&format!(
                "reply nested deeper than {MAX_DEPTH} levels"
            )));
        }
        loop {
            let line = self.line()?;
            let (kind, rest) = line
                .split_first()
                .ok_or_else(|| protocol_error("empty line"))?;
            let rest = String::from_utf8_lossy(rest).into_owned();
            let value = match kind {
                b'+' => RespValue::Simple(rest),
                b'-' => RespValue::Error(rest),
                b'!' => RespValue::Error(String::from_utf8_lossy(&self.blob(&rest)?).into()),
                b':' => RespValue::Integer(parse_number(&rest)?),
                b'$' | b'=' if rest == "-1" => RespValue::Null,
                b'$' => RespValue::Bulk(self.blob(&rest)?),
                // Verbatim strings start with a 3-letter format and a colon ("txt:").
                b'=' => {
                    let mut blob = self.blob(&rest)?;
                    RespValue::Bulk(blob.split_off(4.min(blob.len())))
                }
                b'*' | b'~' if rest == "-1" => RespValue::Null,
                b'*' | b'~' => RespValue::Array(self.items(&rest, depth)?),
                b'>' => {
                    self.items(&rest, depth)?;
                    continue;
                }
                b'%' | b'|' => {
                    let count = self.charge_elements(&rest, 2)? / 2;
                    let mut pairs = Vec::new();
                    for _ in 0..count {
                        pairs.push((self.value(depth + 1)?, self.value(depth + 1)?));
                    }
                    if *kind == b'|' {
                        // Attributes describe the reply that follows; the probe does not need them.
                        continue;
                    }
                    RespValue::Map(pairs)
                }
                b'_' => RespValue::Null,
                b',' => RespValue::Double(rest),
                b'(' => RespValue::Simple(rest),
                b'#' => RespValue::Boolean(rest == "t"),
                other => {
                    return Err(protocol_error(&format!(
                        "unexpected reply type byte {:?}",
                        char::from(*other)
                    )));
                }
            };
            return Ok(value);
        }
    }

    /// The values of an array, set or push. The vector grows as values arrive, never by the
    /// announced count.
    fn items(&mut self, count: &str, depth: usize) -> io::Result<Vec<RespValue>> {
        let count = self.charge_elements(count, 1)?;
        let mut items = Vec::new();
        for _ in 0..count {
            items.push(self.value(depth + 1)?);
        }
        Ok(items)
    }

    /// Charges an aggregate's announced entries (times `per_entry` values) against the reply's
    /// element budget before any is read; returns the number of values.
    fn charge_elements(&mut self, count: &str, per_entry: u64) -> io::Result<u64> {
        let values = u64::try_from(parse_number(count)?)
            .map_err(|_| protocol_error("negative aggregate length"))?
            .checked_mul(per_entry)
            .filter(|values| *values <= self.elements_left)
            .ok_or_else(|| {
                protocol_error(&format!("reply has more than {MAX_ELEMENTS} elements"))
            })?;
        self.elements_left -= values;
        Ok(values)
    }

    fn line(&mut self) -> io::Result<Vec<u8>> {
        let mut line = Vec::new();
        let limit = u64::try_from(MAX_LINE_BYTES).unwrap_or(u64::MAX);
        if (&mut *self.input)
            .take(limit)
            .read_until(b'\n', &mut line)?
            == 0
        {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "connection closed by the server",
            ));
        }
        if !line.ends_with(b"\r\n") {
            return Err(protocol_error(if line.len() >= MAX_LINE_BYTES {
                "line longer than 64 KiB"
            } else {
                "line without CRLF"
            }));
        }
        line.truncate(line.len() - 2);
        Ok(line)
    }

    /// A length-prefixed string and its CRLF, read as it arrives (never allocated up front).
    fn blob(&mut self, length: &str) -> io::Result<Vec<u8>> {
        let length = u64::try_from(parse_number(length)?)
            .map_err(|_| protocol_error("negative blob length"))?;
        if length > MAX_BULK_BYTES {
            return Err(protocol_error(&format!(
                "bulk of {length} bytes exceeds the {MAX_BULK_BYTES}-byte limit"
            )));
        }
        let mut blob = Vec::new();
        let wanted = length + 2;
        let read = (&mut *self.input).take(wanted).read_to_end(&mut blob)?;
        if u64::try_from(read).ok() != Some(wanted) {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "connection closed by the server",
            ));
        }
        if !blob.ends_with(b"\r\n") {
            return Err(protocol_error("bulk string without CRLF"));
        }
        blob.truncate(blob.len() - 2);
        Ok(blob)
    }
}

fn parse_number(text: &str) -> io::Result<i64> {
    text.parse().map_err(|_| {
        let shown: String = text.chars().take(20).collect();
        protocol_error(&format!("bad number {shown:?}"))
    })
}

fn protocol_error(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("RESP protocol error: {what}"),
    )
}
#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> RespValue {
        read_value(&mut io::Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn encodes_commands() {
        let mut out = Vec::new();
        write_command(&mut out, &[b"GET", b"foo"]).unwrap();
        assert_eq!(out, b"*2\r\n$3\r\nGET\r\n$3\r\nfoo\r\n");
    }

    #[test]
    fn parses_resp2_cluster_slots() {
        let reply = parse(
            b"*1\r\n*3\r\n:0\r\n:16383\r\n*4\r\n$9\r\n127.0.0.1\r\n:7001\r\n$2\r\nab\r\n*0\r\n",
        );
        assert_eq!(
            reply,
            RespValue::Array(vec![RespValue::Array(vec![
                RespValue::Integer(0),
                RespValue::Integer(16383),
                RespValue::Array(vec![
                    RespValue::Bulk(b"127.0.0.1".to_vec()),
                    RespValue::Integer(7001),
                    RespValue::Bulk(b"ab".to_vec()),
                    RespValue::Array(vec![]),
                ]),
            ])])
        );
    }

    #[test]
    fn parses_resp3_types_and_skips_pushes() {
        assert_eq!(
            parse(b">2\r\n$4\r\npush\r\n:1\r\n%1\r\n+ip\r\n$3\r\n1.2\r\n"),
            RespValue::Map(vec![(
                RespValue::Simple("ip".into()),
                RespValue::Bulk(b"1.2".to_vec())
            )])
        );
        assert_eq!(
            parse(b"=8\r\ntxt:abcd\r\n"),
            RespValue::Bulk(b"abcd".to_vec())
        );
        assert_eq!(parse(b"_\r\n"), RespValue::Null);
        assert_eq!(parse(b"$-1\r\n"), RespValue::Null);
        assert_eq!(
            parse(b"-MOVED 1 a:2\r\n"),
            RespValue::Error("MOVED 1 a:2".into())
        );
        assert_eq!(parse(b"#t\r\n"), RespValue::Boolean(true));
    }

    fn parse_error(bytes: &[u8]) -> String {
        read_value(&mut io::Cursor::new(bytes))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn absurd_lengths_and_depths_are_protocol_errors() {
        assert_eq!(
            parse_error(b"$99999999999\r\n"),
            "RESP protocol error: bulk of 99999999999 bytes exceeds the 67108864-byte limit"
        );
        assert_eq!(
            parse_error(b"*99999999999\r\n"),
            "RESP protocol error: reply has more than 1048576 elements"
        );
        assert_eq!(
            parse_error(b"%9223372036854775807\r\n"),
            "RESP protocol error: reply has more than 1048576 elements"
        );
        assert_eq!(parse_error(b"$5\r\nab"), "connection closed by the server");
        let nested = b"*1\r\n".repeat(200_000);
        assert_eq!(
            parse_error(&nested),
            "RESP protocol error: reply nested deeper than 32 levels"
        );
        let long_line = [b"+".as_slice(), &vec![b'a'; 100_000]].concat();
        assert_eq!(
            parse_error(&long_line),
            "RESP protocol error: line longer than 64 KiB"
        );
        assert_eq!(
            parse_error(b"$3\r\nabcde"),
            "RESP protocol error: bulk string without CRLF"
        );
    }

    #[test]
    fn flat_arrays_read_as_maps() {
        let shard = RespValue::Array(vec![
            RespValue::Bulk(b"slots".to_vec()),
            RespValue::Array(vec![RespValue::Integer(0), RespValue::Integer(5)]),
        ]);
        assert_eq!(
            shard.field("slots"),
            Some(RespValue::Array(vec![
                RespValue::Integer(0),
                RespValue::Integer(5)
            ]))
        );
    }
}
