//! One client connection: parse a batch of pipelined requests, route each (answer locally, forward
//! to one shard, split over shards, or fan out), flush the shard connections once, then collect
//! the replies in request order. The database's OSS Cluster API mode and addressing are the
//! snapshot taken at accept time.

use std::io;
use std::sync::Arc;

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedReadHalf;

use super::auth;
use super::errors::{self, CrossSlot};
use super::request::{ProtocolError, RequestReader};
use super::resp::{self, Args, Protocol, Reply};
use super::shard_io::{ClientGone, ShardIo, Source};
use super::shard_link::ShardLink;
use super::slot::key_slot;
use super::topology::{DbTopology, HELLO_MODE};
use super::{BackendInfo, DatabaseProxy};

/// Requests parsed before their replies are collected; bounds memory for huge pipelines.
const MAX_BATCH: usize = 1024;
/// Longer names are no command the proxy handles itself; they are routed by the command table.
const MAX_COMMAND_NAME: usize = 32;

/// How the reply to one request is produced, in request order.
enum Pending {
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
    /// SCAN on the shard at `position` of `shard_count` scanned shards; see `Session::scan`.
    Scan {
        source: Source,
        position: u64,
        shard_count: u64,
    },
}

struct Transaction {
    queued: Vec<Args>,
    /// Slot and first key of the first keyed command: every later key must hash there.
    anchor: Option<(u16, Vec<u8>)>,
    failed: bool,
}

struct Session {
    topology: Arc<DbTopology>,
    backend: Arc<BackendInfo>,
    node_uid: u64,
    client_id: u64,
    protocol: Protocol,
    io: ShardIo,
    transaction: Option<Transaction>,
    /// WATCH went to this client's own shard connection, so EXEC must follow it there.
    watching: bool,
    client_name: Option<Vec<u8>>,
    /// Set by SUBSCRIBE and friends: the shard whose pub/sub stream this client now follows.
    pubsub_shard: Option<usize>,
    closing: bool,
    /// False until AUTH succeeds on a database with a password.
    authenticated: bool,
}

pub async fn serve(stream: TcpStream, node_uid: u64, proxy: Arc<DatabaseProxy>) {
    let topology = proxy.snapshot();
    let _ = stream.set_nodelay(true);
    let (mut reader, mut writer) = stream.into_split();
    let backend = match proxy.backend_info(&topology).await {
        Ok(backend) => backend,
        Err(_) => {
            let mut out = Vec::new();
            resp::write_error(&mut out, errors::SHARD_UNAVAILABLE);
            let _ = writer.write_all(&out).await;
            return;
        }
    };
    let mut session = Session {
        io: ShardIo::new(proxy.clone(), topology.clone()),
        watching: false,
        authenticated: topology.settings.password.is_none(),
        topology,
        backend,
        node_uid,
        client_id: proxy.next_client_id(),
        protocol: Protocol::Resp2,
        transaction: None,
        client_name: None,
        pubsub_shard: None,
        closing: false,
    };
    // Errors here are the client or a shard going away; dropping the session releases everything.
    let _ = session.run(&mut reader, &mut writer).await;
}

fn local_error(text: &str) -> Pending {
    let mut out = Vec::new();
    resp::write_error(&mut out, text);
    Pending::Local(out)
}

fn local_status(text: &str) -> Pending {
    let mut out = Vec::new();
    resp::write_status(&mut out, text);
    Pending::Local(out)
}

fn is_error_reply(reply: &Reply) -> bool {
    matches!(reply, Reply::Error(_))
}

/// The last reply of a pub/sub stream: an unsubscribe confirmation with zero subscriptions left.
fn ends_subscription(frame: &[u8]) -> bool {
    let Ok(Reply::Array(Some(items))) = Reply::parse(frame) else {
        return false;
    };
    let kind = items
        .first()
        .and_then(Reply::as_bytes)
        .map(<[u8]>::to_ascii_lowercase);
    matches!(
        kind.as_deref(),
        Some(b"unsubscribe" | b"punsubscribe" | b"sunsubscribe")
    ) && items.get(2).and_then(Reply::as_int) == Some(0)
}

impl Session {
    async fn run(
        &mut self,
        reader: &mut OwnedReadHalf,
        writer: &mut (impl AsyncWriteExt + Unpin),
    ) -> io::Result<()> {
        let mut input = RequestReader::new();
        let mut out = Vec::with_capacity(16 * 1024);
        loop {
            let mut batch = Vec::new();
            while !self.closing && self.pubsub_shard.is_none() && batch.len() < MAX_BATCH {
                match input.next_request(self.authenticated) {
                    Ok(Some(args)) => {
                        if !args.is_empty() {
                            if batch.is_empty() {
                                self.begin_batch().await;
                            }
                            batch.push(self.dispatch(args).await);
                        }
                        // All proxies share one thread: a client with a long pipeline yields
                        // to the others every so many requests.
                        tokio::task::consume_budget().await;
                    }
                    Ok(None) => break,
                    Err(ProtocolError(text)) => {
                        batch.push(local_error(&text));
                        self.closing = true;
                    }
                }
            }
            if batch.is_empty() && self.pubsub_shard.is_none() {
                if self.closing || input.read_from(reader).await? == 0 {
                    return Ok(());
                }
                continue;
            }
            self.io.flush().await;
            for pending in batch {
                self.resolve(pending, &mut out, reader, &mut input).await?;
            }
            self.io.end_batch();
            writer.write_all(&out).await?;
            out.clear();
            if self.closing {
                return Ok(());
            }
            if let Some(shard) = self.pubsub_shard {
                self.follow_pubsub(shard, reader, writer, &mut input)
                    .await?;
            }
        }
    }

    /// Follows shard moves (see `ShardIo::begin_batch`).
    async fn begin_batch(&mut self) {
        if let Some(moved) = self.io.begin_batch().await {
            self.topology = moved;
        }
    }

    async fn forward(&mut self, source: Source, args: &Args) -> Pending {
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

    async fn fan_out(
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

    fn oss(&self) -> bool {
        self.topology.settings.oss_cluster
    }

    /// Keyless commands go to a shard on this node when the OSS Cluster API is on (the client
    /// addressed this node), else to shard 0.
    fn default_shard(&self) -> usize {
        if self.oss() {
            self.topology
                .shards_on_node(self.node_uid)
                .first()
                .copied()
                .unwrap_or(0)
        } else {
            0
        }
    }

    /// Shards a DBSIZE/KEYS/FLUSHDB covers: this node's with the OSS Cluster API on (cluster
    /// clients ask every node), all of them otherwise.
    fn fan_out_shards(&self) -> Vec<usize> {
        let local = self.topology.shards_on_node(self.node_uid);
        if self.oss() && !local.is_empty() {
            local
        } else {
            (0..self.topology.shards.len()).collect()
        }
    }

    fn all_shards(&self) -> Vec<usize> {
        (0..self.topology.shards.len()).collect()
    }

    /// All keys must hash to one slot; `anchor` is the slot and first key a transaction is bound to.
    fn single_slot(
        &self,
        args: &Args,
        keys: &[usize],
        anchor: Option<(u16, &[u8])>,
    ) -> Result<Option<u16>, String> {
        let mut anchor = anchor;
        for &position in keys {
            let key = &args[position];
            let slot = key_slot(key);
            match anchor {
                None => anchor = Some((slot, key)),
                Some((anchor_slot, first_key)) if anchor_slot != slot => {
                    return Err(errors::crossslot(&CrossSlot {
                        within_multi: self.transaction.is_some(),
                        command: &args[0],
                        original_slot: anchor_slot,
                        wrong_slot: slot,
                        first_key,
                        violating_key: key,
                    }));
                }
                Some(_) => {}
            }
        }
        Ok(anchor.map(|(slot, _)| slot))
    }

    /// The shard serving `slot`, or MOVED when the OSS Cluster API is on and another node serves it.
    fn shard_for_slot(&self, slot: u16) -> Result<usize, String> {
        let shard = self.topology.shard_of_slot(slot);
        let owner = self.topology.shards[shard].node_uid;
        if self.oss() && owner != self.node_uid {
            let node = self.topology.advertise(owner);
            return Err(errors::moved(slot, &node.endpoint, node.port));
        }
        Ok(shard)
    }

    async fn dispatch(&mut self, args: Args) -> Pending {
        // Upper-cased on the stack: this runs for every request.
        let mut name_buffer = [0u8; MAX_COMMAND_NAME];
        let name = match args[0].len() {
            len @ 1..=MAX_COMMAND_NAME => {
                name_buffer[..len].copy_from_slice(&args[0]);
                name_buffer[..len].make_ascii_uppercase();
                std::str::from_utf8(&name_buffer[..len]).unwrap_or("")
            }
            _ => "",
        };
        // Redis checks the arity before authentication and before queueing in a transaction.
        if let Some(arity_error) = self.backend.commands.arity_error(&args) {
            if let Some(transaction) = self.transaction.as_mut() {
                transaction.failed = true;
            }
            return local_error(&arity_error);
        }
        // Redis lets only these commands run before authentication.
        if !self.authenticated && !matches!(name, "AUTH" | "HELLO" | "QUIT") {
            return local_error(errors::NOAUTH);
        }
        if self.transaction.is_some() {
            return self.dispatch_in_transaction(name, args).await;
        }
        match name {
            "PING" if args.len() == 1 => local_status("PONG"),
            "DPING" => local_status("PONG"),
            "QUIT" => {
                self.closing = true;
                local_status("OK")
            }
            "HELLO" => self.hello(&args),
            "AUTH" => self.auth(&args),
            "SELECT" => match args.get(1).map(Vec::as_slice) {
                Some(b"0") if args.len() == 2 => local_status("OK"),
                Some(_) if args.len() == 2 => local_error(errors::SELECT_OUT_OF_RANGE),
                _ => local_error(&errors::wrong_arity("select")),
            },
            "READONLY" | "READWRITE" | "ASKING" => local_error(&errors::unknown_command(&args[0])),
            "CLUSTER" => self.cluster(&args),
            "CLIENT" => self.client(args).await,
            "INFO" => {
                let source = Source::Shared(self.default_shard());
                match self.forward(source, &args).await {
                    Pending::Relay(source) => Pending::Info(source),
                    unavailable => unavailable,
                }
            }
            "MULTI" => {
                self.transaction = Some(Transaction {
                    queued: Vec::new(),
                    anchor: None,
                    failed: false,
                });
                local_status("OK")
            }
            "EXEC" => local_error(errors::EXEC_WITHOUT_MULTI),
            "DISCARD" => local_error(errors::DISCARD_WITHOUT_MULTI),
            "SUBSCRIBE" | "PSUBSCRIBE" => self.subscribe(0, &args).await,
            "SSUBSCRIBE" => match self.keyed_shard(&args) {
                Ok(shard) => self.subscribe(shard, &args).await,
                Err(error) => local_error(&error),
            },
            // Pub/sub goes to shard 0 from every proxy, so a PUBLISH reaches subscribers
            // connected to any node (OSS Redis broadcasts instead; this is the proxy's choice).
            "PUBLISH" | "PUBSUB" | "UNSUBSCRIBE" | "PUNSUBSCRIBE" => {
                self.forward(Source::Shared(0), &args).await
            }
            // WATCH state lives on a connection: this client's own, where EXEC then goes too.
            "WATCH" | "UNWATCH" => match self.keyed_shard(&args) {
                Ok(shard) => {
                    self.watching = name == "WATCH";
                    self.forward(Source::Dedicated(shard), &args).await
                }
                Err(error) => local_error(&error),
            },
            "DBSIZE" => {
                self.fan_out(self.fan_out_shards(), &args, Pending::SumIntegers)
                    .await
            }
            "KEYS" => {
                self.fan_out(self.fan_out_shards(), &args, Pending::ConcatArrays)
                    .await
            }
            "FLUSHDB" | "FLUSHALL" => {
                self.fan_out(self.fan_out_shards(), &args, Pending::AllOk)
                    .await
            }
            "SCAN" => self.scan(args).await,
            // Scripts and functions must exist on every shard for EVALSHA/FCALL to work anywhere.
            "SCRIPT" | "FUNCTION" => {
                self.fan_out(self.all_shards(), &args, Pending::FirstReply)
                    .await
            }
            _ => self.keyed(name, args).await,
        }
    }

    /// SCAN over several shards: the client's cursor encodes the shard (cursor % shards) and that
    /// shard's own cursor (cursor / shards); when a shard's scan ends, the next shard starts at 0.
    async fn scan(&mut self, mut args: Args) -> Pending {
        let shards = self.fan_out_shards();
        let shard_count = shards.len() as u64;
        let Some(cursor) = args
            .get(1)
            .and_then(|cursor| std::str::from_utf8(cursor).ok()?.parse::<u64>().ok())
        else {
            return local_error(errors::INVALID_CURSOR);
        };
        let position = cursor % shard_count;
        args[1] = (cursor / shard_count).to_string().into_bytes();
        let source = Source::Shared(shards[position as usize]);
        match self.forward(source, &args).await {
            Pending::Relay(source) => Pending::Scan {
                source,
                position,
                shard_count,
            },
            unavailable => unavailable,
        }
    }

    /// The one shard all keys of `args` live on (keyless: the default shard).
    fn keyed_shard(&self, args: &Args) -> Result<usize, String> {
        let keys = self.backend.commands.key_positions(args);
        match self.single_slot(args, &keys, None)? {
            Some(slot) => self.shard_for_slot(slot),
            None => Ok(self.default_shard()),
        }
    }

    async fn keyed(&mut self, name: &str, args: Args) -> Pending {
        let keys = self.backend.commands.key_positions(&args);
        let shard = match self.single_slot(&args, &keys, None) {
            Ok(Some(slot)) => match self.shard_for_slot(slot) {
                Ok(shard) => shard,
                Err(moved) => return local_error(&moved),
            },
            Ok(None) => self.default_shard(),
            Err(crossslot) if !self.oss() => {
                return match self.split(name, &args, &keys).await {
                    Some(pending) => pending,
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
    /// shards and merges the replies. Other commands: None (CROSSSLOT).
    async fn split(&mut self, name: &str, args: &Args, keys: &[usize]) -> Option<Pending> {
        let arguments_per_key = match name {
            "DEL" | "UNLINK" | "EXISTS" | "TOUCH" | "MGET" => 1,
            "MSET" => 2,
            _ => return None,
        };
        // shard -> (request, result positions of its keys)
        let mut groups: Vec<(usize, Args, Vec<usize>)> = Vec::new();
        // The key specs find keys within the arguments; MSET's values must be there too.
        if keys
            .iter()
            .any(|&position| position + arguments_per_key > args.len())
        {
            return Some(local_error(&errors::wrong_arity(
                &name.to_ascii_lowercase(),
            )));
        }
        for (result_position, &key_position) in keys.iter().enumerate() {
            let shard = self.topology.shard_of_slot(key_slot(&args[key_position]));
            let group_index = match groups.iter().position(|group| group.0 == shard) {
                Some(index) => index,
                None => {
                    groups.push((shard, vec![args[0].clone()], Vec::new()));
                    groups.len() - 1
                }
            };
            let group = &mut groups[group_index];
            group.1.extend(
                args[key_position..key_position + arguments_per_key]
                    .iter()
                    .cloned(),
            );
            group.2.push(result_position);
        }
        let positions: Vec<(Source, Vec<usize>)> = groups
            .iter()
            .map(|group| (Source::Shared(group.0), group.2.clone()))
            .collect();
        let Some(shards) = self
            .send_each(
                groups
                    .into_iter()
                    .map(|group| (Source::Shared(group.0), group.1))
                    .collect(),
            )
            .await
        else {
            return Some(local_error(errors::SHARD_UNAVAILABLE));
        };
        Some(match name {
            "MGET" => Pending::Gather {
                parts: positions,
                total: keys.len(),
            },
            "MSET" => Pending::AllOk(shards),
            _ => Pending::SumIntegers(shards),
        })
    }

    async fn dispatch_in_transaction(&mut self, name: &str, args: Args) -> Pending {
        match name {
            "MULTI" => local_error(errors::MULTI_NESTED),
            "DISCARD" => {
                self.transaction = None;
                local_status("OK")
            }
            "EXEC" => self.exec().await,
            "WATCH" => local_error("ERR WATCH inside MULTI is not allowed"),
            "QUIT" => {
                self.closing = true;
                local_status("OK")
            }
            _ => {
                let keys = self.backend.commands.key_positions(&args);
                let anchor = self.transaction.as_ref().and_then(|tx| tx.anchor.clone());
                let checked = self
                    .single_slot(
                        &args,
                        &keys,
                        anchor.as_ref().map(|(slot, key)| (*slot, key.as_slice())),
                    )
                    .and_then(|slot| {
                        slot.map(|slot| self.shard_for_slot(slot).map(|_| slot))
                            .transpose()
                    });
                let Some(transaction) = self.transaction.as_mut() else {
                    return local_error(errors::EXEC_WITHOUT_MULTI);
                };
                match checked {
                    Ok(slot) => {
                        if transaction.anchor.is_none()
                            && let (Some(slot), Some(&first)) = (slot, keys.first())
                        {
                            transaction.anchor = Some((slot, args[first].clone()));
                        }
                        transaction.queued.push(args);
                        local_status("QUEUED")
                    }
                    Err(error) => {
                        transaction.failed = true;
                        local_error(&error)
                    }
                }
            }
        }
    }

    async fn exec(&mut self) -> Pending {
        let Some(transaction) = self.transaction.take() else {
            return local_error(errors::EXEC_WITHOUT_MULTI);
        };
        if transaction.failed {
            return local_error(errors::EXECABORT);
        }
        let shard = match &transaction.anchor {
            Some((slot, _)) => self.topology.shard_of_slot(*slot),
            None => self.default_shard(),
        };
        let source = if std::mem::take(&mut self.watching) {
            Source::Dedicated(shard)
        } else {
            Source::Shared(shard)
        };
        let mut sent = self.io.queue(source, &[b"MULTI"]).await;
        for queued in &transaction.queued {
            sent = sent && self.io.queue(source, queued).await;
        }
        if !(sent && self.io.queue(source, &[b"EXEC"]).await) {
            return local_error(errors::SHARD_UNAVAILABLE);
        }
        Pending::Exec {
            source,
            queued: transaction.queued.len(),
        }
    }

    async fn subscribe(&mut self, shard: usize, args: &Args) -> Pending {
        match self.forward(Source::Dedicated(shard), args).await {
            Pending::Relay(_) => {
                // Its confirmations (one per channel) are relayed by the pub/sub loop.
                self.pubsub_shard = Some(shard);
                Pending::Local(Vec::new())
            }
            unavailable => unavailable,
        }
    }

    /// `AUTH [username] password`: only a failed check leaves the connection as it was.
    fn auth(&mut self, args: &Args) -> Pending {
        let (username, password) = match args.as_slice() {
            [_, password] => (None, password),
            [_, username, password] => (Some(username.as_slice()), password),
            [_] => return local_error(&errors::wrong_arity("auth")),
            _ => return local_error(errors::SYNTAX_ERROR),
        };
        if self.log_in(username, password) {
            local_status("OK")
        } else {
            local_error(errors::WRONGPASS)
        }
    }

    fn log_in(&mut self, username: Option<&[u8]>, password: &[u8]) -> bool {
        let accepted = auth::accepts(self.topology.settings.password.as_ref(), username, password);
        self.authenticated |= accepted;
        accepted
    }

    /// Checks in Redis's order: protocol version, options, credentials, authentication; only then
    /// does anything change.
    fn hello(&mut self, args: &Args) -> Pending {
        let protocol = match args.get(1).map(Vec::as_slice) {
            None => None,
            Some(b"2") => Some(Protocol::Resp2),
            Some(b"3") => Some(Protocol::Resp3),
            Some(_) => return local_error(errors::NOPROTO),
        };
        let mut client_name = None;
        let mut credentials = None;
        let mut options = args.iter().skip(2);
        while let Some(option) = options.next() {
            if option.eq_ignore_ascii_case(b"SETNAME") {
                client_name = options.next().cloned();
            } else if option.eq_ignore_ascii_case(b"AUTH") {
                match (options.next(), options.next()) {
                    (Some(username), Some(password)) => credentials = Some((username, password)),
                    _ => return local_error(errors::HELLO_AUTH_SYNTAX),
                }
            }
        }
        if let Some((username, password)) = credentials
            && !self.log_in(Some(username), password)
        {
            return local_error(errors::WRONGPASS);
        }
        if !self.authenticated {
            return local_error(errors::HELLO_NOAUTH);
        }
        if client_name.is_some() {
            self.client_name = client_name;
        }
        let mut switched = Vec::new();
        if let (Some(protocol), Some(version)) = (protocol, args.get(1)) {
            // Open shard connections switch too; their HELLO replies are dropped in order.
            switched = self.io.switch_protocol(protocol, version);
            self.protocol = protocol;
        }
        let mut out = Vec::new();
        resp::write_map_len(&mut out, self.protocol, 7);
        for (key, value) in [
            ("server", "redis"),
            ("version", self.backend.redis_version.as_str()),
        ] {
            resp::write_bulk(&mut out, key.as_bytes());
            resp::write_bulk(&mut out, value.as_bytes());
        }
        resp::write_bulk(&mut out, b"proto");
        resp::write_int(
            &mut out,
            if self.protocol == Protocol::Resp3 {
                3
            } else {
                2
            },
        );
        resp::write_bulk(&mut out, b"id");
        resp::write_int(&mut out, self.client_id as i64);
        for (key, value) in [("mode", HELLO_MODE), ("role", "master")] {
            resp::write_bulk(&mut out, key.as_bytes());
            resp::write_bulk(&mut out, value.as_bytes());
        }
        resp::write_bulk(&mut out, b"modules");
        resp::write_array_len(&mut out, 0);
        Pending::Hello {
            discard: switched,
            reply: out,
        }
    }

    fn cluster(&self, args: &Args) -> Pending {
        let Some(subcommand) = args.get(1) else {
            return local_error(&errors::wrong_arity("cluster"));
        };
        let subcommand = String::from_utf8_lossy(subcommand).to_ascii_uppercase();
        if !self.oss() {
            return local_error(if subcommand == "KEYSLOT" {
                errors::KEYSLOT_DISABLED
            } else {
                errors::CLUSTER_API_DISABLED
            });
        }
        let topology = &self.topology;
        let mut out = Vec::new();
        match subcommand.as_str() {
            "SLOTS" => topology.write_cluster_slots(&mut out, self.protocol),
            "SHARDS" => topology.write_cluster_shards(&mut out, self.protocol),
            "NODES" => resp::write_verbatim(
                &mut out,
                self.protocol,
                &topology.cluster_nodes_text(self.node_uid),
            ),
            "INFO" => resp::write_verbatim(&mut out, self.protocol, &topology.cluster_info_text()),
            "KEYSLOT" => match args.get(2) {
                Some(key) if args.len() == 3 => resp::write_int(&mut out, i64::from(key_slot(key))),
                _ => return local_error(&errors::wrong_arity("cluster|keyslot")),
            },
            "HELP" => {
                let lines = [
                    "CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                    "INFO",
                    "    Return information about the cluster.",
                    "KEYSLOT <key>",
                    "    Return the hash slot for <key>.",
                    "NODES",
                    "    Return cluster configuration seen by node.",
                    "SHARDS",
                    "    Return information about slot range mappings and the nodes associated with them.",
                    "SLOTS",
                    "    Return information about slots range mappings.",
                    "HELP",
                    "    Print this help.",
                ];
                resp::write_array_len(&mut out, lines.len());
                for line in lines {
                    resp::write_status(&mut out, line);
                }
            }
            _ => return local_error(errors::CLUSTER_SUBCOMMAND_BLOCKED),
        }
        Pending::Local(out)
    }

    async fn client(&mut self, args: Args) -> Pending {
        let subcommand = args
            .get(1)
            .map(|sub| String::from_utf8_lossy(sub).to_ascii_uppercase())
            .unwrap_or_default();
        match subcommand.as_str() {
            "SETNAME" if args.len() == 3 => {
                self.client_name = Some(args[2].clone());
                local_status("OK")
            }
            "GETNAME" => {
                let mut out = Vec::new();
                match &self.client_name {
                    Some(name) => resp::write_bulk(&mut out, name),
                    None => resp::write_null(&mut out, self.protocol),
                }
                Pending::Local(out)
            }
            "ID" => {
                let mut out = Vec::new();
                resp::write_int(&mut out, self.client_id as i64);
                Pending::Local(out)
            }
            // Accepted like RS >= 8.0.16 does; the sandbox never sends maintenance pushes.
            "SETINFO" | "MAINT_NOTIFICATIONS" => local_status("OK"),
            // CLIENT TRACKING, CLIENT REPLY and the like change the connection they run on.
            _ => {
                let source = Source::Dedicated(self.default_shard());
                self.forward(source, &args).await
            }
        }
    }

    /// Appends the next reply from `source` to `out`; an unavailable shard yields an error reply.
    async fn read_reply(
        &mut self,
        source: Source,
        out: &mut Vec<u8>,
        reader: &mut OwnedReadHalf,
        inbound: &mut RequestReader,
    ) -> io::Result<()> {
        self.io
            .read_reply(source, out, reader, inbound)
            .await
            .map_err(|ClientGone| io::Error::new(io::ErrorKind::ConnectionAborted, "client gone"))
    }

    async fn shard_reply(
        &mut self,
        source: Source,
        reader: &mut OwnedReadHalf,
        inbound: &mut RequestReader,
    ) -> io::Result<Vec<u8>> {
        let mut frame = Vec::new();
        self.read_reply(source, &mut frame, reader, inbound).await?;
        Ok(frame)
    }

    async fn shard_replies(
        &mut self,
        sources: &[Source],
        reader: &mut OwnedReadHalf,
        inbound: &mut RequestReader,
    ) -> io::Result<Vec<Reply>> {
        let mut replies = Vec::with_capacity(sources.len());
        for &source in sources {
            let frame = self.shard_reply(source, reader, inbound).await?;
            replies.push(
                Reply::parse(&frame).map_err(|_| io::Error::other("invalid RESP from shard"))?,
            );
        }
        Ok(replies)
    }

    async fn resolve(
        &mut self,
        pending: Pending,
        out: &mut Vec<u8>,
        reader: &mut OwnedReadHalf,
        inbound: &mut RequestReader,
    ) -> io::Result<()> {
        let protocol = self.protocol;
        match pending {
            Pending::Local(reply) => out.extend_from_slice(&reply),
            Pending::Relay(source) => self.read_reply(source, out, reader, inbound).await?,
            Pending::Hello { discard, reply } => {
                self.shard_replies(&discard, reader, inbound).await?;
                out.extend_from_slice(&reply);
            }
            Pending::SumIntegers(shards) => {
                let replies = self.shard_replies(&shards, reader, inbound).await?;
                match replies.iter().find(|reply| reply.as_int().is_none()) {
                    Some(unexpected) => resp::write_reply(out, protocol, unexpected),
                    None => resp::write_int(out, replies.iter().filter_map(Reply::as_int).sum()),
                }
            }
            Pending::AllOk(shards) => {
                let replies = self.shard_replies(&shards, reader, inbound).await?;
                match replies.iter().find(|reply| is_error_reply(reply)) {
                    Some(error) => resp::write_reply(out, protocol, error),
                    None => resp::write_status(out, "OK"),
                }
            }
            Pending::FirstReply(shards) => {
                let mut frames = Vec::with_capacity(shards.len());
                for shard in shards {
                    frames.push(self.shard_reply(shard, reader, inbound).await?);
                }
                let chosen = frames
                    .iter()
                    .find(|frame| frame.first() == Some(&b'-'))
                    .or(frames.first());
                out.extend_from_slice(chosen.map_or(&[][..], Vec::as_slice));
            }
            Pending::ConcatArrays(shards) => {
                let replies = self.shard_replies(&shards, reader, inbound).await?;
                match replies.iter().find(|reply| reply.as_array().is_none()) {
                    Some(unexpected) => resp::write_reply(out, protocol, unexpected),
                    None => {
                        let items: Vec<Reply> = replies
                            .into_iter()
                            .flat_map(|reply| match reply {
                                Reply::Array(Some(items)) => items,
                                _ => Vec::new(),
                            })
                            .collect();
                        resp::write_reply(out, protocol, &Reply::Array(Some(items)));
                    }
                }
            }
            Pending::Gather { parts, total } => {
                let sources: Vec<Source> = parts.iter().map(|part| part.0).collect();
                let replies = self.shard_replies(&sources, reader, inbound).await?;
                if let Some(unexpected) = replies.iter().find(|reply| reply.as_array().is_none()) {
                    resp::write_reply(out, protocol, unexpected);
                    return Ok(());
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
            Pending::Exec { source, queued } => {
                // MULTI's +OK and one +QUEUED (or queue-time error) per command, then EXEC's reply.
                for _ in 0..=queued {
                    self.shard_reply(source, reader, inbound).await?;
                }
                self.read_reply(source, out, reader, inbound).await?;
            }
            Pending::Scan {
                source,
                position,
                shard_count,
            } => {
                let frame = self.shard_reply(source, reader, inbound).await?;
                let reply = Reply::parse(&frame).unwrap_or(Reply::Other);
                let shard_cursor = reply
                    .as_array()
                    .and_then(|items| items.first())
                    .and_then(Reply::as_bytes)
                    .and_then(|cursor| std::str::from_utf8(cursor).ok()?.parse::<u64>().ok());
                let (Some(shard_cursor), Reply::Array(Some(mut items))) = (shard_cursor, reply)
                else {
                    out.extend_from_slice(&frame);
                    return Ok(());
                };
                let next = match shard_cursor {
                    0 if position + 1 < shard_count => Some(position + 1),
                    0 => Some(0),
                    cursor => cursor
                        .checked_mul(shard_count)
                        .and_then(|cursor| cursor.checked_add(position)),
                };
                match next {
                    Some(next) => {
                        items[0] = Reply::Bulk(Some(next.to_string().into_bytes()));
                        resp::write_reply(out, protocol, &Reply::Array(Some(items)));
                    }
                    None => resp::write_error(out, errors::INVALID_CURSOR),
                }
            }
            Pending::Info(source) => {
                let frame = self.shard_reply(source, reader, inbound).await?;
                match Reply::parse(&frame) {
                    Ok(Reply::Bulk(Some(text))) => {
                        let text = self.rewrite_info(&String::from_utf8_lossy(&text));
                        resp::write_verbatim(out, protocol, &text);
                    }
                    _ => out.extend_from_slice(&frame),
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

    /// Subscribed mode: requests go to the pub/sub shard as they come, and everything that shard
    /// sends (confirmations, messages) is relayed until the last subscription ends.
    async fn follow_pubsub(
        &mut self,
        shard: usize,
        reader: &mut OwnedReadHalf,
        writer: &mut (impl AsyncWriteExt + Unpin),
        inbound: &mut RequestReader,
    ) -> io::Result<()> {
        let Some(mut link) = self.io.take_dedicated(shard) else {
            self.pubsub_shard = None;
            return Ok(());
        };
        let result = self.relay_pubsub(&mut link, reader, writer, inbound).await;
        self.io.restore_dedicated(shard, link);
        self.pubsub_shard = None;
        result
    }

    async fn relay_pubsub(
        &mut self,
        link: &mut ShardLink,
        reader: &mut OwnedReadHalf,
        writer: &mut (impl AsyncWriteExt + Unpin),
        inbound: &mut RequestReader,
    ) -> io::Result<()> {
        let mut out = Vec::new();
        loop {
            let mut subscription_ended = false;
            while let Some(frame) = link.next_buffered_frame()? {
                out.extend_from_slice(frame);
                if ends_subscription(frame) {
                    subscription_ended = true;
                    break;
                }
            }
            while let Some(args) = inbound
                .next_request(self.authenticated)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "invalid request"))?
            {
                if args
                    .first()
                    .is_some_and(|name| name.eq_ignore_ascii_case(b"QUIT"))
                {
                    resp::write_status(&mut out, "OK");
                    writer.write_all(&out).await?;
                    self.closing = true;
                    return Ok(());
                }
                if !args.is_empty() {
                    link.queue(&args);
                }
            }
            link.flush().await?;
            if !out.is_empty() {
                writer.write_all(&out).await?;
                out.clear();
            }
            if subscription_ended {
                return Ok(());
            }
            tokio::select! {
                ready = link.wait_readable() => ready?,
                read = inbound.read_from(reader) => if read? == 0 {
                    return Err(io::Error::new(io::ErrorKind::ConnectionAborted, "client gone"));
                },
            }
        }
    }
}
