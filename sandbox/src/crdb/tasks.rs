//! The crdb tasks of one cluster: `queued -> started -> finished|failed`, kept 500 s after they
//! end (rest-api.md §6.4).

use super::model::{CrdbTask, TaskError, TaskStatus};
use crate::state::now_rfc3339;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Completed task status is kept this long (the documented default of `X-Result-TTL`).
const RESULT_TTL: Duration = Duration::from_secs(500);

/// UNCONFIRMED: the worker naming of a real cluster is `crdb_worker:<n>:<m>`; the sandbox has one.
const WORKER_NAME: &str = "crdb_worker:1:0";

struct TaskEntry {
    task: CrdbTask,
    ended_at: Option<Instant>,
}

#[derive(Default)]
pub struct TaskTable {
    entries: Mutex<Vec<TaskEntry>>,
}

/// Why a cancel was refused.
pub enum CancelRefusal {
    NotFound,
    NotQueued(TaskStatus),
}

impl TaskTable {
    /// Drops tasks that ended more than [`RESULT_TTL`] ago.
    fn lock(&self) -> MutexGuard<'_, Vec<TaskEntry>> {
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.retain(|entry| {
            entry
                .ended_at
                .is_none_or(|ended| ended.elapsed() < RESULT_TTL)
        });
        entries
    }

    pub fn create(&self, operation: &'static str, crdb_guid: Option<String>) -> CrdbTask {
        let task = CrdbTask {
            id: uuid::Uuid::new_v4().to_string(),
            crdb_guid,
            operation,
            status: TaskStatus::Queued,
            worker_name: WORKER_NAME.into(),
            started: None,
            ended: None,
            errors: Vec::new(),
        };
        self.lock().push(TaskEntry {
            task: task.clone(),
            ended_at: None,
        });
        task
    }

    pub fn get(&self, id: &str) -> Option<CrdbTask> {
        self.lock()
            .iter()
            .find(|entry| entry.task.id == id)
            .map(|entry| entry.task.clone())
    }

    pub fn list(&self) -> Vec<CrdbTask> {
        self.lock().iter().map(|entry| entry.task.clone()).collect()
    }

    /// True while a task of this crdb is queued or started.
    pub fn busy(&self, crdb_guid: &str) -> bool {
        self.lock().iter().any(|entry| {
            entry.task.crdb_guid.as_deref() == Some(crdb_guid) && entry.ended_at.is_none()
        })
    }

    /// Moves a queued task to `started` (and names its crdb); false when it was canceled.
    pub fn start(&self, id: &str, crdb_guid: &str) -> bool {
        let mut entries = self.lock();
        let Some(entry) = entries.iter_mut().find(|entry| entry.task.id == id) else {
            return false;
        };
        if entry.task.status != TaskStatus::Queued {
            return false;
        }
        entry.task.status = TaskStatus::Started;
        entry.task.started = Some(now_rfc3339());
        entry.task.crdb_guid = Some(crdb_guid.into());
        true
    }

    /// Ends a task: `finished` without errors, `failed` with them.
    pub fn end(&self, id: &str, errors: Vec<TaskError>) {
        let mut entries = self.lock();
        if let Some(entry) = entries.iter_mut().find(|entry| entry.task.id == id) {
            entry.task.status = if errors.is_empty() {
                TaskStatus::Finished
            } else {
                TaskStatus::Failed
            };
            entry.task.errors = errors;
            entry.task.ended = Some(now_rfc3339());
            entry.ended_at = Some(Instant::now());
        }
    }

    /// Cancels a task that has not started: it ends `failed` with a `canceled` error.
    /// UNCONFIRMED: a real cluster can also cancel a started task before its commit phase.
    pub fn cancel(&self, id: &str, cluster_name: &str) -> Result<(), CancelRefusal> {
        let mut entries = self.lock();
        let entry = entries
            .iter_mut()
            .find(|entry| entry.task.id == id)
            .ok_or(CancelRefusal::NotFound)?;
        if entry.task.status != TaskStatus::Queued {
            return Err(CancelRefusal::NotQueued(entry.task.status));
        }
        entry.task.status = TaskStatus::Failed;
        entry.task.errors = vec![TaskError {
            cluster_name: cluster_name.into(),
            error_code: "task_canceled".into(),
            description: "the task was canceled before it started".into(),
        }];
        entry.task.ended = Some(now_rfc3339());
        entry.ended_at = Some(Instant::now());
        Ok(())
    }
}
