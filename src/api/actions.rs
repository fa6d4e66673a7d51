//! Actions (`GET /v1/actions/{uid}`, rest-api.md §3.6): the long-running operation a change
//! starts, named by the `action_uid` of its answer. Read leniently: `progress` is a string in the
//! captured answer and the vendor's client, a number in the reference's tables; the status
//! vocabulary differs between the requests page (`pending`/`active`/`completed`/`failed`) and
//! the object page (`queued`, `starting`, `running`, `cancelling`, `cancelled`, `aborted`, ...).

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::ApiClient;
use crate::error::{CliResult, ExitKind};

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Action {
    pub action_uid: String,
    pub name: Option<String>,
    pub status: Option<String>,
    /// Percent done, from a string or a number.
    #[serde(deserialize_with = "lenient_percent")]
    pub progress: Option<f64>,
    /// `bdb:1` for a state machine.
    pub object_name: Option<String>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    /// v2 and the vendor's client name the failure text `error` or `description`.
    pub error: Option<String>,
    pub description: Option<String>,
}

/// `GET /v1/actions`: tasks and state machines in two lists (as captured).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct ActionList {
    pub actions: Vec<Action>,
    #[serde(rename = "state-machines")]
    pub state_machines: Vec<Action>,
}

/// Where an action stands, as a waiter needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionState {
    Running,
    Completed,
    /// Failed, cancelled or aborted, with the cluster's words.
    Failed(String),
}

impl Action {
    pub fn state(&self) -> ActionState {
        match self.status.as_deref() {
            Some("completed") => ActionState::Completed,
            Some(status @ ("failed" | "cancelled" | "aborted")) => {
                let reason = [&self.error_message, &self.error, &self.description]
                    .into_iter()
                    .find_map(|text| text.as_deref().filter(|text| !text.is_empty()));
                let code = self
                    .error_code
                    .as_deref()
                    .map(|code| format!(" ({code})"))
                    .unwrap_or_default();
                ActionState::Failed(match reason {
                    Some(reason) => format!("{status}{code}: {reason}"),
                    None => format!("{status}{code}"),
                })
            }
            _ => ActionState::Running,
        }
    }
}

fn lenient_percent<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    })
}

pub fn action_path(action_uid: &str) -> String {
    format!("/v1/actions/{action_uid}")
}

impl ApiClient {
    /// One action; `None` once the cluster no longer knows it (404).
    pub fn action(&self, action_uid: &str) -> CliResult<Option<Action>> {
        match self.get(&action_path(action_uid)) {
            Ok(action) => Ok(Some(action)),
            Err(err) if err.kind == ExitKind::NotFound => Ok(None),
            Err(err) => Err(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::fixture;

    #[test]
    fn captured_action_list_deserializes() {
        let list: ActionList = serde_json::from_str(&fixture("actions_list.json")).unwrap();
        assert_eq!(list.actions[0].progress, Some(100.0));
        assert_eq!(list.actions[0].state(), ActionState::Completed);
        assert_eq!(list.state_machines[0].name.as_deref(), Some("SMCreateBDB"));
        assert_eq!(list.state_machines[0].object_name.as_deref(), Some("bdb:1"));
    }

    #[test]
    fn statuses_and_progress_read_leniently() {
        let action: Action = serde_json::from_str(
            r#"{"action_uid": "a", "status": "active", "progress": 50.0, "unknown": [1]}"#,
        )
        .unwrap();
        assert_eq!(
            (action.progress, action.state()),
            (Some(50.0), ActionState::Running)
        );
        let failed: Action = serde_json::from_str(
            r#"{"action_uid": "a", "status": "failed", "error_code": "insufficient_resources",
                "error_message": "not enough memory"}"#,
        )
        .unwrap();
        assert_eq!(
            failed.state(),
            ActionState::Failed("failed (insufficient_resources): not enough memory".into())
        );
        let aborted: Action =
            serde_json::from_str(r#"{"action_uid": "a", "status": "aborted"}"#).unwrap();
        assert_eq!(aborted.state(), ActionState::Failed("aborted".into()));
    }
}
