//! RESP2/RESP3 values: the request encoder and a reply parser, enough for the topology probe.

use std::io::{self, BufRead, Write};

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

/// Encodes a command as a RESP array of bulk strings.
pub fn write_command(out: &mut impl Write, args: &[&[u8]]) -> io::Result<()> {
    let mut frame = format!("*{}\r\n", args.len()).into_bytes();
    for arg in args {
        frame.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
        frame.extend_from_slice(arg);
        frame.extend_from_slice(b"\r\n");
    }
    out.write_all(&frame)?;
    out.flush()
}

/// Reads one reply. RESP3 push frames (out-of-band) are skipped.
pub fn read_value(input: &mut impl BufRead) -> io::Result<RespValue> {
    loop {
        let line = read_line(input)?;
        let (kind, rest) = line
            .split_first()
            .ok_or_else(|| protocol_error("empty line"))?;
        let rest = String::from_utf8_lossy(rest).into_owned();
        let value = match kind {
            b'+' => RespValue::Simple(rest),
            b'-' => RespValue::Error(rest),
            b'!' => RespValue::Error(String::from_utf8_lossy(&read_blob(input, &rest)?).into()),
            b':' => RespValue::Integer(parse_length(&rest)?),
            b'$' | b'=' if rest == "-1" => RespValue::Null,
            b'$' => RespValue::Bulk(read_blob(input, &rest)?),
            // Verbatim strings start with a 3-letter format and a colon ("txt:").
            b'=' => {
                let mut blob = read_blob(input, &rest)?;
                RespValue::Bulk(blob.split_off(4.min(blob.len())))
            }
            b'*' | b'~' if rest == "-1" => RespValue::Null,
            b'*' | b'~' => RespValue::Array(read_items(input, parse_length(&rest)?)?),
            b'>' => {
                read_items(input, parse_length(&rest)?)?;
                continue;
            }
            b'%' | b'|' => {
                let items = read_items(input, 2 * parse_length(&rest)?)?;
                let pairs = items
                    .chunks(2)
                    .map(|pair| (pair[0].clone(), pair[1].clone()))
                    .collect();
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

fn read_items(input: &mut impl BufRead, count: i64) -> io::Result<Vec<RespValue>> {
    (0..count.max(0)).map(|_| read_value(input)).collect()
}

fn read_line(input: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut line = Vec::new();
    if input.read_until(b'\n', &mut line)? == 0 {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "connection closed by the server",
        ));
    }
    if !line.ends_with(b"\r\n") {
        return Err(protocol_error("line without CRLF"));
    }
    line.truncate(line.len() - 2);
    Ok(line)
}

fn read_blob(input: &mut impl BufRead, length: &str) -> io::Result<Vec<u8>> {
    let length = usize::try_from(parse_length(length)?)
        .map_err(|_| protocol_error("negative blob length"))?;
    let mut blob = vec![0; length + 2];
    input.read_exact(&mut blob)?;
    blob.truncate(length);
    Ok(blob)
}

fn parse_length(text: &str) -> io::Result<i64> {
    text.parse()
        .map_err(|_| protocol_error(&format!("bad number {text:?}")))
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
