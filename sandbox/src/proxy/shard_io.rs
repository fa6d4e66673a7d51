//! The shard side of one client session. Stateless requests go over the proxy's shared
//! connections (batched with other clients' requests); requests that tie state to a connection
//! (blocking commands, WATCH, SUBSCRIBE, CLIENT ...) over this client's own, opened on first use.
//! Replies are taken back per source in the order the requests were queued.

use std::sync::Arc;

use tokio::io::AsyncRead;
use tokio::sync::OwnedRwLockReadGuard;

use super::DatabaseProxy;
use super::errors;
use super::request::RequestReader;
use super::resp::{self, Protocol};
use super::shard_link::{ShardLink, WaitError};
use super::shared_link::{BatchReplies, SharedLink};
use super::topology::DbTopology;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Shared(usize),
    Dedicated(usize),
}

/// Replies of this batch on a shared connection.
enum SharedReplies {
    Idle,
    Waiting(BatchReplies),
    Ready { frames: Vec<u8>, position: usize },
    Failed,
}

pub struct ClientGone;

pub struct ShardIo {
    proxy: Arc<DatabaseProxy>,
    topology: Arc<DbTopology>,
    /// The proxy's topology `topology` was derived from (to notice a newer one).
    latest: Arc<DbTopology>,
    /// Held from the first request of a batch to its last reply: a shard switch waits for it.
    batch_permit: Option<OwnedRwLockReadGuard<()>>,
    protocol: Protocol,
    dedicated: Vec<Option<ShardLink>>,
    shared: Vec<Arc<SharedLink>>,
    /// Requests for each shared connection in this batch, and how many.
    outgoing: Vec<(Vec<u8>, usize)>,
    incoming: Vec<SharedReplies>,
}

impl ShardIo {
    pub fn new(proxy: Arc<DatabaseProxy>, topology: Arc<DbTopology>) -> ShardIo {
        let shard_count = topology.shards.len();
        let mut io = ShardIo {
            proxy,
            latest: topology.clone(),
            batch_permit: None,
            topology,
            protocol: Protocol::Resp2,
            dedicated: (0..shard_count).map(|_| None).collect(),
            shared: Vec::new(),
            outgoing: (0..shard_count).map(|_| (Vec::new(), 0)).collect(),
            incoming: (0..shard_count).map(|_| SharedReplies::Idle).collect(),
        };
        io.shared = io.shared_links();
        io
    }

    fn shared_links(&self) -> Vec<Arc<SharedLink>> {
        self.topology
            .shards
            .iter()
            .map(|shard| self.proxy.shared_link(&shard.backend, self.protocol))
            .collect()
    }

    /// Waits out a shard switch and holds the next one off until `end_batch`. Returns the
    /// connection's new topology when shards moved since its last batch: the proxy's shard map
    /// under the settings the connection was accepted with.
    pub async fn begin_batch(&mut self) -> Option<Arc<DbTopology>> {
        self.batch_permit = Some(self.proxy.batch_permit().await);
        let latest = self.proxy.snapshot();
        if Arc::ptr_eq(&latest, &self.latest) {
            return None;
        }
        let moved = Arc::new(latest.with_settings(self.topology.settings.clone()));
        self.latest = latest;
        let before = std::mem::replace(&mut self.topology, moved.clone());
        let shard_count = moved.shards.len();
        // Keep this client's own connections to shards still served by the same server.
        let mut dedicated: Vec<Option<ShardLink>> = (0..shard_count).map(|_| None).collect();
        for (index, link) in std::mem::take(&mut self.dedicated).into_iter().enumerate() {
            let same_server = moved.shards.get(index).map(|shard| &shard.backend)
                == before.shards.get(index).map(|shard| &shard.backend);
            if same_server && index < shard_count {
                dedicated[index] = link;
            }
        }
        self.dedicated = dedicated;
        self.outgoing = (0..shard_count).map(|_| (Vec::new(), 0)).collect();
        self.incoming = (0..shard_count).map(|_| SharedReplies::Idle).collect();
        self.shared = self.shared_links();
        Some(moved)
    }

    /// Switches to `protocol`; open dedicated connections are sent a HELLO whose replies the
    /// caller must read and drop (the returned sources, in order).
    pub fn switch_protocol(&mut self, protocol: Protocol, version: &[u8]) -> Vec<Source> {
        if protocol == self.protocol {
            return Vec::new();
        }
        self.protocol = protocol;
        self.shared = self.shared_links();
        let mut switched = Vec::new();
        for (shard, link) in self.dedicated.iter_mut().enumerate() {
            if let Some(link) = link {
                link.queue(&[b"HELLO".as_slice(), version]);
                switched.push(Source::Dedicated(shard));
            }
        }
        switched
    }

    async fn dedicated_link(&mut self, shard: usize) -> Option<&mut ShardLink> {
        if self.dedicated[shard].is_none() {
            let backend = &self.topology.shards[shard].backend;
            self.dedicated[shard] = ShardLink::connect(backend, self.protocol).await.ok();
        }
        self.dedicated[shard].as_mut()
    }

    /// Queues a request; false if the shard cannot be reached.
    pub async fn queue(&mut self, source: Source, args: &[impl AsRef<[u8]>]) -> bool {
        match source {
            Source::Shared(shard) => {
                let (request, count) = &mut self.outgoing[shard];
                resp::write_command(request, args);
                *count += 1;
                true
            }
            Source::Dedicated(shard) => match self.dedicated_link(shard).await {
                Some(link) => {
                    link.queue(args);
                    true
                }
                None => false,
            },
        }
    }

    /// Sends everything queued in this batch.
    pub async fn flush(&mut self) {
        for link_slot in &mut self.dedicated {
            if let Some(link) = link_slot
                && link.flush().await.is_err()
            {
                *link_slot = None;
            }
        }
        for (shard, (request, count)) in self.outgoing.iter_mut().enumerate() {
            if *count > 0 {
                let replies = self.shared[shard].submit(std::mem::take(request), *count);
                self.incoming[shard] = SharedReplies::Waiting(replies);
                *count = 0;
            }
        }
    }

    /// Appends the next reply from `source` to `out` (an error reply if the shard went away).
    /// While a dedicated connection waits (a blocking command can wait forever) the client is
    /// read into `client_inbound`, so a client that hangs up is noticed.
    pub async fn read_reply<R>(
        &mut self,
        source: Source,
        out: &mut Vec<u8>,
        client: &mut R,
        client_inbound: &mut RequestReader,
    ) -> Result<(), ClientGone>
    where
        R: AsyncRead + Unpin,
    {
        match source {
            Source::Dedicated(shard) => {
                let Some(link) = self.dedicated[shard].as_mut() else {
                    resp::write_error(out, errors::SHARD_UNAVAILABLE);
                    return Ok(());
                };
                match link.relay_frame(out, client, client_inbound).await {
                    Ok(()) => {}
                    Err(WaitError::ClientGone) => return Err(ClientGone),
                    Err(WaitError::ShardGone) => {
                        self.dedicated[shard] = None;
                        resp::write_error(out, errors::SHARD_UNAVAILABLE);
                    }
                }
            }
            Source::Shared(shard) => {
                let incoming = &mut self.incoming[shard];
                if let SharedReplies::Waiting(replies) = incoming {
                    *incoming = match replies.await {
                        Ok(frames) => SharedReplies::Ready {
                            frames,
                            position: 0,
                        },
                        Err(_) => SharedReplies::Failed,
                    };
                }
                match incoming {
                    SharedReplies::Ready { frames, position } => {
                        match resp::frame_len(&frames[*position..]) {
                            Ok(Some(len)) => {
                                out.extend_from_slice(&frames[*position..*position + len]);
                                *position += len;
                            }
                            _ => resp::write_error(out, errors::SHARD_UNAVAILABLE),
                        }
                    }
                    _ => resp::write_error(out, errors::SHARD_UNAVAILABLE),
                }
            }
        }
        Ok(())
    }

    /// Forgets this batch's shared replies (all have been read).
    pub fn end_batch(&mut self) {
        for incoming in &mut self.incoming {
            *incoming = SharedReplies::Idle;
        }
        self.batch_permit = None;
    }

    /// Lends out the dedicated connection to `shard` (pub/sub mode); give it back with `restore`.
    pub fn take_dedicated(&mut self, shard: usize) -> Option<ShardLink> {
        self.dedicated[shard].take()
    }

    pub fn restore_dedicated(&mut self, shard: usize, link: ShardLink) {
        self.dedicated[shard] = Some(link);
    }
}
