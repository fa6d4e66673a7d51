//! The change flow every mutating command shares (design §4): a typed plan of field changes,
//! the prerequisite gate, `--dry-run`, confirmation, one PUT per step, waiting for the action it
//! starts and until the database is `active`, and reading back what the cluster applied.

use std::io::IsTerminal;

use reqwest::Method;
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::api::ApiClient;
use crate::api::client::{SHARDS_PATH, bdb_path, node_path};
use crate::api::models::{ActionStarted, Bdb, BlueprintEntry, Shard, cluster_version};
use crate::checks::{self, CheckInput, Finding, Origin, Severity};
use crate::cli::ChangeArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::print_json;
use crate::shard_plan;
use crate::tunables::{self, Setting};
use crate::wait::{self, Progress, WaitLimit};

pub const CLUSTER_POLICY_PATH: &str = "/v1/cluster/policy";

pub fn proxy_path(uid: u64) -> String {
    format!("/v1/proxies/{uid}")
}

/// Where a changed value lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A top-level bdb field.
    Bdb(String),
    /// A field of one endpoint; the PUT names the endpoint with `"endpoint": "<uid>"`.
    Endpoint { uid: String, field: String },
    /// A node field.
    Node(String),
    /// A field of the cluster policy or of a proxy, described by its tunables table entry.
    Setting(&'static Setting),
    /// A field of one shard (`node_uid`, `role`), read from a list of shards.
    Shard { uid: String, field: String },
    /// The node of the shard serving `slots` in `role`: a blueprint names slot ranges, not shards.
    SlotRange { slots: String, role: String },
}

impl Location {
    pub fn label(&self) -> String {
        match self {
            Location::Bdb(field) => tunables::find_by_field(field)
                .and_then(|setting| setting.display_key)
                .map(str::to_string)
                .unwrap_or_else(|| field.clone()),
            Location::Setting(setting) => setting
                .access
                .tune_key()
                .unwrap_or(setting.field)
                .to_string(),
            Location::Endpoint { uid, field } => format!("endpoint:{uid} {field}"),
            Location::Node(field) => field.clone(),
            Location::Shard { uid, field } => {
                format!(
                    "{} {}",
                    shard_plan::shard_name(uid),
                    shard_field_label(field)
                )
            }
            Location::SlotRange { slots, role } => format!("slots {slots} {role}"),
        }
    }

    /// Shard locations are read from and written to a list of shards, the others to an object.
    fn is_shard(&self) -> bool {
        matches!(self, Location::Shard { .. } | Location::SlotRange { .. })
    }

    /// True when the value is a node uid, shown as rladmin shows it: `node:<uid>`.
    fn holds_node(&self) -> bool {
        match self {
            Location::Shard { field, .. } => field == "node_uid",
            Location::SlotRange { .. } => true,
            _ => false,
        }
    }

    /// The current value in an object as the cluster returns it.
    pub fn read<'a>(&self, object: &'a Value) -> Option<&'a Value> {
        match self {
            Location::Bdb(field) | Location::Node(field) => object.get(field),
            Location::Setting(setting) => object.get(setting.field),
            Location::Endpoint { uid, field } => find_endpoint(object, uid)?.get(field),
            Location::Shard { .. } | Location::SlotRange { .. } => object
                .as_array()?
                .iter()
                .find(|shard| self.addresses(shard))?
                .get(self.shard_field()),
        }
    }

    /// For shard locations: whether `shard` (an element of a shard list) is the one meant.
    fn addresses(&self, shard: &Value) -> bool {
        let text = |key: &str| shard.get(key).and_then(Value::as_str);
        match self {
            Location::Shard { uid, .. } => text("uid") == Some(uid),
            Location::SlotRange { slots, role } => {
                text("assigned_slots") == Some(slots) && text("role") == Some(role)
            }
            _ => false,
        }
    }

    fn shard_field(&self) -> &str {
        match self {
            Location::Shard { field, .. } => field,
            _ => "node_uid",
        }
    }

    /// Sets the value in a projected object (the database as it would be after the plan).
    fn write(&self, object: &mut Value, value: Value) {
        if self.is_shard() != object.is_array() {
            return;
        }
        if self.is_shard() {
            if let Some(shard) = object
                .as_array_mut()
                .and_then(|shards| shards.iter_mut().find(|shard| self.addresses(shard)))
            {
                shard[self.shard_field()] = value;
            }
            return;
        }
        match self {
            Location::Bdb(field) | Location::Node(field) => {
                object[field.as_str()] = value;
            }
            Location::Setting(setting) => object[setting.field] = value,
            Location::Endpoint { uid, field } => {
                // The endpoint's proxy policy is also the database's (rest-api.md §2.4).
                if field == "proxy_policy" {
                    object["proxy_policy"] = value.clone();
                }
                if let Some(endpoint) = object
                    .get_mut("endpoints")
                    .and_then(Value::as_array_mut)
                    .and_then(|endpoints| {
                        endpoints.iter_mut().find(|endpoint| {
                            endpoint.get("uid").and_then(Value::as_str) == Some(uid)
                        })
                    })
                {
                    endpoint[field.as_str()] = value;
                }
            }
            Location::Shard { .. } | Location::SlotRange { .. } => {}
        }
    }
}

/// `node` for `node_uid`, else the REST field's own name.
fn shard_field_label(field: &str) -> &str {
    if field == "node_uid" { "node" } else { field }
}

fn find_endpoint<'a>(bdb: &'a Value, uid: &str) -> Option<&'a Value> {
    bdb.get("endpoints")?
        .as_array()?
        .iter()
        .find(|endpoint| endpoint.get("uid").and_then(Value::as_str) == Some(uid))
}

/// An absent list reads the same as an empty one (the cluster omits unused proxy lists).
fn same_value(actual: Option<&Value>, wanted: &Value) -> bool {
    match actual {
        Some(actual) => actual == wanted,
        None => wanted.as_array().is_some_and(Vec::is_empty) || wanted.is_null(),
    }
}

/// One field: what it is and what it should become.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub location: Location,
    pub current: Value,
    pub wanted: Value,
}

impl FieldChange {
    /// A change read from `object`, or `None` when the object already holds `wanted`.
    pub fn against(object: &Value, location: Location, wanted: Value) -> Option<FieldChange> {
        let current = location.read(object);
        if same_value(current, &wanted) {
            return None;
        }
        Some(FieldChange {
            current: current.cloned().unwrap_or(Value::Null),
            location,
            wanted,
        })
    }

    /// `field: current -> wanted` in rladmin's words.
    pub fn summary(&self) -> String {
        format!(
            "{}: {} -> {}",
            self.location.label(),
            self.display(&self.current),
            self.display(&self.wanted)
        )
    }

    fn display(&self, value: &Value) -> String {
        let setting = match &self.location {
            Location::Bdb(field) => tunables::find_by_field(field),
            Location::Setting(setting) => Some(*setting),
            _ => None,
        };
        match (setting, value) {
            (_, Value::String(node)) if self.location.holds_node() => format!("node:{node}"),
            (Some(setting), value) => setting.display(Some(value)),
            (None, Value::String(text)) => text.clone(),
            (None, Value::Null) => tunables::ABSENT.to_string(),
            (None, other) => other.to_string(),
        }
    }
}

/// What one step changes, and so which request it sends.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Bdb(u64),
    Node(u64),
    /// `PUT /v1/cluster/policy` (R:requests/cluster/policy.md).
    ClusterPolicy,
    /// `PUT /v1/proxies/{uid}` with `{"proxy": {...}}` (R:requests/proxies).
    Proxy(u64),
    /// `POST /v1/shards/actions/migrate`: the shards of the changes go to one node.
    MigrateShards {
        target_node: u64,
        preserve_roles: bool,
    },
    /// `POST /v1/shards/actions/failover`: the masters of the changes (one database's; the
    /// REST API refuses a mix) hand over to their replicas.
    FailoverShards,
    /// The blueprint flow: `GET .../actions/optimize_shards_placement` for the blueprint and its
    /// `cluster-state-id`, then `PUT /v1/bdbs/{uid}` with `shards_blueprint` and that header.
    /// `blueprint` is the one planned; the step fetches it again when it runs, since the steps
    /// before it change the cluster state.
    Rebalance {
        bdb: u64,
        blueprint: Vec<BlueprintEntry>,
    },
}

/// One PUT and the changes it carries; steps run in order, each waited for.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub target: Target,
    pub changes: Vec<FieldChange>,
    /// Connected clients notice it (reconnects, new topology): needs confirmation.
    pub disruptive: bool,
}

impl Step {
    pub fn method(&self) -> &'static str {
        match self.target {
            Target::MigrateShards { .. } | Target::FailoverShards => "POST",
            _ => "PUT",
        }
    }

    pub fn path(&self) -> String {
        match &self.target {
            Target::Bdb(uid) | Target::Rebalance { bdb: uid, .. } => bdb_path(*uid),
            Target::Node(uid) => node_path(*uid),
            Target::ClusterPolicy => CLUSTER_POLICY_PATH.to_string(),
            Target::Proxy(uid) => proxy_path(*uid),
            Target::MigrateShards { .. } => format!("{SHARDS_PATH}/actions/migrate"),
            Target::FailoverShards => format!("{SHARDS_PATH}/actions/failover"),
        }
    }

    /// The request line(s) `--dry-run` shows.
    pub fn calls(&self) -> Vec<String> {
        let call = format!("{} {} {}", self.method(), self.path(), self.body());
        match &self.target {
            Target::Rebalance { bdb, .. } => vec![
                format!("GET {}", ApiClient::blueprint_path(*bdb)),
                format!("{call} (with the cluster-state-id header of the GET)"),
            ],
            _ => vec![call],
        }
    }

    /// The shard uids of the changes whose current value is `current` (any when `None`).
    fn shard_uids(&self, current: Option<&str>) -> Vec<String> {
        let mut uids: Vec<String> = Vec::new();
        for change in &self.changes {
            if let Location::Shard { uid, .. } = &change.location
                && current.is_none_or(|current| change.current.as_str() == Some(current))
                && !uids.contains(uid)
            {
                uids.push(uid.clone());
            }
        }
        uids
    }

    /// `field: current -> wanted` for each change, comma-separated.
    pub fn summary(&self) -> String {
        self.changes
            .iter()
            .map(FieldChange::summary)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Only the changed fields, plus `endpoint` when an endpoint is addressed; for shard steps
    /// the documented action bodies.
    pub fn body(&self) -> Value {
        match &self.target {
            Target::MigrateShards {
                target_node,
                preserve_roles,
            } => {
                let mut body =
                    json!({"shard_uids": self.shard_uids(None), "target_node_uid": target_node});
                if *preserve_roles {
                    body["preserve_roles"] = Value::Bool(true);
                }
                body
            }
            Target::FailoverShards => {
                json!({"shard_uids": self.shard_uids(Some(shard_plan::MASTER))})
            }
            Target::Rebalance { blueprint, .. } => json!({"shards_blueprint": blueprint}),
            // A proxy update carries the changed fields in a `proxy` object.
            Target::Proxy(_) => json!({ "proxy": self.changed_fields() }),
            Target::Bdb(_) | Target::Node(_) | Target::ClusterPolicy => {
                Value::Object(self.changed_fields())
            }
        }
    }

    fn changed_fields(&self) -> Map<String, Value> {
        let mut body = Map::new();
        for change in &self.changes {
            match &change.location {
                Location::Bdb(field) | Location::Node(field) => {
                    body.insert(field.clone(), change.wanted.clone());
                }
                Location::Setting(setting) => {
                    body.insert(setting.field.to_string(), change.wanted.clone());
                }
                Location::Endpoint { uid, field } => {
                    body.insert("endpoint".to_string(), Value::from(uid.as_str()));
                    body.insert(field.clone(), change.wanted.clone());
                }
                Location::Shard { .. } | Location::SlotRange { .. } => {}
            }
        }
        body
    }
}

/// A validated plan for one object.
#[derive(Debug, Clone)]
pub struct ChangePlan {
    /// `db:1 [name]` or `node:2`.
    pub subject: String,
    pub steps: Vec<Step>,
    /// Prerequisite findings (empty when no check applies).
    pub findings: Vec<Finding>,
    /// Printed when every step is applied, e.g. `Finished successfully`.
    pub success_text: String,
    /// Appended to a refusal, e.g. the `--fix` command that would apply the fixable findings.
    pub refusal_hint: Option<String>,
}

/// The database as it would be after `changes`, typed for the checks module.
pub fn project(bdb: &Value, changes: &[FieldChange]) -> CliResult<Bdb> {
    let mut projected = bdb.clone();
    for change in changes {
        change.location.write(&mut projected, change.wanted.clone());
    }
    serde_json::from_value(projected).map_err(|err| {
        CliError::new(
            ExitKind::Failed,
            format!("unexpected database object from the cluster: {err}"),
        )
    })
}

/// The shards as they would be after the shard changes among `changes`.
pub fn project_shards(shards: &[Shard], changes: &[FieldChange]) -> CliResult<Vec<Shard>> {
    let mut projected = serde_json::to_value(shards).map_err(|err| {
        CliError::new(
            ExitKind::Failed,
            format!("cannot project the shards: {err}"),
        )
    })?;
    for change in changes.iter().filter(|change| change.location.is_shard()) {
        change.location.write(&mut projected, change.wanted.clone());
    }
    serde_json::from_value(projected).map_err(|err| {
        CliError::new(
            ExitKind::Failed,
            format!("unexpected shard objects from the cluster: {err}"),
        )
    })
}

/// Runs the OSS Cluster API rules on the database and its shards as they would be after
/// `changes`, when the database would have the API on.
pub fn prerequisite_findings(
    client: &ApiClient,
    bdb: &Value,
    changes: &[FieldChange],
    origin: Origin,
) -> CliResult<Vec<Finding>> {
    let projected = project(bdb, changes)?;
    if projected.oss_cluster != Some(true) {
        return Ok(Vec::new());
    }
    let nodes = client.nodes()?;
    let shards = project_shards(&client.bdb_shards(projected.uid)?, changes)?;
    Ok(checks::oss_cluster_prerequisites(&CheckInput {
        bdb: &projected,
        nodes: &nodes,
        shards: &shards,
        cluster_version: cluster_version(&nodes),
        origin,
    }))
}

#[derive(Serialize)]
struct RequestReport {
    method: &'static str,
    path: String,
    body: Value,
    changes: Vec<Value>,
}

#[derive(Serialize)]
struct ChangeReport<'a> {
    subject: &'a str,
    outcome: &'static str,
    dry_run: bool,
    requests: Vec<RequestReport>,
    findings: &'a [Finding],
}

fn report<'a>(plan: &'a ChangePlan, outcome: &'static str, dry_run: bool) -> ChangeReport<'a> {
    ChangeReport {
        subject: &plan.subject,
        outcome,
        dry_run,
        requests: plan
            .steps
            .iter()
            .map(|step| RequestReport {
                method: step.method(),
                path: step.path(),
                body: step.body(),
                changes: step
                    .changes
                    .iter()
                    .map(|change| {
                        json!({"field": change.location.label(), "current": change.current, "wanted": change.wanted})
                    })
                    .collect(),
            })
            .collect(),
        findings: &plan.findings,
    }
}

/// Runs a plan: refuse, report nothing to change, dry-run, confirm, apply, wait, read back.
pub fn execute(
    ctx: &Context,
    client: &ApiClient,
    plan: &ChangePlan,
    args: &ChangeArgs,
) -> CliResult<()> {
    print_warnings(&plan.findings);
    let failing: Vec<&Finding> = plan
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Fail)
        .collect();
    if !failing.is_empty() {
        if ctx.json() {
            print_json(&report(plan, "refused", args.dry_run));
        }
        return Err(refusal(plan, &failing));
    }
    if plan.steps.iter().all(|step| step.changes.is_empty()) {
        if ctx.json() {
            print_json(&report(plan, "nothing_to_change", args.dry_run));
        } else {
            println!("Nothing to change");
        }
        return Ok(());
    }
    if args.dry_run {
        // The plan shows either way; a refusal by the cluster's own check is the outcome.
        let cluster_check = check_with_cluster(client, plan);
        if ctx.json() {
            let outcome = if cluster_check.is_ok() {
                "dry_run"
            } else {
                "refused"
            };
            print_json(&report(plan, outcome, true));
        } else {
            print!("{}", render_plan(plan));
            match cluster_check {
                Ok(true) => print!("{DRY_RUN_VALIDATED}"),
                Ok(false) => print!("{DRY_RUN_NOT_SENT}"),
                Err(_) => {}
            }
        }
        return cluster_check.map(|_| ());
    }
    confirm(ctx, plan)?;
    let limit = WaitLimit::from_now(args.timeout);
    let steps: Vec<&Step> = plan
        .steps
        .iter()
        .filter(|step| !step.changes.is_empty())
        .collect();
    for (index, step) in steps.iter().enumerate() {
        // With several steps (`--fix`), say on stderr which one runs, so a failure is placed.
        if steps.len() > 1 && !ctx.json() {
            eprintln!("Step {}/{}: {}", index + 1, steps.len(), step.summary());
        }
        let placed = apply_step(client, step, limit)?;
        if !ctx.json() {
            placed.iter().for_each(|line| println!("{line}"));
        }
    }
    if ctx.json() {
        print_json(&report(plan, "applied", false));
    } else {
        println!("{}", plan.success_text);
    }
    Ok(())
}

fn print_warnings(findings: &[Finding]) {
    for finding in findings
        .iter()
        .filter(|finding| finding.severity == Severity::Warn)
    {
        eprintln!("warning: {}", finding.message);
    }
}

fn with_fix(finding: &Finding) -> String {
    match &finding.fix {
        Some(fix) => format!("{}. Fix: {}", finding.message, fix.command),
        None => finding.message.clone(),
    }
}

/// One `error:` line per failing rule (main prints the first prefix), then the summary.
fn refusal(plan: &ChangePlan, failing: &[&Finding]) -> CliError {
    let mut lines: Vec<String> = failing.iter().map(|finding| with_fix(finding)).collect();
    let hint = plan
        .refusal_hint
        .as_ref()
        .map(|hint| format!(". {hint}"))
        .unwrap_or_default();
    lines.push(format!(
        "refused: {} prerequisite(s) of the OSS Cluster API not met for {}; nothing was changed{hint}",
        failing.len(),
        plan.subject
    ));
    CliError::new(ExitKind::Refused, lines.join("\nerror: "))
}

/// The last line of a dry run the cluster accepted.
const DRY_RUN_VALIDATED: &str =
    "Dry run: the cluster validated the calls (dry_run=true); nothing was changed.\n";
/// For plans without a database update (nodes, cluster policy, proxies, shard moves).
const DRY_RUN_NOT_SENT: &str = "Dry run: nothing was sent.\n";

/// The plan: each change, then the REST calls that would make it.
pub fn render_plan(plan: &ChangePlan) -> String {
    let mut text = format!("Plan for {}:\n", plan.subject);
    for change in plan.steps.iter().flat_map(|step| &step.changes) {
        text.push_str(&format!("  {}\n", change.summary()));
    }
    text.push_str("REST calls:\n");
    for call in plan
        .steps
        .iter()
        .filter(|step| !step.changes.is_empty())
        .flat_map(Step::calls)
    {
        text.push_str(&format!("  {call}\n"));
    }
    text
}

/// Sends the plan to the cluster with `dry_run=true` (rest-api.md §1.8), so its own refusals
/// show before anything changes. The steps of one database go as one body (later steps rely on
/// earlier ones, so each alone could be refused): the cluster checks the end state. Node updates
/// have no dry run and are not sent. True when the cluster was asked.
fn check_with_cluster(client: &ApiClient, plan: &ChangePlan) -> CliResult<bool> {
    let mut bodies: Vec<(u64, Map<String, Value>)> = Vec::new();
    for step in plan.steps.iter().filter(|step| !step.changes.is_empty()) {
        let (&Target::Bdb(uid), Value::Object(fields)) = (&step.target, step.body()) else {
            continue;
        };
        match bodies.iter_mut().find(|(bdb_uid, _)| *bdb_uid == uid) {
            Some((_, body)) => body.extend(fields),
            None => bodies.push((uid, fields)),
        }
    }
    let asked = !bodies.is_empty();
    for (uid, body) in bodies {
        client
            .put_bdb_dry_run(uid, &Value::Object(body))
            .map_err(|err| CliError {
                message: format!("dry run: {}; nothing was changed", err.message),
                ..err
            })?;
    }
    Ok(asked)
}

/// Whose rule decides whether a disruptive change asks before it is applied. Every command that
/// changes the cluster goes through [`execute`], so this one rule covers all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConfirmationRule {
    /// rsadmin's own name: ask on a terminal; no terminal and no `-y` is a usage error (exit 2).
    #[default]
    AskForDisruptive,
    /// Invoked as a drop-in (`rladmin`, `crdb-cli`): the real tool applies the commands rsadmin
    /// implements for it (bind, tune, placement, node external_addr, migrate, failover, crdb
    /// create/update/flush/add-, remove- and purge-instance) without a question, so scripts
    /// written for it run unchanged.
    AsTheToolDoes,
}

fn confirm(ctx: &Context, plan: &ChangePlan) -> CliResult<()> {
    let disruptive: Vec<String> = plan
        .steps
        .iter()
        .filter(|step| step.disruptive)
        .flat_map(|step| step.changes.iter().map(|change| change.location.label()))
        .collect();
    if disruptive.is_empty() {
        return Ok(());
    }
    let what = format!(
        "changing {} on {} affects connected clients",
        disruptive.join(", "),
        plan.subject
    );
    let preview = render_plan(plan);
    ask(ctx, &what, &preview)
}

/// The confirmation of one change (`what` says why it needs one, `preview` on stderr shows
/// it): none under a drop-in name or with `-y`; a question on a terminal (declining refuses,
/// exit 3); without a terminal a usage error (exit 2) that names `-y` and `--dry-run`.
pub fn ask(ctx: &Context, what: &str, preview: &str) -> CliResult<()> {
    if ctx.confirmation == ConfirmationRule::AsTheToolDoes || ctx.assume_yes {
        return Ok(());
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(CliError::usage(format!(
            "{what} and needs confirmation, but there is no terminal to ask on. \
             Re-run with -y to confirm (or --dry-run to see the plan); nothing was sent."
        )));
    }
    eprint!("{preview}");
    let accepted = dialoguer::Confirm::new()
        .with_prompt(format!("{what}. Apply?"))
        .default(false)
        .interact()
        .map_err(|err| CliError::usage(format!("cannot read the answer: {err}")))?;
    if accepted {
        Ok(())
    } else {
        // Declining leaves the cluster unchanged, like a refusal.
        Err(CliError::new(
            ExitKind::Refused,
            "cancelled; nothing was changed",
        ))
    }
}

/// Sends one step, waits for it and checks what the cluster applied; returns, for shard steps,
/// one line per changed shard saying where it is now.
fn apply_step(client: &ApiClient, step: &Step, limit: WaitLimit) -> CliResult<Vec<String>> {
    if step.changes.is_empty() {
        return Ok(Vec::new());
    }
    let body = step.body();
    let applied = match &step.target {
        Target::Bdb(uid) => {
            let action = client.put_bdb(*uid, &body)?;
            wait_for_bdb_change(client, *uid, action.as_deref(), limit)?
        }
        Target::Node(uid) => {
            client.put_node(*uid, &body)?;
            wait::read_retrying(limit, || client.get(&node_path(*uid)))
                .map_err(wait::after_accepted)?
        }
        Target::MigrateShards { .. } | Target::FailoverShards => {
            let started: ActionStarted = client.call(Method::POST, &step.path(), Some(&body))?;
            let mut progress = Progress::start("Executing");
            if let Some(action_uid) = started.action_uid.as_deref() {
                wait::for_action(client, action_uid, limit, &mut progress)?;
            }
            progress.finish();
            wait::read_retrying(limit, || client.get(SHARDS_PATH)).map_err(wait::after_accepted)?
        }
        Target::Rebalance { bdb, .. } => {
            return rebalance(client, *bdb, step.disruptive, limit);
        }
        // Both answer once the change is applied (a proxy update waits for the proxy's ACK).
        Target::ClusterPolicy | Target::Proxy(_) => {
            let path = step.path();
            client.put(&path, &body)?;
            wait::read_retrying(limit, || client.get(&path)).map_err(wait::after_accepted)?
        }
    };
    verify(step, &applied)?;
    Ok(placements(step, &applied))
}

/// The rebalance step as it runs: the blueprint of the cluster as it is now (the steps before
/// changed it), sent with its `cluster-state-id`, waited for, read back slot range by slot range.
fn rebalance(
    client: &ApiClient,
    bdb: u64,
    disruptive: bool,
    limit: WaitLimit,
) -> CliResult<Vec<String>> {
    let (blueprint, state_id) = client.shards_blueprint(bdb)?;
    let step = Step {
        changes: rebalance_changes(&blueprint, &client.bdb_shards(bdb)?),
        target: Target::Rebalance { bdb, blueprint },
        disruptive,
    };
    if step.changes.is_empty() {
        return Ok(Vec::new());
    }
    let answer = client.put_bdb_blueprint(bdb, &step.body(), state_id.as_deref())?;
    let action = answer.get("action_uid").and_then(Value::as_str);
    wait_for_bdb_change(client, bdb, action, limit)?;
    let applied: Value =
        wait::read_retrying(limit, || client.get(&format!("{}/shards", bdb_path(bdb))))
            .map_err(wait::after_accepted)?;
    verify(&step, &applied)?;
    Ok(placements(&step, &applied))
}

/// The changes a blueprint makes to a database's shards, slot range by slot range.
pub fn rebalance_changes(blueprint: &[BlueprintEntry], shards: &[Shard]) -> Vec<FieldChange> {
    shard_plan::blueprint_moves(blueprint, shards)
        .into_iter()
        .map(|found| FieldChange {
            location: Location::SlotRange {
                slots: found.slot_range,
                role: found.role,
            },
            current: Value::from(found.from_node),
            wanted: Value::from(found.to_node),
        })
        .collect()
}

/// `redis:2 node: node:3` style lines: where each changed shard is after a shard step.
fn placements(step: &Step, applied: &Value) -> Vec<String> {
    if !step.changes.iter().any(|change| change.location.is_shard()) {
        return Vec::new();
    }
    step.changes
        .iter()
        .map(|change| {
            let now = change
                .location
                .read(applied)
                .cloned()
                .unwrap_or(Value::Null);
            format!(
                "{} is now {}",
                change.location.label(),
                change.display(&now)
            )
        })
        .collect()
}

/// Follows the action the PUT named (the cluster may not have started the change when the
/// database still reads `active`), then confirms `active` and reads the database back. Without
/// an action, or when the cluster never knew it, polls the status alone.
fn wait_for_bdb_change(
    client: &ApiClient,
    uid: u64,
    action_uid: Option<&str>,
    limit: WaitLimit,
) -> CliResult<Value> {
    let mut progress = Progress::start("Tuning database");
    if let Some(action_uid) = action_uid {
        wait::for_action(client, action_uid, limit, &mut progress)?;
    }
    wait::until_bdb_active(client, uid, limit, &mut progress)?;
    progress.finish();
    wait::read_retrying(limit, || client.bdb_json(uid)).map_err(wait::after_accepted)
}

fn verify(step: &Step, applied: &Value) -> CliResult<()> {
    let missing: Vec<String> = step
        .changes
        .iter()
        .filter(|change| !same_value(change.location.read(applied), &change.wanted))
        .map(|change| {
            let actual = change
                .location
                .read(applied)
                .cloned()
                .unwrap_or(Value::Null);
            format!(
                "{} reads {} instead of {}",
                change.location.label(),
                change.display(&actual),
                change.display(&change.wanted)
            )
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(CliError::new(
        ExitKind::Failed,
        format!(
            "the cluster did not apply the change: {}. Check the cluster's event log, then retry.",
            missing.join("; ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bdb() -> Value {
        json!({"uid": 1, "name": "a", "oss_cluster": false, "proxy_policy": "single",
               "endpoints": [{"uid": "1:1", "proxy_policy": "single"}]})
    }

    #[test]
    fn same_value_yields_no_change() {
        assert_eq!(
            FieldChange::against(&bdb(), Location::Bdb("oss_cluster".into()), json!(false)),
            None
        );
        let absent_list = Location::Endpoint {
            uid: "1:1".into(),
            field: "include_proxies".into(),
        };
        assert_eq!(FieldChange::against(&bdb(), absent_list, json!([])), None);
    }

    #[test]
    fn endpoint_step_body_names_the_endpoint() {
        let location = Location::Endpoint {
            uid: "1:1".into(),
            field: "proxy_policy".into(),
        };
        let change = FieldChange::against(&bdb(), location, json!("all-master-shards")).unwrap();
        let step = Step {
            target: Target::Bdb(1),
            changes: vec![change.clone()],
            disruptive: true,
        };
        assert_eq!(
            step.body(),
            json!({"endpoint": "1:1", "proxy_policy": "all-master-shards"})
        );
        assert_eq!(step.path(), "/v1/bdbs/1");
        let projected = project(&bdb(), &[change]).unwrap();
        assert_eq!(projected.proxy_policy.as_deref(), Some("all-master-shards"));
        assert_eq!(
            projected.endpoints[0].proxy_policy.as_deref(),
            Some("all-master-shards")
        );
    }

    #[test]
    fn dry_run_lists_plan_and_calls() {
        let change =
            FieldChange::against(&bdb(), Location::Bdb("oss_cluster".into()), json!(true)).unwrap();
        let plan = ChangePlan {
            subject: "db:1 [a]".into(),
            steps: vec![Step {
                target: Target::Bdb(1),
                changes: vec![change],
                disruptive: true,
            }],
            findings: vec![],
            success_text: "Finished successfully".into(),
            refusal_hint: None,
        };
        assert_eq!(
            render_plan(&plan),
            "Plan for db:1 [a]:\n  oss_cluster: disabled -> enabled\nREST calls:\n  \
             PUT /v1/bdbs/1 {\"oss_cluster\":true}\n"
        );
    }

    fn shards() -> Value {
        json!([
            {"uid": "1", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "0-8191"},
            {"uid": "2", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "8192-16383"}
        ])
    }

    #[test]
    fn shard_steps_send_the_documented_action_bodies() {
        let location = Location::Shard {
            uid: "2".into(),
            field: "node_uid".into(),
        };
        let change = FieldChange::against(&shards(), location, json!("3")).unwrap();
        assert_eq!(change.summary(), "redis:2 node: node:1 -> node:3");
        let step = Step {
            target: Target::MigrateShards {
                target_node: 3,
                preserve_roles: true,
            },
            changes: vec![change.clone()],
            disruptive: true,
        };
        assert_eq!(
            step.calls(),
            [
                r#"POST /v1/shards/actions/migrate {"preserve_roles":true,"shard_uids":["2"],"target_node_uid":3}"#
            ]
        );
        let listed: Vec<Shard> = serde_json::from_value(shards()).unwrap();
        let projected = project_shards(&listed, &[change]).unwrap();
        assert_eq!(projected[1].node_uid, "3");
        assert_eq!(projected[0].node_uid, "1");
    }

    #[test]
    fn rebalance_changes_name_slot_ranges_and_show_both_calls() {
        let blueprint: Vec<BlueprintEntry> = serde_json::from_value(json!([
            {"nodes": [{"node_uid": "1", "role": "master"}], "slot_range": "0-8191"},
            {"nodes": [{"node_uid": "2", "role": "master"}], "slot_range": "8192-16383"}
        ]))
        .unwrap();
        let listed: Vec<Shard> = serde_json::from_value(shards()).unwrap();
        let changes = rebalance_changes(&blueprint, &listed);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            changes[0].summary(),
            "slots 8192-16383 master: node:1 -> node:2"
        );
        let step = Step {
            target: Target::Rebalance { bdb: 1, blueprint },
            changes,
            disruptive: true,
        };
        let calls = step.calls();
        assert_eq!(
            calls[0],
            "GET /v1/bdbs/1/actions/optimize_shards_placement?shards_placement=sparse"
        );
        assert!(calls[1].starts_with(r#"PUT /v1/bdbs/1 {"shards_blueprint":[{"nodes":"#));
        assert!(calls[1].ends_with("(with the cluster-state-id header of the GET)"));
        // Read back: the master of 8192-16383 is where the blueprint put it.
        let mut applied = shards();
        applied[1]["node_uid"] = json!("2");
        assert!(verify(&step, &applied).is_ok());
        assert!(verify(&step, &shards()).is_err());
    }

    #[test]
    fn verify_reports_what_was_not_applied() {
        let change =
            FieldChange::against(&bdb(), Location::Bdb("oss_cluster".into()), json!(true)).unwrap();
        let step = Step {
            target: Target::Bdb(1),
            changes: vec![change],
            disruptive: false,
        };
        let err = verify(&step, &bdb()).unwrap_err();
        assert_eq!(err.kind, ExitKind::Failed);
        assert!(
            err.message
                .contains("oss_cluster reads disabled instead of enabled")
        );
    }
}
