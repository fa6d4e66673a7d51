//! The control plane: the shared state, its persistence, the change lifecycle
//! (`pending`/`active-change-pending`/`delete-pending` -> reconcile -> `active`), the request log
//! and the fault-injection switches tests use.

mod moves;

pub use moves::MoveKind;

use crate::actions::{ActionRegistry, bdb_object_name};
use crate::crdb::Coordinator;
use crate::envfile::Credentials;
use crate::reconcile::Reconciler;
use crate::state::change::{Rejection, RejectionKind};
use crate::state::{self, Bdb, BdbStatus, ClusterState, Shard};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// One REST request as the sandbox received it (for tests: what reached the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    pub method: String,
    /// Path with the query string, e.g. `/v1/bdbs/1?fields=uid,name`.
    pub path: String,
    pub body: String,
}

/// Oldest entries are dropped beyond this many, or beyond this many bytes of paths and bodies,
/// so a long-running `up` does not grow without bound.
const REQUEST_LOG_LIMIT: usize = 10_000;
const REQUEST_LOG_BYTES: usize = 16 * 1024 * 1024;

impl LoggedRequest {
    fn size(&self) -> usize {
        self.method.len() + self.path.len() + self.body.len()
    }
}

/// The newest requests, and the bytes they hold.
#[derive(Default)]
struct RequestLog {
    entries: VecDeque<LoggedRequest>,
    bytes: usize,
}

/// What an accepted change did, so a failed apply can be rolled back.
#[derive(Debug, Clone)]
pub enum PendingChange {
    Create { uid: u32 },
    Update { before: BdbSnapshot },
    Delete { before: BdbSnapshot },
}

impl PendingChange {
    fn bdb_uid(&self) -> u32 {
        match self {
            PendingChange::Create { uid } => *uid,
            PendingChange::Update { before } | PendingChange::Delete { before } => before.bdb.uid,
        }
    }

    /// The state machine a real cluster runs for it (`SMCreateBDB` as captured, `SMUpdateBDB`
    /// as in the reference's example; `SMDeleteBDB` by analogy, UNCONFIRMED).
    fn state_machine(&self) -> &'static str {
        match self {
            PendingChange::Create { .. } => "SMCreateBDB",
            PendingChange::Update { .. } => "SMUpdateBDB",
            PendingChange::Delete { .. } => "SMDeleteBDB",
        }
    }
}

/// A bdb with its shards, as it was before a change.
#[derive(Debug, Clone)]
pub struct BdbSnapshot {
    pub bdb: Bdb,
    pub shards: Vec<Shard>,
}

impl BdbSnapshot {
    pub fn of(state: &ClusterState, bdb: &Bdb) -> BdbSnapshot {
        BdbSnapshot {
            bdb: bdb.clone(),
            shards: state.shards_of(bdb.uid).cloned().collect(),
        }
    }
}

pub struct ControlPlane {
    state: Mutex<ClusterState>,
    state_path: PathBuf,
    reconciler: Reconciler,
    /// Serializes reconciler runs: each one applies a whole-cluster snapshot.
    apply_lock: tokio::sync::Mutex<()>,
    requests: Mutex<RequestLog>,
    change_delay_ms: AtomicU64,
    fail_next_change: AtomicBool,
    /// GET requests to answer 503 after the next PUT (fault injection: a cluster briefly
    /// unavailable while a change runs), and those still to answer so.
    unavailable_reads_armed: AtomicU64,
    unavailable_reads: AtomicU64,
    /// Set by `shutdown`: a change that wakes up afterwards must not start processes again.
    stopping: AtomicBool,
    pub credentials: Credentials,
    pub api_port: u16,
    /// Active-Active coordinator (crdbs and crdb tasks).
    pub crdb: Arc<Coordinator>,
    /// Long-running operations clients follow with `GET /v1/actions/{uid}`.
    pub actions: ActionRegistry,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; keep serving it.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub struct ControlPlaneParts {
    pub state: ClusterState,
    pub state_path: PathBuf,
    pub reconciler: Reconciler,
    pub credentials: Credentials,
    pub api_port: u16,
    pub change_delay: Duration,
    pub crdb: Arc<Coordinator>,
}

impl ControlPlane {
    pub fn new(parts: ControlPlaneParts) -> ControlPlane {
        ControlPlane {
            state: Mutex::new(parts.state),
            state_path: parts.state_path,
            reconciler: parts.reconciler,
            apply_lock: tokio::sync::Mutex::new(()),
            requests: Mutex::new(RequestLog::default()),
            change_delay_ms: AtomicU64::new(duration_ms(parts.change_delay)),
            fail_next_change: AtomicBool::new(false),
            unavailable_reads_armed: AtomicU64::new(0),
            unavailable_reads: AtomicU64::new(0),
            stopping: AtomicBool::new(false),
            credentials: parts.credentials,
            api_port: parts.api_port,
            crdb: parts.crdb,
            actions: ActionRegistry::default(),
        }
    }

    pub fn snapshot(&self) -> ClusterState {
        lock(&self.state).clone()
    }

    pub fn read<R>(&self, read: impl FnOnce(&ClusterState) -> R) -> R {
        read(&lock(&self.state))
    }

    /// `redis_info` for `/v1/shards?extra_info_keys=...`: the named `INFO` fields of each shard
    /// that answered in time, by shard uid.
    pub async fn shard_redis_info(
        &self,
        keys: &[String],
    ) -> std::collections::BTreeMap<String, serde_json::Map<String, serde_json::Value>> {
        self.reconciler.redis_info(keys).await
    }

    /// True while the shard's redis-server is dead and its restart does not answer yet.
    pub fn shard_is_down(&self, shard_uid: &str) -> bool {
        self.reconciler.down_shards().contains(shard_uid)
    }

    /// Runs `change` on a copy of the state; on success and with `commit` the copy is persisted
    /// and only then becomes the state. Without `commit` (dry runs), on failure, and when the
    /// copy cannot be written to `state.json`, the state is untouched: a change a restart would
    /// lose is refused (500 `state_not_persisted`), never acknowledged.
    pub fn modify<R>(
        &self,
        commit: bool,
        change: impl FnOnce(&mut ClusterState) -> Result<R, Rejection>,
    ) -> Result<R, Rejection> {
        let mut current = lock(&self.state);
        let mut candidate = current.clone();
        let result = change(&mut candidate)?;
        if commit {
            candidate.cluster_state_id += 1;
            state::save(&self.state_path, &candidate).map_err(|error| {
                eprintln!("rsadmin-sandbox: cannot persist state: {error:#}");
                // UNCONFIRMED: what Redis Software answers when its configuration store cannot
                // take a change; a 500 with a code that says what happened.
                Rejection::new(
                    RejectionKind::NotPersisted,
                    "state_not_persisted",
                    format!("the change could not be saved, so it was not made: {error:#}"),
                )
            })?;
            *current = candidate;
        }
        Ok(result)
    }

    /// Re-applies the current state (e.g. after a node's external address changed).
    pub fn reconcile_in_background(self: &Arc<Self>) {
        let control = Arc::clone(self);
        tokio::spawn(async move {
            if let Err(error) = control.reconcile_now().await {
                eprintln!("rsadmin-sandbox: reconcile failed: {error:#}");
            }
        });
    }

    /// Saves the outcome of an accepted change; if that fails, `state.json` still holds the
    /// change as pending and a restart completes it.
    fn persist(&self, state: &ClusterState) {
        if let Err(error) = state::save(&self.state_path, state) {
            eprintln!("rsadmin-sandbox: cannot persist state: {error:#}");
        }
    }

    /// Applies an accepted change in the background: waits the injected delay, runs the
    /// reconciler, then marks the bdb `active` (or rolls back when the apply fails). The change
    /// is tracked as a state machine in [`ControlPlane::actions`]; returns its `action_uid`.
    pub fn finish_in_background(self: &Arc<Self>, change: PendingChange) -> String {
        let action = self
            .actions
            .begin(change.state_machine(), bdb_object_name(change.bdb_uid()));
        let control = Arc::clone(self);
        let tracked = action.clone();
        tokio::spawn(async move { control.finish(change, &tracked).await });
        action
    }

    async fn finish(&self, change: PendingChange, action: &str) {
        tokio::time::sleep(Duration::from_millis(
            self.change_delay_ms.load(Ordering::SeqCst),
        ))
        .await;
        let _apply_guard = self.apply_lock.lock().await;
        if self.stopping.load(Ordering::SeqCst) {
            return;
        }
        self.actions.progress(action, 10);
        if let PendingChange::Delete { before } = &change {
            lock(&self.state).remove_bdb(before.bdb.uid);
        }
        let injected_failure = self.fail_next_change.swap(false, Ordering::SeqCst);
        let applied = if injected_failure {
            Err(anyhow::anyhow!("injected failure (fail_next_change)"))
        } else {
            self.reconciler.apply(&self.snapshot()).await
        };
        let failure = applied.as_ref().err().map(|error| format!("{error:#}"));
        let after = self.settle(&change, applied);
        // The action ends once the state says so: a client that saw it complete reads the result.
        match failure {
            None => self.actions.complete(action),
            Some(message) => self.actions.fail(action, message),
        }
        if injected_failure {
            return;
        }
        // After a rollback the processes must match the restored state again.
        if let Err(error) = self.reconciler.apply(&after).await {
            eprintln!("rsadmin-sandbox: reconcile after change failed: {error:#}");
        }
    }

    /// Records the outcome of an apply in the state and persists it; returns the new state.
    fn settle(&self, change: &PendingChange, applied: anyhow::Result<()>) -> ClusterState {
        let mut state = lock(&self.state);
        match applied {
            Ok(()) => mark_applied(&mut state, change),
            Err(error) => {
                eprintln!("rsadmin-sandbox: change not applied: {error:#}");
                roll_back(&mut state, change.clone());
            }
        }
        self.persist(&state);
        state.clone()
    }

    /// Brings processes in line with the state at start-up.
    pub async fn reconcile_now(&self) -> anyhow::Result<()> {
        let _apply_guard = self.apply_lock.lock().await;
        if self.stopping.load(Ordering::SeqCst) {
            return Ok(());
        }
        self.reconciler.apply(&self.snapshot()).await
    }

    pub async fn shutdown(&self) {
        let _apply_guard = self.apply_lock.lock().await;
        self.stopping.store(true, Ordering::SeqCst);
        self.reconciler.shutdown().await;
    }

    pub fn log_request(&self, request: LoggedRequest) {
        let mut log = lock(&self.requests);
        log.bytes += request.size();
        log.entries.push_back(request);
        while log.entries.len() > REQUEST_LOG_LIMIT || log.bytes > REQUEST_LOG_BYTES {
            let Some(oldest) = log.entries.pop_front() else {
                break;
            };
            log.bytes -= oldest.size();
        }
    }

    pub fn requests(&self) -> Vec<LoggedRequest> {
        lock(&self.requests).entries.iter().cloned().collect()
    }

    pub fn clear_requests(&self) {
        *lock(&self.requests) = RequestLog::default();
    }

    pub fn set_change_delay(&self, delay: Duration) {
        self.change_delay_ms
            .store(duration_ms(delay), Ordering::SeqCst);
    }

    pub fn fail_next_change(&self) {
        self.fail_next_change.store(true, Ordering::SeqCst);
    }

    pub fn fail_reads_after_next_put(&self, count: u64) {
        self.unavailable_reads_armed.store(count, Ordering::SeqCst);
    }

    /// Whether this request gets an injected 503: a PUT arms the armed count, a GET takes one.
    pub fn take_unavailable_read(&self, method: &axum::http::Method) -> bool {
        if method == axum::http::Method::PUT {
            let armed = self.unavailable_reads_armed.swap(0, Ordering::SeqCst);
            if armed > 0 {
                self.unavailable_reads.store(armed, Ordering::SeqCst);
            }
            return false;
        }
        method == axum::http::Method::GET
            && self
                .unavailable_reads
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
                    left.checked_sub(1)
                })
                .is_ok()
    }
}

fn duration_ms(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

fn mark_applied(state: &mut ClusterState, change: &PendingChange) {
    let uid = match change {
        PendingChange::Create { uid } => *uid,
        PendingChange::Update { before } => before.bdb.uid,
        PendingChange::Delete { .. } => return,
    };
    if let Some(bdb) = state.bdb_mut(uid) {
        bdb.status = BdbStatus::Active;
        bdb.last_changed_time = state::now_rfc3339();
    }
}

/// A failed create ends `creation-failed` without shards; a failed update or delete restores the
/// bdb as it was (status `active`), which a client sees as "the cluster did not apply it".
fn roll_back(state: &mut ClusterState, change: PendingChange) {
    match change {
        PendingChange::Create { uid } => {
            state.shards.retain(|shard| shard.bdb_uid != uid);
            if let Some(bdb) = state.bdb_mut(uid) {
                bdb.status = BdbStatus::CreationFailed;
            }
        }
        PendingChange::Update { before } | PendingChange::Delete { before } => {
            let mut bdb = before.bdb;
            bdb.status = BdbStatus::Active;
            state.restore_bdb(bdb, before.shards);
        }
    }
}
