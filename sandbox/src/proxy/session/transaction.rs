//! MULTI ... EXEC: the proxy queues the commands itself, holding every key to the slot of the
//! first one, and sends the whole transaction to that slot's shard at EXEC.

use super::Session;
use super::reply::{Pending, local_error, local_status};
use crate::proxy::errors;
use crate::proxy::resp::Args;
use crate::proxy::routing::{self, Router};
use crate::proxy::shard_io::Source;

pub(super) struct Transaction {
    queued: Vec<Args>,
    /// Slot and first key of the first keyed command: every later key must hash there.
    anchor: Option<(u16, Vec<u8>)>,
    /// A command was refused while queueing: EXEC answers EXECABORT.
    pub(super) failed: bool,
}

impl Session {
    pub(super) fn multi(&mut self) -> Pending {
        self.transaction = Some(Transaction {
            queued: Vec::new(),
            anchor: None,
            failed: false,
        });
        local_status("OK")
    }

    pub(super) async fn dispatch_in_transaction(&mut self, name: &str, args: Args) -> Pending {
        match name {
            "MULTI" => local_error(errors::MULTI_NESTED),
            "DISCARD" => {
                self.transaction = None;
                local_status("OK")
            }
            "EXEC" => self.exec().await,
            "WATCH" => local_error(errors::WATCH_INSIDE_MULTI),
            "QUIT" => self.quit(),
            _ => self.queue_in_transaction(args),
        }
    }

    fn queue_in_transaction(&mut self, args: Args) -> Pending {
        let keys = self.backend.commands.key_positions(&args);
        // Field by field: the transaction is changed while the topology is read.
        let router = Router {
            topology: &self.topology,
            node_uid: self.node_uid,
        };
        let Some(transaction) = self.transaction.as_mut() else {
            return local_error(errors::EXEC_WITHOUT_MULTI);
        };
        let anchor = transaction
            .anchor
            .as_ref()
            .map(|(slot, key)| (*slot, key.as_slice()));
        let checked = routing::single_slot(&args, &keys, anchor, true).and_then(|slot| {
            slot.map(|slot| router.shard_for_slot(slot).map(|_| slot))
                .transpose()
        });
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

    async fn exec(&mut self) -> Pending {
        let Some(transaction) = self.transaction.take() else {
            return local_error(errors::EXEC_WITHOUT_MULTI);
        };
        if transaction.failed {
            return local_error(errors::EXECABORT);
        }
        let shard = match &transaction.anchor {
            Some((slot, _)) => self.topology.shard_of_slot(*slot),
            None => self.router().default_shard(),
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
}
