//! `tune cluster`, `tune proxy <id>|all` and `tune node <id>|all`: rladmin's other `tune` targets,
//! through the same plan, dry run, confirmation rule, PUT and read-back as `tune db`, each driven
//! by its table in `tunables`.
//!
//! REST: `PUT /v1/cluster/policy` (fields at the top level; answers with a status only),
//! `PUT /v1/proxies/{uid}` with `{"proxy": {...}}`, `PUT /v1/nodes/{uid}`. `tune proxy all` is one
//! PUT per proxy (each read back), so a proxy that already has the value is left alone.

use serde_json::Value;

use crate::api::ApiClient;
use crate::api::client::node_path;
use crate::change::{
    self, CLUSTER_POLICY_PATH, ChangePlan, FieldChange, Location, Step, Target, proxy_path,
};
use crate::checks::{Finding, Fix};
use crate::cli::tune::{TuneObjectArgs, TunePairsArgs};
use crate::commands::Context;
use crate::commands::tune::print_notes;
use crate::error::{CliError, CliResult, ExitKind};
use crate::report::{Rule, Severity};
use crate::tunables::{self, CLUSTER_POLICY_SETTINGS, NODE_SETTINGS, PROXY_SETTINGS, Setting};

/// `<id>` or `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Selection {
    One(u64),
    All,
}

impl Selection {
    fn parse(raw: &str, what: &str) -> CliResult<Selection> {
        match raw {
            "all" => Ok(Selection::All),
            _ => raw.parse().map(Selection::One).map_err(|_| {
                CliError::usage(format!(
                    "invalid {what} id {raw:?}: expected a number or `all`"
                ))
            }),
        }
    }
}

/// The changes `settings` make to `object`; a field the object lacks is refused (nothing sent).
fn changes_to(
    object: &Value,
    settings: &[(&'static Setting, Value)],
    subject: &str,
) -> CliResult<Vec<FieldChange>> {
    settings
        .iter()
        .filter_map(|(setting, wanted)| {
            if object.get(setting.field).is_none() {
                return Some(Err(CliError::new(
                    ExitKind::Refused,
                    format!(
                        "{subject} has no {} field on this cluster (the key needs a newer \
                         Redis Software); nothing was changed",
                        setting.field
                    ),
                )));
            }
            FieldChange::against(object, Location::Setting(setting), wanted.clone()).map(Ok)
        })
        .collect()
}

fn parse_settings(
    table: &'static [Setting],
    pairs: &[String],
    command: &str,
) -> CliResult<Vec<(&'static Setting, Value)>> {
    let parsed = tunables::parse_pairs(table, pairs, command).map_err(CliError::usage)?;
    print_notes(&parsed.notes);
    Ok(parsed.settings)
}

fn plan(subject: String, steps: Vec<Step>, success_text: String) -> ChangePlan {
    ChangePlan {
        subject,
        steps,
        findings: Vec::new(),
        success_text,
        refusal_hint: None,
    }
}

pub fn run_cluster(ctx: &Context, args: TunePairsArgs) -> CliResult<()> {
    let settings = parse_settings(CLUSTER_POLICY_SETTINGS, &args.pairs, "tune cluster")?;
    let client = ctx.client()?;
    let policy: Value = client.get(CLUSTER_POLICY_PATH)?;
    let changes = changes_to(&policy, &settings, "the cluster policy")?;
    let mut after = policy;
    for change in &changes {
        after[change_field(change)] = change.wanted.clone();
    }
    let mut plan = plan(
        "cluster".to_string(),
        vec![Step {
            target: Target::ClusterPolicy,
            changes,
            disruptive: false,
        }],
        "Finished successfully".to_string(),
    );
    plan.findings = policy_findings(&after);
    change::execute(ctx, &client, &plan, &args.change)
}

fn change_field(change: &FieldChange) -> &'static str {
    match change.location {
        Location::Setting(setting) => setting.field,
        _ => "",
    }
}

/// Warnings about the defaults new databases would get: the OSS Cluster API on by default wants
/// a multi-proxy policy and sparse placement (the prerequisites `tune db` checks per database).
fn policy_findings(policy: &Value) -> Vec<Finding> {
    if policy.get("default_oss_cluster") != Some(&Value::Bool(true)) {
        return Vec::new();
    }
    let warn = |rule: Rule, message: &str, command: &str| {
        Finding::new(rule, Severity::Warn)
            .message(message)
            .fix(Fix {
                command: command.to_string(),
                change: None,
            })
    };
    let mut findings = Vec::new();
    if policy.get("default_sharded_proxy_policy") == Some(&Value::from("single")) {
        findings.push(warn(
            Rule::ClusterDefaultProxyPolicy,
            "new sharded databases would get the OSS Cluster API with proxy policy \"single\", \
             which it does not allow; set default_sharded_proxy_policy all-master-shards",
            "rsadmin tune cluster default_sharded_proxy_policy all-master-shards",
        ));
    }
    if policy.get("default_shards_placement") == Some(&Value::from("dense")) {
        findings.push(warn(
            Rule::ClusterDefaultPlacement,
            "new databases with the OSS Cluster API would place their shards dense (few nodes); \
             sparse spreads the master shards that clients connect to",
            "rsadmin tune cluster default_shards_placement sparse",
        ));
    }
    findings
}

/// A kind of object `tune` changes one by one: proxies or nodes.
struct ObjectKind {
    what: &'static str,
    table: &'static [Setting],
    list_path: &'static str,
    one_path: fn(u64) -> String,
    target: fn(u64) -> Target,
}

const PROXIES: ObjectKind = ObjectKind {
    what: "proxy",
    table: PROXY_SETTINGS,
    list_path: "/v1/proxies",
    one_path: proxy_path,
    target: Target::Proxy,
};

const NODES: ObjectKind = ObjectKind {
    what: "node",
    table: NODE_SETTINGS,
    list_path: "/v1/nodes",
    one_path: node_path,
    target: Target::Node,
};

impl ObjectKind {
    /// The objects `selection` names: every one, or the one (404 is "not found", exit 5).
    fn selected(&self, client: &ApiClient, selection: Selection) -> CliResult<Vec<Value>> {
        let uid = match selection {
            Selection::All => return client.get(self.list_path),
            Selection::One(uid) => uid,
        };
        client
            .get(&(self.one_path)(uid))
            .map(|object| vec![object])
            .map_err(|err| match err.kind {
                ExitKind::NotFound => CliError::new(
                    ExitKind::NotFound,
                    format!(
                        "{} {uid} not found. `rsadmin status nodes` lists the nodes (one proxy \
                         each).",
                        self.what
                    ),
                ),
                _ => err,
            })
    }

    /// The client and one step per selected object (with its uid), each changing only what
    /// differs on it.
    fn steps(
        &self,
        ctx: &Context,
        args: &TuneObjectArgs,
    ) -> CliResult<(ApiClient, Vec<(u64, Step)>)> {
        let selection = Selection::parse(&args.id, self.what)?;
        let command = format!("tune {} {}", self.what, args.id);
        let settings = parse_settings(self.table, &args.pairs, &command)?;
        let client = ctx.client()?;
        let steps = self
            .selected(&client, selection)?
            .iter()
            .map(|object| {
                let uid = object.get("uid").and_then(Value::as_u64).ok_or_else(|| {
                    CliError::new(
                        ExitKind::Failed,
                        format!("a {} object has no uid", self.what),
                    )
                })?;
                let changes = changes_to(object, &settings, &format!("{}:{uid}", self.what))?;
                let step = Step {
                    target: (self.target)(uid),
                    changes,
                    disruptive: false,
                };
                Ok((uid, step))
            })
            .collect::<CliResult<Vec<_>>>()?;
        Ok((client, steps))
    }
}

pub fn run_proxy(ctx: &Context, args: TuneObjectArgs) -> CliResult<()> {
    let (client, steps) = PROXIES.steps(ctx, &args)?;
    // rladmin's report (RL/tune.md): `Configuring proxies:` then `  - proxy:<id>: ok`.
    let mut success_text = "Configuring proxies:".to_string();
    for (uid, _) in &steps {
        success_text.push_str(&format!("\n  - proxy:{uid}: ok"));
    }
    let steps = steps.into_iter().map(|(_, step)| step).collect();
    let plan = plan(format!("proxy {}", args.id), steps, success_text);
    change::execute(ctx, &client, &plan, &args.change)
}

pub fn run_node(ctx: &Context, args: TuneObjectArgs) -> CliResult<()> {
    let (client, steps) = NODES.steps(ctx, &args)?;
    let steps = steps.into_iter().map(|(_, step)| step).collect();
    let plan = plan(
        format!("node {}", args.id),
        steps,
        "Finished successfully".to_string(),
    );
    change::execute(ctx, &client, &plan, &args.change)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn oss_cluster_by_default_warns_about_single_and_dense() {
        let policy = json!({"default_oss_cluster": true, "default_sharded_proxy_policy": "single",
                            "default_shards_placement": "dense"});
        let rules: Vec<&str> = policy_findings(&policy)
            .iter()
            .map(|f| f.check.name())
            .collect();
        assert_eq!(
            rules,
            ["cluster_default_proxy_policy", "cluster_default_placement"]
        );
        let fine = json!({"default_oss_cluster": true,
                          "default_sharded_proxy_policy": "all-master-shards",
                          "default_shards_placement": "sparse"});
        assert!(policy_findings(&fine).is_empty());
        assert!(policy_findings(&json!({"default_oss_cluster": false})).is_empty());
    }
}
