//! `verify db <db>`: read the REST view, then probe every seed and advertised address as a
//! cluster-aware client would, and report one line per check.

use serde::Serialize;

use crate::checks::Severity;
use crate::cli::verify::{VerifyArgs, VerifyTarget};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::ops::probe::{gather, probe_options};
use crate::output::print_json;
use crate::resolve::DbRef;
use crate::sanitize::one_line;
use crate::topology::verify::{VerifyCheck, VerifyReport, verify};

#[derive(Serialize)]
struct VerifyDocument<'a> {
    db: &'a str,
    passed: bool,
    summary: Summary,
    checks: &'a [VerifyCheck],
}

#[derive(Serialize)]
pub struct Summary {
    pub ok: usize,
    pub warn: usize,
    pub fail: usize,
}

pub fn summary(report: &VerifyReport) -> Summary {
    Summary {
        ok: report.count(Severity::Ok),
        warn: report.count(Severity::Warn),
        fail: report.count(Severity::Fail),
    }
}

pub fn run(ctx: &Context, args: VerifyArgs) -> CliResult<()> {
    let VerifyTarget::Db { db, probe } = args.target;
    let db = DbRef::parse(&db)?;
    let client = ctx.client()?;
    let facts = gather(&client, &db)?;
    let options = probe_options(ctx.connection(), &probe, &facts)?;
    let report = verify(&facts.expected, &options);
    let counts = summary(&report);
    if ctx.json() {
        print_json(&VerifyDocument {
            db: &report.db,
            passed: report.passed(),
            summary: summary(&report),
            checks: &report.checks,
        });
    } else {
        println!("{}:", facts.subject);
        print!("{}", render_report(&report));
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

/// Every check line, then `summary: N OK, N WARN, N FAIL`.
pub fn render_report(report: &VerifyReport) -> String {
    let counts = summary(report);
    format!(
        "{}summary: {} OK, {} WARN, {} FAIL\n",
        render_checks(&report.checks),
        counts.ok,
        counts.warn,
        counts.fail
    )
}

/// `OK   check subject: seen`, and for WARN/FAIL also what was expected and the fix; one line
/// per check so scripts can grep it.
fn render_checks(checks: &[VerifyCheck]) -> String {
    let width = checks
        .iter()
        .map(|check| check.check.len())
        .max()
        .unwrap_or(0);
    checks
        .iter()
        .map(|check| {
            // `seen` may quote what a probed server answered: one line, no control characters.
            let mut body = format!(
                "{:<width$} {}: {}",
                check.check,
                one_line(&check.subject),
                one_line(&check.seen)
            );
            if check.severity != Severity::Ok {
                body.push_str(&format!("; expected {}", one_line(&check.expected)));
            }
            report_line(check.severity, &body, check.fix.as_deref())
        })
        .collect()
}

/// One report line as `check db` prints them: `LABEL body. Fix: command`.
pub fn report_line(severity: Severity, body: &str, fix: Option<&str>) -> String {
    match fix {
        Some(fix) => format!("{:<4} {body}. Fix: {fix}\n", severity.label()),
        None => format!("{:<4} {body}\n", severity.label()),
    }
}
