//! Collecting replies: routing decides per request how its reply is produced (`Pending`), all
//! shard requests of a batch leave at once, then the replies are read back in request order and
//! merged where a request went to several shards.

use std::io;

use super::Session;
use crate::proxy::errors;
use crate::proxy::resp::{self, Protocol, Reply};
use crate::proxy::routing::ScanCursor;
use crate::proxy::shard_io::Source;

/// How the reply to one request is produced, in request order.
pub(super) enum Pending {
    Local(Vec<u8>),
    Relay(Source),
    /// The proxy's HELLO reply, after dropping the replies to the HELLO it sent to open shard
    /// connections when the client changed protocol.
    Hello {
        discard: Vec<Source>,
        reply: Vec<u8>,
    },
    SumIntegers(Vec<Source>),
    /// MSET, FLUSHDB, ...: the first error, else `+OK`.
    AllOk(Vec<Source>),
    /// SCRIPT LOAD, FUNCTION LOAD, ...: the first error, else the first shard's reply.
    FirstReply(Vec<Source>),
    ConcatArrays(Vec<Source>),
    /// MGET split over shards: each part is a shard and the result positions of its keys.
    Gather {
        parts: Vec<(Source, Vec<usize>)>,
        total: usize,
    },
    /// MULTI, `queued` commands and EXEC were sent; only EXEC's reply is the client's.
    Exec {
        source: Source,
        queued: usize,
    },
    Info(Source),
    /// SCAN on the shard at `position` of `shard_count` scanned shards (`routing::ScanCursor`).
    Scan {
        source: Source,
        position: u64,
        shard_count: u64,
    },
}

pub(super) fn local_error(text: &str) -> Pending {
    let mut out = Vec::new();
    resp::write_error(&mut out, text);
    Pending::Local(out)
}

pub(super) fn local_status(text: &str) -> Pending {
    let mut out = Vec::new();
    resp::write_status(&mut out, text);
    Pending::Local(out)
}

impl Session {
    /// Appends the client's reply to `pending` to the client's outbound buffer.
    pub(super) async fn resolve(&mut self, pending: Pending) -> io::Result<()> {
        let protocol = self.protocol;
        let client = &mut self.client;
        let io = &mut self.io;
        match pending {
            Pending::Local(reply) => client.outbound().extend_from_slice(&reply),
            Pending::Relay(source) => client.relay_reply(io, source).await?,
            Pending::Hello { discard, reply } => {
                client.shard_replies(io, &discard).await?;
                client.outbound().extend_from_slice(&reply);
            }
            Pending::SumIntegers(sources) => {
                let replies = client.shard_replies(io, &sources).await?;
                sum_integers(client.outbound(), protocol, &replies);
            }
            Pending::AllOk(sources) => {
                let replies = client.shard_replies(io, &sources).await?;
                all_ok(client.outbound(), protocol, &replies);
            }
            Pending::FirstReply(sources) => {
                let mut frames = Vec::with_capacity(sources.len());
                for source in sources {
                    frames.push(client.shard_reply(io, source).await?);
                }
                first_error_or_reply(client.outbound(), &frames);
            }
            Pending::ConcatArrays(sources) => {
                let replies = client.shard_replies(io, &sources).await?;
                concat_arrays(client.outbound(), protocol, replies);
            }
            Pending::Gather { parts, total } => {
                let sources: Vec<Source> = parts.iter().map(|part| part.0).collect();
                let replies = client.shard_replies(io, &sources).await?;
                gather(client.outbound(), protocol, &parts, replies, total);
            }
            Pending::Exec { source, queued } => {
                // MULTI's +OK and one +QUEUED (or queue-time error) per command, then EXEC's reply.
                for _ in 0..=queued {
                    client.shard_reply(io, source).await?;
                }
                client.relay_reply(io, source).await?;
            }
            Pending::Scan {
                source,
                position,
                shard_count,
            } => {
                let frame = client.shard_reply(io, source).await?;
                encode_scan_cursor(client.outbound(), protocol, frame, position, shard_count);
            }
            Pending::Info(source) => {
                let frame = client.shard_reply(io, source).await?;
                match Reply::parse(&frame) {
                    Ok(Reply::Bulk(Some(text))) => {
                        let text = self.rewrite_info(&String::from_utf8_lossy(&text));
                        resp::write_verbatim(self.client.outbound(), protocol, &text);
                    }
                    _ => self.client.outbound().extend_from_slice(&frame),
                }
            }
        }
        Ok(())
    }

    /// INFO as RS's proxy shows it: standalone mode and the database port (rs-observed.md §3, §6.12);
    /// `cluster_enabled` follows the OSS Cluster API (INFERRED).
    fn rewrite_info(&self, text: &str) -> String {
        let text = text.strip_prefix("txt:").unwrap_or(text);
        let mut rewritten = String::with_capacity(text.len());
        for line in text.split_inclusive("\r\n") {
            let (key, _) = line.split_once(':').unwrap_or((line, ""));
            match key {
                "redis_mode" => rewritten.push_str("redis_mode:standalone\r\n"),
                "tcp_port" => {
                    rewritten.push_str(&format!("tcp_port:{}\r\n", self.topology.settings.port))
                }
                "cluster_enabled" => {
                    rewritten.push_str(&format!("cluster_enabled:{}\r\n", u8::from(self.oss())))
                }
                _ => rewritten.push_str(line),
            }
        }
        rewritten
    }
}

/// The sum of the shards' integers; a shard's other reply (an error) is the reply.
fn sum_integers(out: &mut Vec<u8>, protocol: Protocol, replies: &[Reply]) {
    match replies.iter().find(|reply| reply.as_int().is_none()) {
        Some(unexpected) => resp::write_reply(out, protocol, unexpected),
        None => resp::write_int(out, replies.iter().filter_map(Reply::as_int).sum()),
    }
}

fn all_ok(out: &mut Vec<u8>, protocol: Protocol, replies: &[Reply]) {
    match replies
        .iter()
        .find(|reply| matches!(reply, Reply::Error(_)))
    {
        Some(error) => resp::write_reply(out, protocol, error),
        None => resp::write_status(out, "OK"),
    }
}

fn first_error_or_reply(out: &mut Vec<u8>, frames: &[Vec<u8>]) {
    let chosen = frames
        .iter()
        .find(|frame| frame.first() == Some(&b'-'))
        .or(frames.first());
    out.extend_from_slice(chosen.map_or(&[][..], Vec::as_slice));
}

fn concat_arrays(out: &mut Vec<u8>, protocol: Protocol, replies: Vec<Reply>) {
    if let Some(unexpected) = replies.iter().find(|reply| reply.as_array().is_none()) {
        resp::write_reply(out, protocol, unexpected);
        return;
    }
    let items: Vec<Reply> = replies
        .into_iter()
        .flat_map(|reply| match reply {
            Reply::Array(Some(items)) => items,
            _ => Vec::new(),
        })
        .collect();
    resp::write_reply(out, protocol, &Reply::Array(Some(items)));
}

/// MGET's values back at their keys' positions.
fn gather(
    out: &mut Vec<u8>,
    protocol: Protocol,
    parts: &[(Source, Vec<usize>)],
    replies: Vec<Reply>,
    total: usize,
) {
    if let Some(unexpected) = replies.iter().find(|reply| reply.as_array().is_none()) {
        resp::write_reply(out, protocol, unexpected);
        return;
    }
    let mut merged = vec![Reply::Bulk(None); total];
    for ((_, positions), reply) in parts.iter().zip(replies) {
        if let Reply::Array(Some(items)) = reply {
            for (&position, item) in positions.iter().zip(items) {
                merged[position] = item;
            }
        }
    }
    resp::write_reply(out, protocol, &Reply::Array(Some(merged)));
}

/// A shard's SCAN reply with its cursor encoded for the client; anything else is relayed as is.
fn encode_scan_cursor(
    out: &mut Vec<u8>,
    protocol: Protocol,
    frame: Vec<u8>,
    position: u64,
    shard_count: u64,
) {
    let reply = Reply::parse(&frame).unwrap_or(Reply::Other);
    let shard_cursor = reply
        .as_array()
        .and_then(|items| items.first())
        .and_then(Reply::as_bytes)
        .and_then(|cursor| std::str::from_utf8(cursor).ok()?.parse::<u64>().ok());
    let (Some(shard_cursor), Reply::Array(Some(mut items))) = (shard_cursor, reply) else {
        out.extend_from_slice(&frame);
        return;
    };
    match ScanCursor::next(position, shard_count, shard_cursor) {
        Some(next) => {
            items[0] = Reply::Bulk(Some(next.to_string().into_bytes()));
            resp::write_reply(out, protocol, &Reply::Array(Some(items)));
        }
        None => resp::write_error(out, errors::INVALID_CURSOR),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bulk(text: &str) -> Reply {
        Reply::Bulk(Some(text.as_bytes().to_vec()))
    }

    fn written(write: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn counts_add_up_unless_a_shard_failed() {
        let counts = [Reply::Int(2), Reply::Int(3)];
        assert_eq!(
            written(|out| sum_integers(out, Protocol::Resp2, &counts)),
            ":5\r\n"
        );
        let failed = [Reply::Int(2), Reply::Error(b"ERR no".to_vec())];
        assert_eq!(
            written(|out| sum_integers(out, Protocol::Resp2, &failed)),
            "-ERR no\r\n"
        );
    }

    #[test]
    fn gathered_values_return_to_their_keys_positions() {
        let parts = [
            (Source::Shared(2), vec![0, 2]),
            (Source::Shared(0), vec![1]),
        ];
        let replies = vec![
            Reply::Array(Some(vec![bulk("a"), Reply::Bulk(None)])),
            Reply::Array(Some(vec![bulk("b")])),
        ];
        assert_eq!(
            written(|out| gather(out, Protocol::Resp2, &parts, replies, 3)),
            "*3\r\n$1\r\na\r\n$1\r\nb\r\n$-1\r\n"
        );
    }

    #[test]
    fn a_shards_scan_cursor_is_encoded_for_the_client() {
        let frame = b"*2\r\n$1\r\n5\r\n*1\r\n$1\r\nk\r\n".to_vec();
        assert_eq!(
            written(|out| encode_scan_cursor(out, Protocol::Resp2, frame, 1, 3)),
            "*2\r\n$2\r\n16\r\n*1\r\n$1\r\nk\r\n"
        );
        // The last shard's scan ended: the whole scan did.
        let done = b"*2\r\n$1\r\n0\r\n*0\r\n".to_vec();
        assert_eq!(
            written(|out| encode_scan_cursor(out, Protocol::Resp2, done, 2, 3)),
            "*2\r\n$1\r\n0\r\n*0\r\n"
        );
    }
}
