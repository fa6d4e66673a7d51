//! One client session: parse a batch of pipelined requests, route each (answer locally, forward to
//! one shard, split over shards, or fan out), flush the shard connections once, then collect the
//! replies in request order. The database's OSS Cluster API mode and addressing are the snapshot
//! taken at accept time.
//!
//! Laid out like mini-redis: `client` owns the client's socket and buffers, `crate::proxy::routing`
//! decides where a request goes (pure), `forward` queues it to the shard(s), `local` answers what
//! the proxy answers itself (HELLO, AUTH, SELECT, CLUSTER, CLIENT), `transaction` and `pubsub`
//! hold those modes, and `reply` collects and merges the replies a batch's routing decided on
//! (`Pending`).

mod client;
mod forward;
mod local;
mod pubsub;
mod reply;
mod transaction;

use std::io;
use std::sync::Arc;

use tokio::net::TcpStream;

use super::errors;
use super::request::ProtocolError;
use super::resp::{self, Args, Protocol};
use super::routing::Router;
use super::shard_io::{ShardIo, Source};
use super::topology::DbTopology;
use super::{BackendInfo, DatabaseProxy};
use client::ClientConnection;
use reply::{Pending, local_error, local_status};
use transaction::Transaction;

/// Requests parsed before their replies are collected; bounds memory for huge pipelines.
const MAX_BATCH: usize = 1024;
/// Longer names are no command the proxy handles itself; they are routed by the command table.
const MAX_COMMAND_NAME: usize = 32;

struct Session {
    client: ClientConnection,
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
    let mut client = ClientConnection::new(stream);
    let backend = match proxy.backend_info(&topology).await {
        Ok(backend) => backend,
        Err(_) => {
            resp::write_error(client.outbound(), errors::SHARD_UNAVAILABLE);
            let _ = client.write_out().await;
            return;
        }
    };
    let mut session = Session {
        client,
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
    let _ = session.run().await;
}

impl Session {
    async fn run(&mut self) -> io::Result<()> {
        loop {
            let mut batch = Vec::new();
            while !self.closing && self.pubsub_shard.is_none() && batch.len() < MAX_BATCH {
                match self.client.next_request(self.authenticated) {
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
                if self.closing || self.client.read_more().await? == 0 {
                    return Ok(());
                }
                continue;
            }
            self.io.flush().await;
            for pending in batch {
                self.resolve(pending).await?;
            }
            self.io.end_batch();
            self.client.write_out().await?;
            if self.closing {
                return Ok(());
            }
            if let Some(shard) = self.pubsub_shard {
                self.follow_pubsub(shard).await?;
            }
        }
    }

    /// Follows shard moves (see `ShardIo::begin_batch`).
    async fn begin_batch(&mut self) {
        if let Some(moved) = self.io.begin_batch().await {
            self.topology = moved;
        }
    }

    fn router(&self) -> Router<'_> {
        Router {
            topology: &self.topology,
            node_uid: self.node_uid,
        }
    }

    fn oss(&self) -> bool {
        self.topology.settings.oss_cluster
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
            "QUIT" => self.quit(),
            "HELLO" => self.hello(&args),
            "AUTH" => self.auth(&args),
            "SELECT" => local::select(&args),
            "READONLY" | "READWRITE" | "ASKING" => local_error(&errors::unknown_command(&args[0])),
            "CLUSTER" => self.cluster(&args),
            "CLIENT" => self.client_command(args).await,
            "INFO" => {
                let source = Source::Shared(self.router().default_shard());
                match self.forward(source, &args).await {
                    Pending::Relay(source) => Pending::Info(source),
                    unavailable => unavailable,
                }
            }
            "MULTI" => self.multi(),
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
                let shards = self.router().fan_out_shards();
                self.fan_out(shards, &args, Pending::SumIntegers).await
            }
            "KEYS" => {
                let shards = self.router().fan_out_shards();
                self.fan_out(shards, &args, Pending::ConcatArrays).await
            }
            "FLUSHDB" | "FLUSHALL" => {
                let shards = self.router().fan_out_shards();
                self.fan_out(shards, &args, Pending::AllOk).await
            }
            "SCAN" => self.scan(args).await,
            // Scripts and functions must exist on every shard for EVALSHA/FCALL to work anywhere.
            "SCRIPT" | "FUNCTION" => {
                let shards = self.router().all_shards();
                self.fan_out(shards, &args, Pending::FirstReply).await
            }
            _ => self.keyed(name, args).await,
        }
    }

    fn quit(&mut self) -> Pending {
        self.closing = true;
        local_status("OK")
    }
}
