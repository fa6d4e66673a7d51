//! Subscribed mode: after SUBSCRIBE and friends the client follows one shard's pub/sub stream on
//! its own shard connection until the last subscription ends.

use std::io;

use super::Session;
use super::reply::Pending;
use crate::proxy::resp::{self, Args, Reply};
use crate::proxy::shard_io::Source;
use crate::proxy::shard_link::ShardLink;

impl Session {
    pub(super) async fn subscribe(&mut self, shard: usize, args: &Args) -> Pending {
        match self.forward(Source::Dedicated(shard), args).await {
            Pending::Relay(_) => {
                // Its confirmations (one per channel) are relayed by the pub/sub loop.
                self.pubsub_shard = Some(shard);
                Pending::Local(Vec::new())
            }
            unavailable => unavailable,
        }
    }

    /// Requests go to the pub/sub shard as they come, and everything that shard sends
    /// (confirmations, messages) is relayed until the last subscription ends.
    pub(super) async fn follow_pubsub(&mut self, shard: usize) -> io::Result<()> {
        let Some(mut link) = self.io.take_dedicated(shard) else {
            self.pubsub_shard = None;
            return Ok(());
        };
        let result = self.relay_pubsub(&mut link).await;
        self.io.restore_dedicated(shard, link);
        self.pubsub_shard = None;
        result
    }

    async fn relay_pubsub(&mut self, link: &mut ShardLink) -> io::Result<()> {
        loop {
            let mut subscription_ended = false;
            while let Some(frame) = link.next_buffered_frame()? {
                self.client.outbound().extend_from_slice(frame);
                if ends_subscription(frame) {
                    subscription_ended = true;
                    break;
                }
            }
            while let Some(args) = self
                .client
                .next_request(self.authenticated)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "invalid request"))?
            {
                if args
                    .first()
                    .is_some_and(|name| name.eq_ignore_ascii_case(b"QUIT"))
                {
                    resp::write_status(self.client.outbound(), "OK");
                    self.client.write_out().await?;
                    self.closing = true;
                    return Ok(());
                }
                if !args.is_empty() {
                    link.queue(&args);
                }
            }
            link.flush().await?;
            if !self.client.outbound().is_empty() {
                self.client.write_out().await?;
            }
            if subscription_ended {
                return Ok(());
            }
            tokio::select! {
                ready = link.wait_readable() => ready?,
                read = self.client.read_more() => if read? == 0 {
                    return Err(io::Error::new(io::ErrorKind::ConnectionAborted, "client gone"));
                },
            }
        }
    }
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
