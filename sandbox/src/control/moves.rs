//! Accepted shard moves (migrate, failover, rebalance, `shards_blueprint`): one action each,
//! recorded in the state with its steps, run one step at a time under the apply lock. A step
//! counts as done only once the state records it, so after a restart (even `kill -9`) the
//! action resumes from the first step not done.

use super::{ControlPlane, Ordering, lock};
use crate::actions::bdb_object_name;
use crate::state::change::{Rejection, RejectionKind};
use crate::state::moves::{MoveAction, MoveStep};
use crate::state::{BdbStatus, ClusterState, now_rfc3339};
use std::sync::Arc;
use std::time::Duration;

/// The state machine names a move action is reported with. `migrate_shards` is what rladmin
/// prints while it follows a migration (cli-grammar.md, RL/migrate.md); the failover name is
/// UNCONFIRMED; rebalance and blueprint updates are bdb updates (`SMUpdateBDB`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveKind {
    Migrate,
    Failover,
    Rebalance,
}

impl MoveKind {
    fn state_machine(self) -> &'static str {
        match self {
            MoveKind::Migrate => "migrate_shards",
            MoveKind::Failover => "failover_shards",
            MoveKind::Rebalance => "SMUpdateBDB",
        }
    }
}

fn db_busy(uid: u32) -> Rejection {
    Rejection::new(
        RejectionKind::Conflict,
        "db_busy",
        format!("db:{uid} is busy with another change; try again when it is active"),
    )
}

impl ControlPlane {
    /// Checks `steps` in order against the state. With `commit`, records them as one action (its
    /// databases turn `active-change-pending`) and runs it in the background; returns its uid.
    /// `bdb_uid` names the database of a database-wide request (its action shows there even
    /// when nothing has to move).
    pub fn accept_moves(
        self: &Arc<Self>,
        kind: MoveKind,
        bdb_uid: Option<u32>,
        steps: Vec<MoveStep>,
        commit: bool,
    ) -> Result<Option<String>, Rejection> {
        let action_uid = uuid::Uuid::new_v4().to_string();
        let bdb_uids = self.modify(commit, |state| {
            let mut bdb_uids: Vec<u32> = bdb_uid.into_iter().collect();
            for step in &steps {
                let (MoveStep::Migrate { shard_uid, .. } | MoveStep::Failover { shard_uid }) = step;
                let uid = state.bdb_of_shard(shard_uid)?;
                if !bdb_uids.contains(&uid) {
                    bdb_uids.push(uid);
                }
            }
            for uid in &bdb_uids {
                if state
                    .bdb(*uid)
                    .is_some_and(|bdb| bdb.status != BdbStatus::Active)
                {
                    return Err(db_busy(*uid));
                }
            }
            let mut simulated = state.clone();
            for step in &steps {
                simulated.apply_move(step)?;
            }
            for uid in &bdb_uids {
                if let Some(bdb) = state.bdb_mut(*uid) {
                    bdb.status = BdbStatus::ActiveChangePending;
                }
            }
            state.moves.push(MoveAction {
                action_uid: action_uid.clone(),
                name: kind.state_machine().to_string(),
                bdb_uids: bdb_uids.clone(),
                steps: steps.clone(),
                done: 0,
            });
            Ok(bdb_uids)
        })?;
        if !commit {
            return Ok(None);
        }
        let object = bdb_uids.first().copied().unwrap_or_default();
        self.actions
            .resume(&action_uid, kind.state_machine(), bdb_object_name(object));
        self.run_moves_in_background(action_uid.clone());
        Ok(Some(action_uid))
    }

    /// Restarts the move actions a stopped sandbox left unfinished.
    pub fn resume_moves(self: &Arc<Self>) {
        for action in self.read(|state| state.moves.clone()) {
            let object = action.bdb_uids.first().copied().unwrap_or_default();
            self.actions
                .resume(&action.action_uid, &action.name, bdb_object_name(object));
            self.run_moves_in_background(action.action_uid);
        }
    }

    fn run_moves_in_background(self: &Arc<Self>, action_uid: String) {
        let control = Arc::clone(self);
        tokio::spawn(async move {
            let outcome = control.run_moves(&action_uid).await;
            control.end_moves(&action_uid, outcome).await;
        });
    }

    /// Runs the steps not done yet, recording each one in the state as it finishes.
    async fn run_moves(&self, action_uid: &str) -> anyhow::Result<()> {
        loop {
            // The injected change delay comes before every step, so a test can stop the
            // sandbox between two steps.
            let delay = self.change_delay_ms.load(Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(delay)).await;
            let _apply_guard = self.apply_lock.lock().await;
            if self.stopping.load(Ordering::SeqCst) {
                return Ok(());
            }
            let next = self.read(|state| {
                let action = state.moves.iter().find(|a| a.action_uid == action_uid)?;
                let step = action.steps.get(action.done)?.clone();
                let percent = action.done * 100 / action.steps.len().max(1);
                Some((step, percent, state.clone()))
            });
            let Some((step, percent, before)) = next else {
                return Ok(());
            };
            self.actions
                .progress(action_uid, u8::try_from(percent).unwrap_or(99));
            let mut after = before.clone();
            after
                .record_move(&step)
                .map_err(|r| anyhow::anyhow!(r.description))?;
            self.perform(&before, &after, &step).await?;
            let mut state = lock(&self.state);
            state
                .record_move(&step)
                .map_err(|r| anyhow::anyhow!(r.description))?;
            if let Some(action) = state.moves.iter_mut().find(|a| a.action_uid == action_uid) {
                action.done += 1;
            }
            self.persist(&state);
        }
    }

    async fn perform(
        &self,
        before: &ClusterState,
        after: &ClusterState,
        step: &MoveStep,
    ) -> anyhow::Result<()> {
        match step {
            MoveStep::Migrate { shard_uid, .. } => self.reconciler.migrate(after, shard_uid).await,
            MoveStep::Failover { shard_uid } => {
                let replica = before
                    .shards
                    .iter()
                    .find(|shard| shard.uid == *shard_uid)
                    .and_then(|master| before.partner_of(master))
                    .map(|replica| replica.uid.clone())
                    .ok_or_else(|| anyhow::anyhow!("shard {shard_uid} has no replica"))?;
                self.reconciler.failover(after, &replica, shard_uid).await
            }
        }
    }

    /// Ends the action: its databases become `active` again, the action completes or fails
    /// (steps done so far stay done; processes are brought back in line with the state).
    async fn end_moves(&self, action_uid: &str, outcome: anyhow::Result<()>) {
        if self.stopping.load(Ordering::SeqCst) {
            return;
        }
        {
            let mut state = lock(&self.state);
            let ended = state.moves.iter().position(|a| a.action_uid == action_uid);
            if let Some(index) = ended {
                let action = state.moves.remove(index);
                for uid in action.bdb_uids {
                    if let Some(bdb) = state.bdb_mut(uid) {
                        bdb.status = BdbStatus::Active;
                        bdb.last_changed_time = now_rfc3339();
                    }
                }
            }
            self.persist(&state);
        }
        match outcome {
            Ok(()) => self.actions.complete(action_uid),
            Err(error) => {
                eprintln!("rsadmin-sandbox: shard move failed: {error:#}");
                self.actions
                    .fail(action_uid, format!("the move failed: {error:#}"));
                if let Err(error) = self.reconcile_now().await {
                    eprintln!("rsadmin-sandbox: reconcile after a failed move: {error:#}");
                }
            }
        }
    }
}
