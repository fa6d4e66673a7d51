//! `doctor db <db>`: runs `check` and `verify`, then maps what they found to the OSS Cluster API
//! troubleshooting table, each row with the fix.

use serde::Serialize;

use crate::checks::diagnosis::{DoctorInput, diagnose};
use crate::checks::{CheckInput, Finding, Origin, oss_cluster_prerequisites};
use crate::cli::doctor::{DoctorArgs, DoctorTarget};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::ops::probe::{gather, probe_options};
use crate::output::print_json;
use crate::output::report::{render_rows, render_with_summary};
use crate::report::{Row, Severity, Summary};
use crate::resolve::DbRef;
use crate::topology::compat::probe_client_compatibility;
use crate::topology::verify::{VerifyReport, verify};

#[derive(Serialize)]
struct DoctorDocument<'a> {
    db: &'a str,
    passed: bool,
    diagnoses: &'a [Row],
    prerequisites: &'a [Finding],
    verify: &'a VerifyReport,
    verify_summary: Summary,
}

pub fn run(ctx: &Context, args: DoctorArgs) -> CliResult<()> {
    let DoctorTarget::Db { db, keys, probe } = args.target;
    let db = DbRef::parse(&db)?;
    let client = ctx.client()?;
    let facts = gather(&client, &db)?;
    let options = probe_options(ctx.connection(), &probe, &facts)?;
    let prerequisites = oss_cluster_prerequisites(&CheckInput {
        bdb: &facts.bdb,
        nodes: &facts.nodes,
        shards: &facts.shards,
        cluster_version: facts.cluster_version.as_deref(),
        origin: Origin::CheckDb,
    });
    let report = verify(&facts.expected, &options);
    // One bound proxy is enough: every proxy of the database runs the same code.
    let compatibility = facts
        .expected
        .seeds
        .iter()
        .find(|seed| !seed.is_dns_name)
        .and_then(|seed| probe_client_compatibility(&seed.address, &options.connect).ok());
    let master_nodes: Vec<u64> = facts
        .expected
        .masters
        .iter()
        .map(|master| master.node_uid)
        .collect();
    let diagnoses = diagnose(&DoctorInput {
        bdb: &facts.bdb,
        nodes: &facts.nodes,
        prerequisites: &prerequisites,
        verify: &report,
        keys: &keys,
        master_nodes: &master_nodes,
        compatibility: compatibility.as_ref(),
    });
    let failed = diagnoses
        .iter()
        .filter(|diagnosis| diagnosis.severity == Severity::Fail)
        .count();
    if ctx.json() {
        print_json(&DoctorDocument {
            db: &report.db,
            passed: failed == 0,
            diagnoses: &diagnoses,
            prerequisites: &prerequisites,
            verify: &report,
            verify_summary: Summary::of(&report.checks),
        });
    } else {
        println!("{}:", facts.subject);
        print!("{}", render_rows(&diagnoses));
        println!("verify:");
        print!("{}", render_with_summary(&report.checks));
    }
    if failed == 0 {
        return Ok(());
    }
    Err(CliError::new(
        ExitKind::Failed,
        format!(
            "doctor found {failed} problem(s) with {}; each FAIL line names its fix",
            report.db
        ),
    ))
}
