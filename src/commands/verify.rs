//! `verify db <db>`: read the REST view, then probe every seed and advertised address as a
//! cluster-aware client would, and report one line per check.

use serde::Serialize;

use crate::cli::verify::{VerifyArgs, VerifyTarget};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::ops::probe::{gather, probe_options};
use crate::output::print_json;
use crate::output::report::render_with_summary;
use crate::report::{Row, Summary};
use crate::resolve::DbRef;
use crate::topology::verify::verify;

#[derive(Serialize)]
struct VerifyDocument<'a> {
    db: &'a str,
    passed: bool,
    summary: Summary,
    checks: &'a [Row],
}

pub fn run(ctx: &Context, args: VerifyArgs) -> CliResult<()> {
    let VerifyTarget::Db { db, probe } = args.target;
    let db = DbRef::parse(&db)?;
    let client = ctx.client()?;
    let facts = gather(&client, &db)?;
    let options = probe_options(ctx.connection(), &probe, &facts)?;
    let report = verify(&facts.expected, &options);
    let counts = Summary::of(&report.checks);
    if ctx.json() {
        print_json(&VerifyDocument {
            db: &report.db,
            passed: report.passed(),
            summary: counts,
            checks: &report.checks,
        });
    } else {
        println!("{}:", facts.subject);
        print!("{}", render_with_summary(&report.checks));
    }
    if report.passed() {
        return Ok(());
    }
    Err(CliError::new(
        ExitKind::Failed,
        format!(
            "{} check(s) failed: cluster-aware clients of {} do not see the topology the REST \
             API describes",
            counts.fail, report.db
        ),
    ))
}
