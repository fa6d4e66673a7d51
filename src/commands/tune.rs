//! `tune db <db> <key> <value> [<key> <value> ...] [--fix]`, driven by the tunables table.

use serde_json::Value;

use crate::api::ApiClient;
use crate::change::{self, ChangePlan, FieldChange, Location, Step, Target, rebalance_changes};
use crate::checks::{Finding, FixChange, Origin, Severity};
use crate::cli::tune::{TuneArgs, TuneDbArgs, TuneTarget};
use crate::commands::{Context, tune_objects};
use crate::error::{CliError, CliResult};
use crate::resolve::{DbRef, ResolvedDb, resolve_db};
use crate::tunables::{self, SETTINGS, Setting};

/// Fields the OSS Cluster API rules look at: a plan touching one of them on a database that
/// would serve the API is checked.
const PREREQUISITE_FIELDS: [&str; 6] = [
    "oss_cluster",
    "proxy_policy",
    "include_proxies",
    "exclude_proxies",
    "shards_placement",
    "oss_cluster_api_preferred_ip_type",
];

/// Validated `tune db` arguments.
#[derive(Debug, PartialEq)]
pub struct TuneRequest {
    pub db: DbRef,
    pub settings: Vec<(&'static Setting, Value)>,
    /// Said on stderr: keys accepted for rladmin's sake that change nothing here.
    pub notes: Vec<&'static str>,
    pub fix: bool,
}

pub fn parse(args: &TuneDbArgs) -> CliResult<TuneRequest> {
    let db = DbRef::parse(&args.db)?;
    let parsed = tunables::parse_pairs(SETTINGS, &args.pairs, &format!("tune db {}", args.db))
        .map_err(CliError::usage)?;
    let enables_oss = parsed
        .settings
        .iter()
        .any(|(setting, value)| setting.field == "oss_cluster" && *value == Value::Bool(true));
    if args.fix && !enables_oss {
        return Err(CliError::usage(
            "--fix applies only to `oss_cluster enabled`: it fixes the prerequisites first",
        ));
    }
    Ok(TuneRequest {
        db,
        settings: parsed.settings,
        notes: parsed.notes,
        fix: args.fix,
    })
}

/// Prerequisite findings for the database after `changes`, when the rules apply to them.
pub fn gate(client: &ApiClient, bdb: &Value, changes: &[FieldChange]) -> CliResult<Vec<Finding>> {
    let touches_prerequisites = changes.iter().any(|change| match &change.location {
        Location::Bdb(field) | Location::Endpoint { field, .. } | Location::Node(field) => {
            PREREQUISITE_FIELDS.contains(&field.as_str())
        }
        // Where master shards are is a prerequisite too (`master_spread`).
        Location::Shard { .. } | Location::SlotRange { .. } => true,
        Location::Setting(_) => false,
    });
    if !touches_prerequisites {
        return Ok(Vec::new());
    }
    change::prerequisite_findings(client, bdb, changes, Origin::TuneDb)
}

/// The steps `--fix` adds before enabling: proxy policy first, then placement (the UI's order).
fn fix_steps(uid: u64, bdb: &Value, findings: &[Finding]) -> Vec<Step> {
    let mut fixes: Vec<&FixChange> = findings
        .iter()
        .filter_map(|finding| finding.fix.as_ref()?.change.as_ref())
        .collect();
    fixes.sort_by_key(|fix| matches!(fix, FixChange::ShardsPlacement(_)));
    fixes.dedup();
    let endpoint_uid = bdb
        .pointer("/endpoints/0/uid")
        .and_then(Value::as_str)
        .map(str::to_string);
    fixes
        .into_iter()
        .filter_map(|fix| {
            let (location, wanted, disruptive) = match (fix, &endpoint_uid) {
                (FixChange::ProxyPolicy(policy), Some(uid)) => (
                    Location::Endpoint {
                        uid: uid.clone(),
                        field: "proxy_policy".into(),
                    },
                    policy,
                    true,
                ),
                (FixChange::ProxyPolicy(policy), None) => {
                    (Location::Bdb("proxy_policy".into()), policy, true)
                }
                (FixChange::ShardsPlacement(placement), _) => {
                    (Location::Bdb("shards_placement".into()), placement, false)
                }
                // Planned from the cluster's blueprint: `rebalance_step`.
                (FixChange::Rebalance, _) => return None,
            };
            let change = FieldChange::against(bdb, location, Value::from(wanted.as_str()))?;
            Some(Step {
                target: Target::Bdb(uid),
                changes: vec![change],
                disruptive,
            })
        })
        .collect()
}

/// The rebalance `--fix` adds when the master shards sit on fewer nodes than they could: the
/// moves of the cluster's own blueprint for sparse placement (a placement change moves no
/// existing shard). `None` when the blueprint moves nothing.
fn rebalance_step(client: &ApiClient, uid: u64) -> CliResult<Option<Step>> {
    let (blueprint, _) = client.shards_blueprint(uid)?;
    let changes = rebalance_changes(&blueprint, &client.bdb_shards(uid)?);
    Ok((!changes.is_empty()).then_some(Step {
        target: Target::Rebalance {
            bdb: uid,
            blueprint,
        },
        changes,
        disruptive: true,
    }))
}

/// The plan for setting `settings` on one database (shared with `placement`).
pub fn plan_settings(
    client: &ApiClient,
    db: &ResolvedDb,
    settings: &[(&'static Setting, Value)],
    fix: bool,
    success_text: &str,
) -> CliResult<ChangePlan> {
    let bdb = client.bdb_json(db.uid)?;
    let changes: Vec<FieldChange> = settings
        .iter()
        .filter_map(|(setting, wanted)| {
            FieldChange::against(&bdb, Location::Bdb(setting.field.into()), wanted.clone())
        })
        .collect();
    let disruptive = changes.iter().any(|change| {
        settings.iter().any(|(setting, _)| {
            setting.disruptive && change.location == Location::Bdb(setting.field.into())
        })
    });
    let mut findings = gate(client, &bdb, &changes)?;
    let mut steps = Vec::new();
    if fix {
        steps = fix_steps(db.uid, &bdb, &findings);
        let wants_rebalance = findings.iter().any(|finding| {
            finding.fix.as_ref().and_then(|fix| fix.change.as_ref()) == Some(&FixChange::Rebalance)
        });
        if wants_rebalance {
            steps.extend(rebalance_step(client, db.uid)?);
        }
        if !steps.is_empty() {
            let all_changes: Vec<FieldChange> = steps
                .iter()
                .flat_map(|step| step.changes.iter().cloned())
                .chain(changes.iter().cloned())
                .collect();
            findings = gate(client, &bdb, &all_changes)?;
        }
    }
    steps.push(Step {
        target: Target::Bdb(db.uid),
        changes,
        disruptive,
    });
    let enables_oss = settings
        .iter()
        .any(|(setting, value)| setting.field == "oss_cluster" && *value == Value::Bool(true));
    let fixable = findings.iter().any(|finding| {
        finding.severity == Severity::Fail
            && finding.fix.as_ref().is_some_and(|fix| fix.change.is_some())
    });
    let refusal_hint = (enables_oss && fixable && !fix).then(|| {
        format!(
            "rsadmin can apply the fixable ones first: rsadmin tune db db:{} oss_cluster enabled --fix",
            db.uid
        )
    });
    Ok(ChangePlan {
        subject: db.subject(),
        steps,
        findings,
        success_text: success_text.to_string(),
        refusal_hint,
    })
}

pub fn run(ctx: &Context, args: TuneArgs) -> CliResult<()> {
    let args = match args.target {
        TuneTarget::Db(args) => args,
        TuneTarget::Cluster(args) => return tune_objects::run_cluster(ctx, args),
        TuneTarget::Proxy(args) => return tune_objects::run_proxy(ctx, args),
        TuneTarget::Node(args) => return tune_objects::run_node(ctx, args),
    };
    let request = parse(&args)?;
    print_notes(&request.notes);
    let client = ctx.client()?;
    let db = resolve_db(&client, &request.db)?;
    let plan = plan_settings(
        &client,
        &db,
        &request.settings,
        request.fix,
        "Finished successfully",
    )?;
    change::execute(ctx, &client, &plan, &args.change)
}

/// Notes about accepted keys that change nothing, on stderr (stdout stays rladmin's).
pub fn print_notes(notes: &[&str]) {
    for note in notes {
        eprintln!("note: {note}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ChangeArgs;
    use crate::error::ExitKind;
    use serde_json::json;

    fn args(words: &[&str], fix: bool) -> TuneDbArgs {
        TuneDbArgs {
            db: "db:1".into(),
            pairs: words.iter().map(|word| word.to_string()).collect(),
            fix,
            change: ChangeArgs {
                dry_run: false,
                timeout: 1,
            },
        }
    }

    #[test]
    fn parses_several_pairs() {
        let request = parse(&args(
            &["oss_cluster", "enabled", "max_connections", "10"],
            true,
        ))
        .unwrap();
        assert_eq!(request.settings.len(), 2);
        assert_eq!(request.settings[1].1, json!(10));
    }

    #[test]
    fn rejects_bad_input_with_the_valid_choices() {
        let err = parse(&args(&["bogus", "1"], false)).unwrap_err();
        assert_eq!(err.kind, ExitKind::Usage);
        assert!(
            err.message.starts_with(
                "unknown key \"bogus\" for tune db. Valid keys: slave_buffer, repl_backlog, \
                 master_persistence, maxclients"
            ),
            "{}",
            err.message
        );
        let err = parse(&args(&["oss_cluster", "yes"], false)).unwrap_err();
        assert_eq!(
            err.message,
            "invalid value \"yes\" for oss_cluster: expected enabled|disabled"
        );
        assert!(parse(&args(&["oss_cluster"], false)).is_err());
        assert!(parse(&args(&["max_connections", "1"], true)).is_err());
        assert!(parse(&args(&["mkms", "enabled", "mkms", "disabled"], false)).is_err());
    }

    #[test]
    fn fix_steps_put_proxy_policy_before_placement() {
        let bdb = json!({"uid": 1, "proxy_policy": "single", "shards_placement": "dense",
                         "endpoints": [{"uid": "1:1", "proxy_policy": "single"}]});
        let fix = |change| {
            Finding::new(crate::report::Rule::ProxyPolicy, Severity::Fail).fix(crate::checks::Fix {
                command: String::new(),
                change: Some(change),
            })
        };
        let findings = vec![
            fix(FixChange::ShardsPlacement("sparse".into())),
            fix(FixChange::ProxyPolicy("all-master-shards".into())),
        ];
        let steps = fix_steps(1, &bdb, &findings);
        assert_eq!(steps.len(), 2);
        assert_eq!(
            steps[0].body(),
            json!({"endpoint": "1:1", "proxy_policy": "all-master-shards"})
        );
        assert_eq!(steps[1].body(), json!({"shards_placement": "sparse"}));
    }
}
