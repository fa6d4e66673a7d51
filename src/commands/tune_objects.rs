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
use crate::cli::tune::{TuneObjectArgs, TunePairsArgs};
use crate::commands::Context;
use crate::commands::tune::print_notes;
use crate::error::{CliError, CliResult, ExitKind};
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
    let step = Step {
        target: Target::ClusterPolicy,
        changes: changes_to(&policy, &settings, "the cluster policy")?,
        disruptive: false,
    };
    let plan = plan(
        "cluster".to_string(),
        vec![step],
        "Finished successfully".to_string(),
    );
    change::execute(ctx, &client, &plan, &args.change)
}

/// The objects `selection` names: every one, or the one (404 is "not found", exit 5).
fn selected(
    client: &ApiClient,
    selection: Selection,
    list_path: &str,
    one_path: String,
    what: &str,
) -> CliResult<Vec<Value>> {
    match selection {
        Selection::All => client.get(list_path),
        Selection::One(uid) => client
            .get(&one_path)
            .map(|object| vec![object])
            .map_err(|err| match err.kind {
                ExitKind::NotFound => CliError::new(
                    ExitKind::NotFound,
                    format!("{what} {uid} not found. `rsadmin status nodes` lists the nodes (one proxy each)."),
                ),
                _ => err,
            }),
    }
}

/// One step per object, each changing only what differs on it.
fn object_steps(
    objects: &[Value],
    settings: &[(&'static Setting, Value)],
    what: &str,
    target: impl Fn(u64) -> Target,
) -> CliResult<Vec<(u64, Step)>> {
    objects
        .iter()
        .map(|object| {
            let uid = object.get("uid").and_then(Value::as_u64).ok_or_else(|| {
                CliError::new(ExitKind::Failed, format!("a {what} object has no uid"))
            })?;
            let changes = changes_to(object, settings, &format!("{what}:{uid}"))?;
            Ok((
                uid,
                Step {
                    target: target(uid),
                    changes,
                    disruptive: false,
                },
            ))
        })
        .collect()
}

pub fn run_proxy(ctx: &Context, args: TuneObjectArgs) -> CliResult<()> {
    let selection = Selection::parse(&args.id, "proxy")?;
    let settings = parse_settings(
        PROXY_SETTINGS,
        &args.pairs,
        &format!("tune proxy {}", args.id),
    )?;
    let client = ctx.client()?;
    let one_path = match selection {
        Selection::One(uid) => proxy_path(uid),
        Selection::All => String::new(),
    };
    let proxies = selected(&client, selection, "/v1/proxies", one_path, "proxy")?;
    let steps = object_steps(&proxies, &settings, "proxy", Target::Proxy)?;
    // rladmin's report (RL/tune.md): `Configuring proxies:` then `  - proxy:<id>: ok`.
    let mut success_text = "Configuring proxies:".to_string();
    for (uid, _) in &steps {
        success_text.push_str(&format!("\n  - proxy:{uid}: ok"));
    }
    let subject = format!("proxy {}", args.id);
    let steps = steps.into_iter().map(|(_, step)| step).collect();
    change::execute(
        ctx,
        &client,
        &plan(subject, steps, success_text),
        &args.change,
    )
}

pub fn run_node(ctx: &Context, args: TuneObjectArgs) -> CliResult<()> {
    let selection = Selection::parse(&args.id, "node")?;
    let settings = parse_settings(
        NODE_SETTINGS,
        &args.pairs,
        &format!("tune node {}", args.id),
    )?;
    let client = ctx.client()?;
    let one_path = match selection {
        Selection::One(uid) => node_path(uid),
        Selection::All => String::new(),
    };
    let nodes = selected(&client, selection, "/v1/nodes", one_path, "node")?;
    let steps = object_steps(&nodes, &settings, "node", Target::Node)?;
    let steps = steps.into_iter().map(|(_, step)| step).collect();
    let plan = plan(
        format!("node {}", args.id),
        steps,
        "Finished successfully".to_string(),
    );
    change::execute(ctx, &client, &plan, &args.change)
}
