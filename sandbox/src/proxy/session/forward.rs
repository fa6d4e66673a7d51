//! Requests that go to shards: to the one shard their keys live on, split over shards
//! (DEL/MGET/MSET ... with the OSS Cluster API off), fanned out (DBSIZE, KEYS, SCRIPT ...), and
//! SCAN walking the shards in turn. Where each goes is decided by `routing`; this only queues.

use super::Session;
use super::reply::{Pending, local_error};
use crate::proxy::errors;
use crate::proxy::resp::Args;
use crate::proxy::routing::{self, ScanCursor, SplitMerge};
use crate::proxy::shard_io::Source;

impl Session {
    pub(super) async fn forward(&mut self, source: Source, args: &Args) -> Pending {
        if self.io.queue(source, args).await {
            Pending::Relay(source)
        } else {
            local_error(errors::SHARD_UNAVAILABLE)
        }
    }

    /// Queues each request; None if a shard cannot be reached.
    async fn send_each(&mut self, requests: Vec<(Source, Args)>) -> Option<Vec<Source>> {
        let mut sources = Vec::with_capacity(requests.len());
        for (source, args) in requests {
            if !self.io.queue(source, &args).await {
                return None;
            }
            sources.push(source);
        }
        Some(sources)
    }

    pub(super) async fn fan_out(
        &mut self,
        shards: Vec<usize>,
        args: &Args,
        merge: fn(Vec<Source>) -> Pending,
    ) -> Pending {
        let requests = shards
            .into_iter()
            .map(|shard| (Source::Shared(shard), args.clone()))
            .collect();
        match self.send_each(requests).await {
            Some(sources) => merge(sources),
            None => local_error(errors::SHARD_UNAVAILABLE),
        }
    }

    /// SCAN over several shards: the client's cursor encodes the shard and that shard's own
    /// cursor (`routing::ScanCursor`); the reply's cursor is encoded back in `reply`.
    pub(super) async fn scan(&mut self, mut args: Args) -> Pending {
        let shards = self.router().fan_out_shards();
        let shard_count = shards.len() as u64;
        let Some(cursor) = args
            .get(1)
            .and_then(|cursor| std::str::from_utf8(cursor).ok()?.parse::<u64>().ok())
            .and_then(|cursor| ScanCursor::decode(cursor, shard_count))
        else {
            return local_error(errors::INVALID_CURSOR);
        };
        args[1] = cursor.shard_cursor.to_string().into_bytes();
        let source = Source::Shared(shards[cursor.position as usize]);
        match self.forward(source, &args).await {
            Pending::Relay(source) => Pending::Scan {
                source,
                position: cursor.position,
                shard_count,
            },
            unavailable => unavailable,
        }
    }

    /// The one shard all keys of `args` live on (keyless: the default shard).
    pub(super) fn keyed_shard(&self, args: &Args) -> Result<usize, String> {
        let keys = self.backend.commands.key_positions(args);
        self.router().shard_for_keys(args, &keys)
    }

    pub(super) async fn keyed(&mut self, name: &str, args: Args) -> Pending {
        let keys = self.backend.commands.key_positions(&args);
        let router = self.router();
        let shard = match routing::single_slot(&args, &keys, None, false) {
            Ok(Some(slot)) => match router.shard_for_slot(slot) {
                Ok(shard) => shard,
                Err(moved) => return local_error(&moved),
            },
            Ok(None) => router.default_shard(),
            Err(crossslot) if !self.oss() => {
                return match routing::splittable(name) {
                    Some((arguments_per_key, merge)) => {
                        self.split(name, &args, &keys, arguments_per_key, merge)
                            .await
                    }
                    None => local_error(&crossslot),
                };
            }
            Err(crossslot) => return local_error(&crossslot),
        };
        // A blocking command must not hold up the connection other clients share.
        let source = if self.backend.commands.is_blocking(&args) {
            Source::Dedicated(shard)
        } else {
            Source::Shared(shard)
        };
        self.forward(source, &args).await
    }

    /// With the OSS Cluster API off, RS splits DEL, UNLINK, EXISTS, TOUCH, MGET and MSET over
    /// shards and merges the replies.
    async fn split(
        &mut self,
        name: &str,
        args: &Args,
        keys: &[usize],
        arguments_per_key: usize,
        merge: SplitMerge,
    ) -> Pending {
        let Some(parts) = self.router().split(args, keys, arguments_per_key) else {
            return local_error(&errors::wrong_arity(&name.to_ascii_lowercase()));
        };
        let positions: Vec<(Source, Vec<usize>)> = parts
            .iter()
            .map(|part| (Source::Shared(part.shard), part.positions.clone()))
            .collect();
        let requests = parts
            .into_iter()
            .map(|part| (Source::Shared(part.shard), part.request))
            .collect();
        let Some(sources) = self.send_each(requests).await else {
            return local_error(errors::SHARD_UNAVAILABLE);
        };
        match merge {
            SplitMerge::Gather => Pending::Gather {
                parts: positions,
                total: keys.len(),
            },
            SplitMerge::AllOk => Pending::AllOk(sources),
            SplitMerge::Sum => Pending::SumIntegers(sources),
        }
    }
}
