//! The sandbox proxy's RESP2/RESP3 codec (it reads client requests with its own bounded
//! `proxy::request` reader): reply frame boundaries for relaying shard replies untouched, a reply
//! parser for the few replies the proxy merges, and writers.

use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Protocol {
    Resp2,
    Resp3,
}

#[derive(Debug)]
pub struct ProtocolError;

/// Shard replies with bulk strings and aggregates larger than this are a broken stream, not data.
const MAX_BULK_LEN: i64 = 512 * 1024 * 1024;
const MAX_AGGREGATE_LEN: i64 = 64 * 1024 * 1024;

pub type Args = Vec<Vec<u8>>;

/// Position just after the next CRLF-terminated line starting at `pos`, and the line itself.
fn read_line(buf: &[u8], pos: usize) -> Option<(&[u8], usize)> {
    let rest = buf.get(pos..)?;
    let cr = rest.iter().position(|&b| b == b'\r')?;
    if rest.get(cr + 1)? != &b'\n' {
        // A bare CR inside a header line is a protocol error; report it as "no line" to the
        // length parser, which then rejects the header.
        return Some((&rest[..cr + 1], pos + cr + 1));
    }
    Some((&rest[..cr], pos + cr + 2))
}

fn parse_i64(digits: &[u8]) -> Result<i64, ProtocolError> {
    std::str::from_utf8(digits)
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or(ProtocolError)
}

/// Length of the complete reply frame at the start of `buf`, `Ok(None)` if more bytes are needed.
#[inline]
pub fn frame_len(buf: &[u8]) -> Result<Option<usize>, ProtocolError> {
    frame_end(buf, 0)
}

fn frame_end(buf: &[u8], pos: usize) -> Result<Option<usize>, ProtocolError> {
    let Some(&kind) = buf.get(pos) else {
        return Ok(None);
    };
    let Some((line, next)) = read_line(buf, pos + 1) else {
        return Ok(None);
    };
    match kind {
        b'+' | b'-' | b':' | b'_' | b'#' | b',' | b'(' => Ok(Some(next)),
        b'$' | b'!' | b'=' => {
            let len = parse_i64(line)?;
            if len < 0 {
                return Ok(Some(next));
            }
            if len > MAX_BULK_LEN {
                return Err(ProtocolError);
            }
            let end = next + len as usize + 2;
            Ok((buf.len() >= end).then_some(end))
        }
        b'*' | b'~' | b'>' | b'%' | b'|' => {
            let count = parse_i64(line)?;
            if count > MAX_AGGREGATE_LEN {
                return Err(ProtocolError);
            }
            let elements = if matches!(kind, b'%' | b'|') {
                count * 2
            } else {
                count
            };
            let mut cursor = next;
            for _ in 0..elements.max(0) {
                match frame_end(buf, cursor)? {
                    Some(end) => cursor = end,
                    None => return Ok(None),
                }
            }
            // An attribute annotates the frame that follows it.
            if kind == b'|' {
                frame_end(buf, cursor)
            } else {
                Ok(Some(cursor))
            }
        }
        _ => Err(ProtocolError),
    }
}

/// A parsed reply, for the replies the proxy must inspect or merge. Maps, sets and pushes become
/// arrays (maps flattened to key, value, ...); types the proxy never inspects become `Other`.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Status(Vec<u8>),
    Error(Vec<u8>),
    Int(i64),
    Bulk(Option<Vec<u8>>),
    Array(Option<Vec<Reply>>),
    Other,
}

impl Reply {
    /// Parses one complete frame (the caller has checked completeness with `frame_len`).
    pub fn parse(frame: &[u8]) -> Result<Reply, ProtocolError> {
        parse_reply_at(frame, 0).map(|(reply, _)| reply)
    }

    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Reply::Status(bytes) | Reply::Bulk(Some(bytes)) => Some(bytes),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Reply::Int(value) => Some(*value),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Reply]> {
        match self {
            Reply::Array(Some(items)) => Some(items),
            _ => None,
        }
    }
}

fn parse_reply_at(buf: &[u8], pos: usize) -> Result<(Reply, usize), ProtocolError> {
    let kind = *buf.get(pos).ok_or(ProtocolError)?;
    let (line, next) = read_line(buf, pos + 1).ok_or(ProtocolError)?;
    match kind {
        b'+' => Ok((Reply::Status(line.to_vec()), next)),
        b'-' => Ok((Reply::Error(line.to_vec()), next)),
        b':' => Ok((Reply::Int(parse_i64(line)?), next)),
        b'_' => Ok((Reply::Bulk(None), next)),
        b'#' | b',' | b'(' => Ok((Reply::Other, next)),
        b'$' | b'!' | b'=' => {
            let len = parse_i64(line)?;
            if len < 0 {
                return Ok((Reply::Bulk(None), next));
            }
            let end = next + len as usize;
            let data = buf.get(next..end).ok_or(ProtocolError)?.to_vec();
            let reply = if kind == b'!' {
                Reply::Error(data)
            } else {
                Reply::Bulk(Some(data))
            };
            Ok((reply, end + 2))
        }
        b'*' | b'~' | b'>' | b'%' | b'|' => {
            let count = parse_i64(line)?;
            if count < 0 {
                return Ok((Reply::Array(None), next));
            }
            let elements = if matches!(kind, b'%' | b'|') {
                count * 2
            } else {
                count
            };
            let mut items = Vec::with_capacity(elements.min(1024) as usize);
            let mut cursor = next;
            for _ in 0..elements {
                let (item, end) = parse_reply_at(buf, cursor)?;
                items.push(item);
                cursor = end;
            }
            if kind == b'|' {
                return parse_reply_at(buf, cursor);
            }
            Ok((Reply::Array(Some(items)), cursor))
        }
        _ => Err(ProtocolError),
    }
}

/// Encodes a request as a RESP multibulk (what the proxy sends to shards).
#[inline]
pub fn write_command<A: AsRef<[u8]>>(out: &mut Vec<u8>, args: &[A]) {
    write_header(out, b'*', args.len());
    for arg in args {
        write_bulk(out, arg.as_ref());
    }
}

/// Appends the decimal digits of `value` (hot path: every forwarded argument has a length header).
#[inline]
fn write_decimal(out: &mut Vec<u8>, mut value: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

#[inline]
fn write_header(out: &mut Vec<u8>, kind: u8, len: usize) {
    out.push(kind);
    write_decimal(out, len);
    out.extend_from_slice(b"\r\n");
}

#[inline]
pub fn write_status(out: &mut Vec<u8>, text: &str) {
    out.push(b'+');
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(b"\r\n");
}

/// `text` without the leading '-'; it starts with the error code (`ERR`, `MOVED`, ...).
pub fn write_error(out: &mut Vec<u8>, text: &str) {
    out.push(b'-');
    // Error lines cannot carry CR/LF; key names in CROSSSLOT texts could.
    out.extend(
        text.bytes()
            .map(|b| if b == b'\r' || b == b'\n' { b' ' } else { b }),
    );
    out.extend_from_slice(b"\r\n");
}

#[inline]
pub fn write_int(out: &mut Vec<u8>, value: i64) {
    let _ = write!(out, ":{value}\r\n");
}

#[inline]
pub fn write_bulk(out: &mut Vec<u8>, data: &[u8]) {
    write_header(out, b'$', data.len());
    out.extend_from_slice(data);
    out.extend_from_slice(b"\r\n");
}

#[inline]
pub fn write_null(out: &mut Vec<u8>, protocol: Protocol) {
    out.extend_from_slice(match protocol {
        Protocol::Resp2 => b"$-1\r\n",
        Protocol::Resp3 => b"_\r\n",
    });
}

#[inline]
pub fn write_array_len(out: &mut Vec<u8>, len: usize) {
    write_header(out, b'*', len);
}

/// A map of `pairs` entries: RESP3 `%`, RESP2 a flat array of key, value, ...
#[inline]
pub fn write_map_len(out: &mut Vec<u8>, protocol: Protocol, pairs: usize) {
    match protocol {
        Protocol::Resp2 => write_header(out, b'*', pairs * 2),
        Protocol::Resp3 => write_header(out, b'%', pairs),
    }
}

/// Text replies (CLUSTER NODES, CLUSTER INFO, INFO): RESP3 verbatim `txt`, RESP2 bulk.
pub fn write_verbatim(out: &mut Vec<u8>, protocol: Protocol, text: &str) {
    match protocol {
        Protocol::Resp2 => write_bulk(out, text.as_bytes()),
        Protocol::Resp3 => {
            write_header(out, b'=', text.len() + 4);
            out.extend_from_slice(b"txt:");
            out.extend_from_slice(text.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
    }
}

/// Re-encodes a parsed reply (used for merged replies).
pub fn write_reply(out: &mut Vec<u8>, protocol: Protocol, reply: &Reply) {
    match reply {
        Reply::Status(text) => {
            out.push(b'+');
            out.extend_from_slice(text);
            out.extend_from_slice(b"\r\n");
        }
        Reply::Error(text) => {
            out.push(b'-');
            out.extend_from_slice(text);
            out.extend_from_slice(b"\r\n");
        }
        Reply::Int(value) => write_int(out, *value),
        Reply::Bulk(Some(data)) => write_bulk(out, data),
        Reply::Bulk(None) | Reply::Other => write_null(out, protocol),
        Reply::Array(None) => out.extend_from_slice(b"*-1\r\n"),
        Reply::Array(Some(items)) => {
            write_array_len(out, items.len());
            for item in items {
                write_reply(out, protocol, item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_frame_boundaries_for_resp2_and_resp3() {
        let frames: &[&[u8]] = &[
            b"+OK\r\n",
            b"-ERR x\r\n",
            b":12\r\n",
            b"$3\r\nfoo\r\n",
            b"$-1\r\n",
            b"*2\r\n$1\r\na\r\n:1\r\n",
            b"%1\r\n+k\r\n*1\r\n_\r\n",
            b">3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nm\r\n",
            b"=8\r\ntxt:abcd\r\n",
            b"|1\r\n+a\r\n+b\r\n:5\r\n",
        ];
        for frame in frames {
            let mut stream = frame.to_vec();
            stream.extend_from_slice(b"+NEXT\r\n");
            assert_eq!(frame_len(&stream).unwrap(), Some(frame.len()), "{frame:?}");
            assert_eq!(frame_len(&frame[..frame.len() - 1]).unwrap(), None);
        }
    }

    #[test]
    fn parses_nested_replies() {
        let reply = Reply::parse(b"*3\r\n:1\r\n$-1\r\n%1\r\n+a\r\n$1\r\nb\r\n").unwrap();
        assert_eq!(
            reply,
            Reply::Array(Some(vec![
                Reply::Int(1),
                Reply::Bulk(None),
                Reply::Array(Some(vec![
                    Reply::Status(b"a".to_vec()),
                    Reply::Bulk(Some(b"b".to_vec()))
                ])),
            ]))
        );
    }

    #[test]
    fn writes_maps_and_text_per_protocol() {
        let mut out = Vec::new();
        write_map_len(&mut out, Protocol::Resp2, 2);
        write_map_len(&mut out, Protocol::Resp3, 2);
        write_verbatim(&mut out, Protocol::Resp3, "ab");
        write_verbatim(&mut out, Protocol::Resp2, "ab");
        assert_eq!(out, b"*4\r\n%2\r\n=6\r\ntxt:ab\r\n$2\r\nab\r\n");
    }
}
