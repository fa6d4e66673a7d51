//! `check db <db>`: the OSS Cluster API prerequisite report, one line per rule with the command
//! that fixes it. Exit 0 when the API can be enabled, 3 when not.

use serde::Serialize;

use crate::api::models::{Bdb, cluster_version};
use crate::checks::{self, CheckInput, Finding, Origin};
use crate::cli::check::{CheckArgs, CheckTarget};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::print_json;
use crate::output::report::render_rows;
use crate::report::Severity;
use crate::resolve::{DbRef, ResolvedDb, fetch_db};

#[derive(Serialize)]
struct CheckReport<'a> {
    subject: &'a str,
    can_enable: bool,
    findings: &'a [Finding],
}

pub fn run(ctx: &Context, args: CheckArgs) -> CliResult<()> {
    let CheckTarget::Db { db } = args.target;
    let db = DbRef::parse(&db)?;
    let client = ctx.client()?;
    let bdb: Bdb = fetch_db(&client, &db, "")?;
    let resolved = ResolvedDb {
        uid: bdb.uid,
        name: bdb.name.clone(),
    };
    let nodes = client.nodes()?;
    let shards = client.bdb_shards(resolved.uid)?;
    let findings = checks::oss_cluster_prerequisites(&CheckInput {
        bdb: &bdb,
        nodes: &nodes,
        shards: &shards,
        cluster_version: cluster_version(&nodes),
        origin: Origin::CheckDb,
    });
    let can_enable = checks::can_enable(&findings);
    let subject = resolved.subject();
    if ctx.json() {
        print_json(&CheckReport {
            subject: &subject,
            can_enable,
            findings: &findings,
        });
    } else {
        print!("{}", render_rows(&findings));
    }
    if can_enable {
        if !ctx.json() {
            println!("{subject}: the OSS Cluster API can be enabled");
        }
        return Ok(());
    }
    let failing = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Fail)
        .count();
    Err(CliError::new(
        ExitKind::Refused,
        format!(
            "{subject}: the OSS Cluster API cannot be enabled: {failing} prerequisite(s) not met \
             (rsadmin tune db db:{} oss_cluster enabled --fix applies the fixable ones)",
            resolved.uid
        ),
    ))
}
