//! Long-running operations as `GET /v1/actions` reports them (rest-api.md §3.6, the captured
//! `actions_list.json`): every change the sandbox runs in the background is an action that a
//! client can follow by its `action_uid` until it is `completed` or `failed`, and that disappears
//! (404 `action_not_found`) some time after it ended.
//!
//! Two kinds, as on a real cluster: *state machines* work on one object (`SMUpdateBDB` on
//! `bdb:1`) and *tasks* run on one node (`retry_bdb` on node 1). Code that starts an operation
//! calls [`ActionRegistry::begin`] (or [`ActionRegistry::begin_task`]), reports
//! [`ActionRegistry::progress`] and ends it with [`ActionRegistry::complete`] or
//! [`ActionRegistry::fail`]; the REST routes in `rest::actions` only read.

use serde_json::{Value, json};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// UNCONFIRMED: how long a real cluster keeps an ended action is undocumented ("no available
/// status of last run" gives 404). The sandbox keeps it 10 minutes; tests shorten it.
pub const DEFAULT_RETENTION: Duration = Duration::from_secs(600);

/// At most this many actions are kept; the oldest ended ones go first.
const MAX_ACTIONS: usize = 1000;

/// The v1 status values (`R:requests/actions/_index.md`; `completed` as captured).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStatus {
    Pending,
    Active,
    Completed,
    Failed,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Pending => "pending",
            ActionStatus::Active => "active",
            ActionStatus::Completed => "completed",
            ActionStatus::Failed => "failed",
        }
    }

    fn is_ended(self) -> bool {
        matches!(self, ActionStatus::Completed | ActionStatus::Failed)
    }
}

#[derive(Debug, Clone)]
enum Kind {
    /// Works on one object, named like `bdb:1` or `shard:3`.
    StateMachine { object_name: String },
    /// Runs on one node.
    Task { node_uid: u32 },
}

#[derive(Debug, Clone)]
struct Action {
    uid: String,
    name: String,
    kind: Kind,
    status: ActionStatus,
    /// Percent 0-100.
    progress: u8,
    /// Seconds since the epoch: creation (tasks) and last change (state machines).
    created: u64,
    heartbeat: u64,
    error: Option<String>,
    ended_at: Option<Instant>,
}

impl Action {
    /// The wire object. `progress` is a string, as in the captured `/v1/actions` answer and in
    /// the vendor's client (the reference's tables say float; the examples show "100").
    fn render(&self) -> Value {
        let mut object = json!({
            "action_uid": self.uid,
            "name": self.name,
            "status": self.status.as_str(),
            "progress": self.progress.to_string(),
        });
        match &self.kind {
            Kind::StateMachine { object_name } => {
                object["object_name"] = json!(object_name);
                object["heartbeat"] = json!(self.heartbeat);
                object["pending_ops"] = json!({});
            }
            Kind::Task { node_uid } => {
                object["node_uid"] = json!(node_uid.to_string());
                object["task_id"] = json!(self.uid);
                object["creation_time"] = json!(self.created.to_string());
            }
        }
        if let Some(error) = &self.error {
            // UNCONFIRMED field names; the action object reference lists `error_code`
            // (`internal_error`, `insufficient_resources`) and a message on failure.
            object["error_code"] = json!("internal_error");
            object["error_message"] = json!(error);
        }
        object
    }

    fn is_state_machine(&self) -> bool {
        matches!(self.kind, Kind::StateMachine { .. })
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// The `object_name` of a database's state machines.
pub fn bdb_object_name(bdb_uid: u32) -> String {
    format!("bdb:{bdb_uid}")
}

/// Every action of one cluster. Cheap to share behind the control plane.
pub struct ActionRegistry {
    actions: Mutex<Vec<Action>>,
    retention_ms: std::sync::atomic::AtomicU64,
}

impl Default for ActionRegistry {
    fn default() -> Self {
        ActionRegistry {
            actions: Mutex::new(Vec::new()),
            retention_ms: std::sync::atomic::AtomicU64::new(millis(DEFAULT_RETENTION)),
        }
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

impl ActionRegistry {
    /// Drops actions that ended longer ago than the retention.
    fn lock(&self) -> MutexGuard<'_, Vec<Action>> {
        let retention =
            Duration::from_millis(self.retention_ms.load(std::sync::atomic::Ordering::SeqCst));
        let mut actions = self
            .actions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        actions.retain(|action| {
            action
                .ended_at
                .is_none_or(|ended| ended.elapsed() < retention)
        });
        actions
    }

    /// How long an ended action stays visible.
    pub fn set_retention(&self, retention: Duration) {
        self.retention_ms
            .store(millis(retention), std::sync::atomic::Ordering::SeqCst);
    }

    /// Starts a state machine `name` (e.g. `SMUpdateBDB`) on `object_name` (e.g. from
    /// [`bdb_object_name`]); it is `pending` until the first [`progress`](Self::progress).
    /// Returns its `action_uid`.
    pub fn begin(&self, name: &str, object_name: impl Into<String>) -> String {
        self.insert(
            name,
            Kind::StateMachine {
                object_name: object_name.into(),
            },
        )
    }

    /// Starts a task `name` running on node `node_uid`; returns its `action_uid`.
    pub fn begin_task(&self, name: &str, node_uid: u32) -> String {
        self.insert(name, Kind::Task { node_uid })
    }

    fn insert(&self, name: &str, kind: Kind) -> String {
        let now = unix_now();
        let action = Action {
            uid: uuid::Uuid::new_v4().to_string(),
            name: name.into(),
            kind,
            status: ActionStatus::Pending,
            progress: 0,
            created: now,
            heartbeat: now,
            error: None,
            ended_at: None,
        };
        let uid = action.uid.clone();
        let mut actions = self.lock();
        if actions.len() >= MAX_ACTIONS {
            let oldest_ended = actions
                .iter()
                .position(|action| action.ended_at.is_some())
                .unwrap_or(0);
            actions.remove(oldest_ended);
        }
        actions.push(action);
        uid
    }

    /// Marks the action `active` at `percent` (capped at 100). Ended actions stay as they are.
    pub fn progress(&self, uid: &str, percent: u8) {
        self.update(uid, |action| {
            action.status = ActionStatus::Active;
            action.progress = percent.min(100);
        });
    }

    pub fn complete(&self, uid: &str) {
        self.update(uid, |action| {
            action.status = ActionStatus::Completed;
            action.progress = 100;
        });
    }

    /// Ends the action `failed` with the message a client shows.
    pub fn fail(&self, uid: &str, message: impl Into<String>) {
        let message = message.into();
        self.update(uid, |action| {
            action.status = ActionStatus::Failed;
            action.error = Some(message);
        });
    }

    fn update(&self, uid: &str, change: impl FnOnce(&mut Action)) {
        let mut actions = self.lock();
        let Some(action) = actions
            .iter_mut()
            .find(|action| action.uid == uid && !action.status.is_ended())
        else {
            return;
        };
        change(action);
        action.heartbeat = unix_now();
        if action.status.is_ended() {
            action.ended_at = Some(Instant::now());
        }
    }

    /// The status of one action, while it is known.
    pub fn status(&self, uid: &str) -> Option<ActionStatus> {
        self.lock()
            .iter()
            .find(|action| action.uid == uid)
            .map(|action| action.status)
    }

    /// `GET /v1/actions`: `{"actions": [tasks], "state-machines": [state machines]}`.
    pub fn list(&self) -> Value {
        let actions = self.lock();
        let (state_machines, tasks): (Vec<&Action>, Vec<&Action>) =
            actions.iter().partition(|action| action.is_state_machine());
        json!({
            "actions": tasks.iter().map(|action| action.render()).collect::<Vec<_>>(),
            "state-machines": state_machines.iter().map(|action| action.render()).collect::<Vec<_>>(),
        })
    }

    /// `GET /v1/actions/{uid}`.
    pub fn get(&self, uid: &str) -> Option<Value> {
        self.lock()
            .iter()
            .find(|action| action.uid == uid)
            .map(Action::render)
    }

    /// `GET /v1/actions/bdb/{uid}`: the state machines of one database.
    pub fn of_object(&self, object_name: &str) -> Vec<Value> {
        self.lock()
            .iter()
            .filter(|action| {
                matches!(&action.kind, Kind::StateMachine { object_name: name } if name == object_name)
            })
            .map(Action::render)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_runs_and_ends_once() {
        let registry = ActionRegistry::default();
        let uid = registry.begin("SMUpdateBDB", bdb_object_name(1));
        assert_eq!(registry.get(&uid).unwrap()["status"], "pending");
        registry.progress(&uid, 50);
        let running = registry.get(&uid).unwrap();
        assert_eq!(running["status"], "active");
        assert_eq!(running["progress"], "50");
        assert_eq!(running["object_name"], "bdb:1");
        registry.fail(&uid, "boom");
        registry.complete(&uid);
        let failed = registry.get(&uid).unwrap();
        assert_eq!(
            failed["status"], "failed",
            "an ended action does not change"
        );
        assert_eq!(failed["error_message"], "boom");
        assert_eq!(registry.of_object("bdb:1").len(), 1);
        assert!(registry.of_object("bdb:2").is_empty());
    }

    #[test]
    fn tasks_and_state_machines_are_listed_apart() {
        let registry = ActionRegistry::default();
        let task = registry.begin_task("retry_bdb", 2);
        registry.begin("SMCreateBDB", bdb_object_name(1));
        let list = registry.list();
        assert_eq!(list["actions"][0]["task_id"], task);
        assert_eq!(list["actions"][0]["node_uid"], "2");
        assert_eq!(list["state-machines"][0]["name"], "SMCreateBDB");
    }

    #[test]
    fn ended_actions_vanish_after_the_retention() {
        let registry = ActionRegistry::default();
        registry.set_retention(Duration::ZERO);
        let running = registry.begin("SMUpdateBDB", bdb_object_name(1));
        let ended = registry.begin("SMUpdateBDB", bdb_object_name(1));
        registry.complete(&ended);
        assert!(registry.get(&ended).is_none());
        assert!(registry.get(&running).is_some(), "running actions stay");
    }
}
