//! Client requests read the way Redis reads them (networking.c, `processInlineBuffer` and
//! `processMultibulkBuffer`), with Redis's limits and error texts: incremental, so a read resumes
//! where the last one stopped and no byte is searched or copied twice, and bounded, per client
//! and across all clients of the data plane.

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::BufMut;
use tokio::io::{AsyncRead, AsyncReadExt};

use super::resp::Args;

/// The data plane's input limits: Redis's own where Redis has one (same names as redis.conf).
pub struct RequestLimits {
    /// `proto-inline-max-size`: an inline request, or a `*`/`$` header, with no line end after
    /// this many bytes is refused (Redis: 64 KB).
    pub inline_max_size: usize,
    /// `proto-max-bulk-len`: the longest argument. Redis's default is 512 MB; the sandbox caps it
    /// at 64 MiB, so a handful of clients cannot make a laptop swap (no test or client sends more).
    pub proto_max_bulk_len: usize,
    /// `client-query-buffer-limit`: unparsed input plus the arguments of the request being read.
    /// Redis's default is 1 GB; the sandbox's is 128 MiB (two maximal arguments). Redis closes
    /// such a client without a reply, and so does the proxy.
    pub client_query_buffer_limit: usize,
    /// Input buffered by all clients of all proxies together (Redis's `maxmemory-clients` idea):
    /// above it, a client holding more than `fair_share` is disconnected when it next sends.
    pub total_query_buffer_limit: usize,
    pub fair_share: usize,
}

pub const LIMITS: RequestLimits = RequestLimits {
    inline_max_size: 64 * 1024,
    proto_max_bulk_len: 64 * 1024 * 1024,
    client_query_buffer_limit: 128 * 1024 * 1024,
    total_query_buffer_limit: 512 * 1024 * 1024,
    fair_share: 1024 * 1024,
};

/// Largest read from one client in one turn (Redis reads 16 KB, more for big arguments).
const READ_CHUNK: usize = 64 * 1024;
/// Before authentication Redis accepts at most 10 arguments of at most 16 KB each.
const UNAUTHENTICATED_MAX_ARGS: i64 = 10;
const UNAUTHENTICATED_MAX_BULK: i64 = 16 * 1024;
/// Argument vectors are allocated for at most this many arguments up front, as in Redis; a
/// header announcing more grows them as the arguments arrive.
const INITIAL_ARGS: usize = 1024;

/// Input held by every client of every proxy in this process.
static TOTAL_BUFFERED: AtomicUsize = AtomicUsize::new(0);

/// Redis's texts (`addReplyError` prefixes `ERR`); the client is disconnected after the reply.
const TOO_BIG_INLINE: &str = "ERR Protocol error: too big inline request";
const TOO_BIG_MBULK_COUNT: &str = "ERR Protocol error: too big mbulk count string";
const TOO_BIG_BULK_COUNT: &str = "ERR Protocol error: too big bulk count string";
const INVALID_MULTIBULK_LENGTH: &str = "ERR Protocol error: invalid multibulk length";
const INVALID_BULK_LENGTH: &str = "ERR Protocol error: invalid bulk length";
const UNAUTHENTICATED_MULTIBULK_LENGTH: &str =
    "ERR Protocol error: unauthenticated multibulk length";
const UNAUTHENTICATED_BULK_LENGTH: &str = "ERR Protocol error: unauthenticated bulk length";

/// A request the client cannot continue after: Redis replies with this error and disconnects.
#[derive(Debug, PartialEq, Eq)]
pub struct ProtocolError(pub String);

fn refuse<T>(text: &str) -> Result<T, ProtocolError> {
    Err(ProtocolError(text.to_string()))
}

/// Reading stopped because the client went over a query buffer limit (Redis closes silently).
pub fn is_over_limit(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::OutOfMemory
}

fn over_limit(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::OutOfMemory, what.to_string())
}

/// Redis's `string2ll`: optional `-`, digits without a leading zero (or just `0`), no `+`.
fn parse_length(digits: &[u8]) -> Option<i64> {
    let unsigned = digits.strip_prefix(b"-").unwrap_or(digits);
    let canonical = match unsigned {
        [b'0'] => digits.len() == 1,
        [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if !canonical {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// One client's input: the bytes received and not yet consumed, and the request being read.
pub struct RequestReader {
    buffer: Vec<u8>,
    /// First byte of `buffer` not consumed yet.
    start: usize,
    /// Bytes after `start` already searched for a line end without finding one.
    searched: usize,
    /// Arguments still to come in the multibulk being read (0 between requests).
    pending_args: usize,
    args: Args,
    /// Bytes of `args` so far (they count against the query buffer limit, as in Redis).
    args_bytes: usize,
    /// The length of the argument whose `$` header has been read.
    bulk_len: Option<usize>,
    /// What this reader adds to `TOTAL_BUFFERED`.
    accounted: usize,
}

impl Default for RequestReader {
    fn default() -> Self {
        RequestReader::new()
    }
}

impl RequestReader {
    pub fn new() -> RequestReader {
        RequestReader {
            buffer: Vec::new(),
            start: 0,
            searched: 0,
            pending_args: 0,
            args: Vec::new(),
            args_bytes: 0,
            bulk_len: None,
            accounted: 0,
        }
    }

    /// Unparsed input plus the arguments read of the current request.
    pub fn query_buffer_len(&self) -> usize {
        self.buffer.len() - self.start + self.args_bytes
    }

    /// Input bytes received but not yet consumed.
    pub fn unconsumed(&self) -> &[u8] {
        &self.buffer[self.start..]
    }

    /// Takes `len` bytes of input as consumed.
    pub fn consume(&mut self, len: usize) {
        self.start += len;
        self.searched = 0;
    }

    /// Appends received bytes (what `read_from` does with a socket); an error means the client
    /// must be disconnected (see `is_over_limit`).
    pub fn feed(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.check_limits()?;
        self.compact();
        self.buffer.extend_from_slice(bytes);
        self.account();
        self.check_limits()
    }

    /// Reads what the client sent, at most one chunk; `Ok(0)` when the client closed.
    pub async fn read_from(&mut self, reader: &mut (impl AsyncRead + Unpin)) -> io::Result<usize> {
        self.check_limits()?;
        self.compact();
        self.buffer.reserve(READ_CHUNK);
        let read = reader
            .read_buf(&mut (&mut self.buffer).limit(READ_CHUNK))
            .await?;
        self.account();
        self.check_limits()?;
        Ok(read)
    }

    fn check_limits(&self) -> io::Result<()> {
        if self.query_buffer_len() > LIMITS.client_query_buffer_limit {
            return Err(over_limit("client-query-buffer-limit"));
        }
        if self.accounted > LIMITS.fair_share
            && TOTAL_BUFFERED.load(Ordering::Relaxed) > LIMITS.total_query_buffer_limit
        {
            return Err(over_limit("total query buffer limit"));
        }
        Ok(())
    }

    /// Drops consumed bytes: all of them when nothing is left, else once they are the larger
    /// half, so each byte is moved at most once on average. An emptied buffer that grew for a
    /// big argument is given back.
    fn compact(&mut self) {
        if self.start == self.buffer.len() {
            self.buffer.clear();
            self.start = 0;
            if self.buffer.capacity() > 4 * READ_CHUNK {
                self.buffer = Vec::new();
            }
        } else if self.start > self.buffer.len() / 2 {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
    }

    fn account(&mut self) {
        let now = self.buffer.capacity() + self.args_bytes;
        if now >= self.accounted {
            TOTAL_BUFFERED.fetch_add(now - self.accounted, Ordering::Relaxed);
        } else {
            TOTAL_BUFFERED.fetch_sub(self.accounted - now, Ordering::Relaxed);
        }
        self.accounted = now;
    }

    /// Where the line at `start` ends: `(end of its text, start of what follows)`, both relative
    /// to `start`. Multibulk headers end at `\r` plus one byte, inline requests at `\n` (an `\r`
    /// before it is dropped), as in Redis. `None` until the line is complete; a line longer than
    /// `proto-inline-max-size` without its end is refused with `too_long`.
    fn line(
        &mut self,
        terminator: u8,
        too_long: &str,
    ) -> Result<Option<(usize, usize)>, ProtocolError> {
        let input = &self.buffer[self.start..];
        let found = input[self.searched..]
            .iter()
            .position(|&byte| byte == terminator)
            .map(|offset| self.searched + offset);
        let Some(at) = found else {
            if input.len() > LIMITS.inline_max_size {
                return refuse(too_long);
            }
            self.searched = input.len();
            return Ok(None);
        };
        if terminator == b'\n' {
            let end = if at > 0 && input[at - 1] == b'\r' {
                at - 1
            } else {
                at
            };
            return Ok(Some((end, at + 1)));
        }
        if at + 2 > input.len() {
            // The byte after `\r` has not arrived yet; search from the `\r` again next time.
            self.searched = at;
            return Ok(None);
        }
        Ok(Some((at, at + 2)))
    }

    /// The next complete request: `Ok(None)` until one is complete; an empty argument list for an
    /// empty line or a `*0` header (the caller skips it). After an error the connection cannot
    /// continue: reply with it and disconnect.
    pub fn next_request(&mut self, authenticated: bool) -> Result<Option<Args>, ProtocolError> {
        if self.pending_args == 0 {
            let Some(&first) = self.unconsumed().first() else {
                return Ok(None);
            };
            if first != b'*' {
                return self.inline_request();
            }
            if !self.multibulk_header(authenticated)? {
                return Ok(None);
            }
            if self.pending_args == 0 {
                return Ok(Some(Vec::new()));
            }
        }
        while self.pending_args > 0 {
            let len = match self.bulk_len {
                Some(len) => len,
                None => match self.bulk_header(authenticated)? {
                    Some(len) => len,
                    None => return Ok(None),
                },
            };
            let input = self.unconsumed();
            if input.len() < len + 2 {
                return Ok(None);
            }
            // Like Redis, the two bytes after the data are taken as its CRLF unchecked.
            self.args.push(input[..len].to_vec());
            self.args_bytes += len;
            self.consume(len + 2);
            self.bulk_len = None;
            self.pending_args -= 1;
        }
        self.args_bytes = 0;
        let request = std::mem::take(&mut self.args);
        self.account();
        Ok(Some(request))
    }

    fn inline_request(&mut self) -> Result<Option<Args>, ProtocolError> {
        let Some((end, next)) = self.line(b'\n', TOO_BIG_INLINE)? else {
            return Ok(None);
        };
        // UNCONFIRMED nuance: Redis splits inline requests with `sdssplitargs` (quotes and escapes);
        // the proxy splits on whitespace, which is what redis-cli and telnet users send.
        let args = self.unconsumed()[..end]
            .split(u8::is_ascii_whitespace)
            .filter(|word| !word.is_empty())
            .map(<[u8]>::to_vec)
            .collect();
        self.consume(next);
        Ok(Some(args))
    }

    /// Reads `*<count>`; false while incomplete.
    fn multibulk_header(&mut self, authenticated: bool) -> Result<bool, ProtocolError> {
        let Some((end, next)) = self.line(b'\r', TOO_BIG_MBULK_COUNT)? else {
            return Ok(false);
        };
        let count = match parse_length(&self.unconsumed()[1..end]) {
            Some(count) if count <= i64::from(i32::MAX) => count,
            _ => return refuse(INVALID_MULTIBULK_LENGTH),
        };
        if count > UNAUTHENTICATED_MAX_ARGS && !authenticated {
            return refuse(UNAUTHENTICATED_MULTIBULK_LENGTH);
        }
        self.consume(next);
        // A count <= 0 is an empty request, as in Redis.
        self.pending_args = usize::try_from(count).unwrap_or(0);
        self.args = Vec::with_capacity(self.pending_args.min(INITIAL_ARGS));
        Ok(true)
    }

    /// Reads `$<len>`; `None` while incomplete.
    fn bulk_header(&mut self, authenticated: bool) -> Result<Option<usize>, ProtocolError> {
        let Some((end, next)) = self.line(b'\r', TOO_BIG_BULK_COUNT)? else {
            return Ok(None);
        };
        let header = &self.unconsumed()[..end + 1];
        if header[0] != b'$' {
            let got = char::from(header[0]);
            return Err(ProtocolError(format!(
                "ERR Protocol error: expected '$', got '{got}'"
            )));
        }
        let len = match parse_length(&header[1..end]) {
            Some(len) if (0..=LIMITS.proto_max_bulk_len as i64).contains(&len) => len,
            _ => return refuse(INVALID_BULK_LENGTH),
        };
        if len > UNAUTHENTICATED_MAX_BULK && !authenticated {
            return refuse(UNAUTHENTICATED_BULK_LENGTH);
        }
        self.consume(next);
        let len = len as usize;
        self.bulk_len = Some(len);
        Ok(Some(len))
    }
}

impl Drop for RequestReader {
    fn drop(&mut self) {
        TOTAL_BUFFERED.fetch_sub(self.accounted, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Args {
        words.iter().map(|w| w.as_bytes().to_vec()).collect()
    }

    fn reader(input: &[u8]) -> RequestReader {
        let mut reader = RequestReader::new();
        reader.feed(input).unwrap();
        reader
    }

    fn refusal(input: &[u8], authenticated: bool) -> String {
        reader(input).next_request(authenticated).unwrap_err().0
    }

    #[test]
    fn parses_multibulk_across_reads_without_going_back() {
        let request = b"*2\r\n$3\r\nGET\r\n$3\r\nfoo\r\n*1\r\n";
        let mut parser = RequestReader::new();
        for (index, byte) in request.iter().enumerate() {
            parser.feed(&[*byte]).unwrap();
            let parsed = parser.next_request(true).unwrap();
            assert_eq!(parsed.is_some(), index == 21, "after byte {index}");
            if let Some(parsed) = parsed {
                assert_eq!(parsed, args(&["GET", "foo"]));
            }
        }
        assert_eq!(parser.unconsumed(), b"");
        assert_eq!(parser.query_buffer_len(), 0);
    }

    #[test]
    fn parses_inline_requests_and_empty_ones() {
        let mut parser = reader(b"set  a b\r\n\r\n*0\r\nPING");
        assert_eq!(
            parser.next_request(true).unwrap(),
            Some(args(&["set", "a", "b"]))
        );
        assert_eq!(parser.next_request(true).unwrap(), Some(Vec::new()));
        assert_eq!(parser.next_request(true).unwrap(), Some(Vec::new()));
        assert_eq!(parser.next_request(true).unwrap(), None);
    }

    #[test]
    fn refuses_with_redis_texts() {
        assert_eq!(refusal(b"*x\r\n", true), INVALID_MULTIBULK_LENGTH);
        assert_eq!(refusal(b"*3000000000\r\n", true), INVALID_MULTIBULK_LENGTH);
        assert_eq!(
            refusal(b"*1\r\n+OK\r\n", true),
            "ERR Protocol error: expected '$', got '+'"
        );
        assert_eq!(refusal(b"*1\r\n$-1\r\n", true), INVALID_BULK_LENGTH);
        assert_eq!(refusal(b"*1\r\n$67108865\r\n", true), INVALID_BULK_LENGTH);
        assert_eq!(refusal(b"*11\r\n", false), UNAUTHENTICATED_MULTIBULK_LENGTH);
        assert_eq!(
            refusal(b"*1\r\n$16385\r\n", false),
            UNAUTHENTICATED_BULK_LENGTH
        );
        let long = vec![b'1'; 64 * 1024 + 1];
        assert_eq!(refusal(&long, true), TOO_BIG_INLINE);
        assert_eq!(
            refusal(&[b"*".as_slice(), &long].concat(), true),
            TOO_BIG_MBULK_COUNT
        );
        assert_eq!(
            refusal(&[b"*1\r\n$".as_slice(), &long].concat(), true),
            TOO_BIG_BULK_COUNT
        );
        // Just at the limit, a line still waits for its end.
        assert_eq!(reader(&long[1..]).next_request(true).unwrap(), None);
    }

    #[test]
    fn the_query_buffer_limit_disconnects() {
        let mut parser = RequestReader::new();
        let chunk = vec![b'x'; 1024 * 1024];
        parser.feed(b"*2\r\n$67108864\r\n").unwrap();
        assert_eq!(parser.next_request(true).unwrap(), None);
        let mut fed = 0;
        let error = loop {
            match parser.feed(&chunk) {
                Ok(()) => fed += chunk.len(),
                Err(error) => break error,
            }
        };
        assert!(is_over_limit(&error), "{error}");
        assert_eq!(fed, LIMITS.client_query_buffer_limit);
    }
}
