//! The OSS Cluster API prerequisites, checked on `default_db_config` before a create or update
//! that turns the API on: a failure refuses with exit 3 and nothing is sent.

use serde_json::{Map, Value};

use crate::api::models::Bdb;
use crate::checks::{self, CheckInput, Origin};
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::report::render_refusal;
use crate::report::{Check, Row, Rule, Severity};

/// The crdb command the gate guards: it names the database every instance would be, and which
/// flags fix a failing rule.
#[derive(Debug, Clone, Copy)]
pub enum Gated<'a> {
    Create {
        name: &'a str,
    },
    Update {
        guid: &'a str,
    },
    /// An added instance gets the crdb's `default_db_config` as it is: the fixes are made on the
    /// crdb first, with `crdb update`.
    AddInstance {
        guid: &'a str,
    },
}

const PROXY_POLICY_CONFIG: &str = r#"--default-db-config '{"proxy_policy": "all-master-shards"}'"#;

impl Gated<'_> {
    fn origin(self) -> Origin {
        match self {
            Gated::Create { .. } => Origin::CrdbCreate,
            Gated::Update { .. } | Gated::AddInstance { .. } => Origin::CrdbUpdate,
        }
    }

    /// How the messages name the database, which does not exist yet.
    fn subject(self) -> String {
        match self {
            Gated::Create { name } => format!("crdb {name}"),
            Gated::Update { guid } => format!("crdb {guid}"),
            Gated::AddInstance { guid } => {
                format!("crdb {guid} (the new instance takes its default_db_config)")
            }
        }
    }

    /// The flags that fix a failing rule (`None`: no flag can fix it).
    fn fix_hint(self, check: Check) -> Option<String> {
        let Check::Rule(rule) = check else {
            return None;
        };
        match (rule, self) {
            (Rule::ProxyPolicy, Gated::Create { .. }) => {
                Some("add --proxy-policy all-master-shards".to_string())
            }
            (Rule::ProxyPolicy, Gated::Update { .. }) => Some(format!("add {PROXY_POLICY_CONFIG}")),
            (Rule::ProxyPolicy, Gated::AddInstance { guid }) => Some(format!(
                "rsadmin crdb update --crdb-guid {guid} {PROXY_POLICY_CONFIG}"
            )),
            (Rule::Sharding, Gated::Create { .. }) => {
                Some("add --sharding true --shards-count <n>".to_string())
            }
            (Rule::HashingPolicy, Gated::Create { .. }) => Some(
                "leave out --shard-key-regex: the standard hashing policy is the default"
                    .to_string(),
            ),
            _ => None,
        }
    }
}

/// Checks the database every instance would be, from the crdb's `default_db_config`.
pub fn check(config: &Map<String, Value>, gated: Gated) -> CliResult<()> {
    let subject = gated.subject();
    let bdb: Bdb = serde_json::from_value(Value::Object(config.clone())).map_err(|err| {
        CliError::usage(format!("invalid default_db_config for {subject}: {err}"))
    })?;
    // No nodes and no version: the rules that need them concern one cluster, and this runs
    // before anything is sent.
    let findings = checks::prerequisites_named(
        &CheckInput {
            bdb: &bdb,
            nodes: &[],
            shards: &[],
            cluster_version: None,
            origin: gated.origin(),
        },
        &subject,
    );
    let failures: Vec<Row> = findings
        .into_iter()
        .filter(|finding| finding.severity == Severity::Fail)
        .map(|finding| {
            let hint = gated.fix_hint(finding.check);
            finding.map_fix(|_| hint)
        })
        .collect();
    if failures.is_empty() {
        return Ok(());
    }
    Err(CliError::new(
        ExitKind::Refused,
        format!(
            "{subject} does not meet the OSS Cluster API prerequisites; nothing was sent:\n{}",
            render_refusal(&failures)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn refusal(config: Value, gated: Gated) -> String {
        let Value::Object(config) = config else {
            unreachable!("a JSON object")
        };
        check(&config, gated).unwrap_err().message
    }

    #[test]
    fn hints_name_the_flags_of_the_guarded_command() {
        let single = json!({"uid": 0, "oss_cluster": true, "sharding": true,
                            "proxy_policy": "single"});
        let header = "does not meet the OSS Cluster API prerequisites; nothing was sent:";
        let failure = |subject: &str, fix: &str| {
            format!(
                "{subject} {header}\n  FAIL proxy_policy: {subject} uses proxy policy \
                 \"single\"; the OSS Cluster API needs \"all-master-shards\" or \"all-nodes\"\n    \
                 Fix: {fix}"
            )
        };
        assert_eq!(
            refusal(single.clone(), Gated::Create { name: "app" }),
            failure("crdb app", "add --proxy-policy all-master-shards")
        );
        assert_eq!(
            refusal(single.clone(), Gated::Update { guid: "g-1" }),
            failure(
                "crdb g-1",
                r#"add --default-db-config '{"proxy_policy": "all-master-shards"}'"#
            )
        );
        assert_eq!(
            refusal(single, Gated::AddInstance { guid: "g-1" }),
            failure(
                "crdb g-1 (the new instance takes its default_db_config)",
                r#"rsadmin crdb update --crdb-guid g-1 --default-db-config '{"proxy_policy": "all-master-shards"}'"#
            )
        );
    }

    #[test]
    fn ready_config_passes() {
        let ready = json!({"uid": 0, "oss_cluster": true, "sharding": true,
                           "proxy_policy": "all-master-shards"});
        let Value::Object(config) = ready else {
            unreachable!("a JSON object")
        };
        assert!(check(&config, Gated::Create { name: "app" }).is_ok());
    }
}
