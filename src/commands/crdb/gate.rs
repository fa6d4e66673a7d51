//! The OSS Cluster API prerequisites, checked on `default_db_config` before a create or update
//! that turns the API on: a failure refuses with exit 3 and nothing is sent.

use serde_json::{Map, Value};

use crate::api::models::Bdb;
use crate::checks::{self, CheckInput, Origin, Severity};
use crate::error::{CliError, CliResult, ExitKind};

/// The flag that fixes a failing rule, per command (`None`: no flag can fix it).
fn fix_hint(rule: &str, origin: Origin) -> Option<&'static str> {
    match (rule, origin) {
        ("proxy_policy", Origin::CrdbCreate) => Some("add --proxy-policy all-master-shards"),
        ("proxy_policy", _) => {
            Some(r#"add --default-db-config '{"proxy_policy": "all-master-shards"}'"#)
        }
        ("sharding", Origin::CrdbCreate) => Some("add --sharding true --shards-count <n>"),
        ("hashing_policy", Origin::CrdbCreate) => {
            Some("leave out --shard-key-regex: the standard hashing policy is the default")
        }
        _ => None,
    }
}

/// An added instance gets the crdb's `default_db_config` as it is: the fixes are made on the
/// crdb first, with `crdb update` (the hints name its flags).
pub fn check_added_instance(config: &Map<String, Value>, guid: &str) -> CliResult<()> {
    check(
        config,
        Origin::CrdbUpdate,
        &format!("crdb {guid} (the new instance takes its default_db_config)"),
    )
    .map_err(|mut err| {
        err.message = err.message.replace(
            "Fix: add --default-db-config",
            &format!("Fix: rsadmin crdb update --crdb-guid {guid} --default-db-config"),
        );
        err
    })
}

/// Checks the database every instance would be; `subject` names it in the messages.
pub fn check(config: &Map<String, Value>, origin: Origin, subject: &str) -> CliResult<()> {
    let bdb: Bdb = serde_json::from_value(Value::Object(config.clone())).map_err(|err| {
        CliError::usage(format!("invalid default_db_config for {subject}: {err}"))
    })?;
    // No nodes and no version: the rules that need them concern one cluster, and this runs
    // before anything is sent.
    let findings = checks::oss_cluster_prerequisites(&CheckInput {
        bdb: &bdb,
        nodes: &[],
        shards: &[],
        cluster_version: None,
        origin,
    });
    let failures: Vec<String> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Fail)
        .map(|finding| {
            // The rules name a database `db:<uid>`; this one does not exist yet.
            let message = finding
                .message
                .replacen(&format!("db:{}", bdb.uid), subject, 1);
            let hint = fix_hint(finding.rule, origin)
                .map(|hint| format!("\n    Fix: {hint}"))
                .unwrap_or_default();
            format!("  FAIL {}: {message}{hint}", finding.rule)
        })
        .collect();
    if failures.is_empty() {
        return Ok(());
    }
    Err(CliError::new(
        ExitKind::Refused,
        format!(
            "{subject} does not meet the OSS Cluster API prerequisites; nothing was sent:\n{}",
            failures.join("\n")
        ),
    ))
}
