//! Active-Active coordinator: crdb objects and crdb tasks across sandbox clusters. Its HTTP
//! handlers are in `rest::crdbs`; starting several clusters as one peer group is `clusters`.
//!
//! `POST /v1/crdbs` on one cluster returns a crdb_task (`queued`) and creates the instance
//! database on every participating cluster through THAT cluster's REST API, with the credentials
//! given in the instance; `PATCH` applies `default_db_config` changes to every instance, `DELETE`
//! removes them. Instance bdbs are ordinary sandbox databases (`crdt: true`, `crdt_guid` set), so
//! they have real shards, proxies and the OSS Cluster API behaviour. Replicating data between
//! instances is out of scope: each instance is an independent database.

mod group;
mod health;
mod membership;
mod model;
mod peer;
mod store;
mod tasks;
mod worker;

pub use group::PeerGroup;
pub use model::{Crdb, CrdbTask, Credentials, Instance, TaskError, TaskStatus};
pub use tasks::CancelRefusal;
pub use worker::Operation;

use group::PeerMember;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use store::CrdbStore;
use tasks::TaskTable;

/// How long a new task stays `queued` before a worker picks it up (tests may change it), so
/// clients see every status of `queued -> started -> finished|failed`.
const DEFAULT_QUEUE_DELAY: Duration = Duration::from_millis(200);

/// What a cluster needs to coordinate crdbs: who it is, its peers, its crdbs and its tasks.
pub struct Coordinator {
    fqdn: String,
    group: PeerGroup,
    store: Arc<CrdbStore>,
    tasks: TaskTable,
    queue_delay_ms: AtomicU64,
}

pub struct CoordinatorParts<'a> {
    pub fqdn: String,
    pub url: String,
    pub ca_pem: String,
    pub group: PeerGroup,
    pub dir: &'a Path,
}

impl Coordinator {
    /// Opens the crdb store in `dir` and joins the peer group.
    pub fn start(parts: CoordinatorParts) -> anyhow::Result<Coordinator> {
        let store = Arc::new(CrdbStore::open(parts.dir)?);
        parts.group.join(PeerMember {
            fqdn: parts.fqdn.clone(),
            url: parts.url,
            ca_pem: parts.ca_pem,
            crdbs: Arc::clone(&store),
        });
        Ok(Coordinator {
            fqdn: parts.fqdn,
            group: parts.group,
            store,
            tasks: TaskTable::default(),
            queue_delay_ms: AtomicU64::new(
                u64::try_from(DEFAULT_QUEUE_DELAY.as_millis()).unwrap_or(0),
            ),
        })
    }

    /// How long new tasks stay `queued` (tests lengthen it to cancel a task, or set 0).
    pub fn set_queue_delay(&self, delay: Duration) {
        self.queue_delay_ms.store(
            u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
            Ordering::SeqCst,
        );
    }

    fn queue_delay(&self) -> Duration {
        Duration::from_millis(self.queue_delay_ms.load(Ordering::SeqCst))
    }

    /// This cluster's name, which its own instances carry as their cluster name.
    pub fn fqdn(&self) -> &str {
        &self.fqdn
    }

    pub fn crdbs(&self) -> Vec<Crdb> {
        self.store.list()
    }

    pub fn crdb(&self, guid: &str) -> Option<Crdb> {
        self.store.get(guid)
    }

    /// A task of this cluster is still changing crdb `guid`.
    pub fn is_busy(&self, guid: &str) -> bool {
        self.tasks.busy(guid)
    }

    pub fn tasks(&self) -> Vec<CrdbTask> {
        self.tasks.list()
    }

    pub fn task(&self, id: &str) -> Option<CrdbTask> {
        self.tasks.get(id)
    }

    /// Cancels a task still `queued`.
    pub fn cancel_task(&self, id: &str) -> Result<(), CancelRefusal> {
        self.tasks.cancel(id, &self.fqdn)
    }
}

impl Drop for Coordinator {
    fn drop(&mut self) {
        self.group.leave(&self.fqdn);
    }
}
