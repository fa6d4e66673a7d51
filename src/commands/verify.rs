//! `verify db <db>`: read the REST view, then probe every seed and advertised address as a
//! cluster-aware client would, and report one line per check.

use std::time::Duration;

use serde::Serialize;

use crate::api::ApiClient;
use crate::api::client::bdb_path;
use crate::api::models::{Bdb, Node, Shard, cluster_version};
use crate::checks::Severity;
use crate::cli::verify::{ProbeArgs, VerifyArgs, VerifyTarget};
use crate::commands::Context;
use crate::config;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::print_json;
use crate::resolve::{DbRef, resolve_db};
use crate::sanitize::one_line;
use crate::topology::connection::{ConnectSettings, DbCredentials, TlsSettings, tls_client_config};
use crate::topology::expected::ExpectedTopology;
use crate::topology::verify::{VerifyCheck, VerifyOptions, VerifyReport, verify};

/// Everything the REST API says about one database that verify and doctor need.
pub struct DatabaseFacts {
    pub subject: String,
    pub bdb: Bdb,
    pub nodes: Vec<Node>,
    pub shards: Vec<Shard>,
    pub cluster_version: Option<String>,
    pub expected: ExpectedTopology,
}

pub fn gather(client: &ApiClient, db: &DbRef) -> CliResult<DatabaseFacts> {
    let resolved = resolve_db(client, db)?;
    let bdb: Bdb = client.get(&bdb_path(resolved.uid))?;
    let nodes = client.nodes()?;
    let shards = client.bdb_shards(resolved.uid)?;
    let expected = ExpectedTopology::from_rest(&bdb, &nodes, &shards)
        .map_err(|err| CliError::new(ExitKind::Failed, err))?;
    Ok(DatabaseFacts {
        subject: resolved.subject(),
        cluster_version: cluster_version(&nodes).map(str::to_string),
        bdb,
        nodes,
        shards,
        expected,
    })
}

/// How to reach the database as a client; the password comes from the environment or the
/// profile (`config::db_password`), never from a flag, so never from process arguments.
pub fn probe_options(
    ctx: &Context,
    probe: &ProbeArgs,
    facts: &DatabaseFacts,
) -> CliResult<VerifyOptions> {
    let tls = if facts.expected.tls {
        let ca = probe.db_ca_cert.as_ref().ok_or_else(|| {
            CliError::usage(format!(
                "{} uses TLS: pass --db-ca-cert PATH (or RSADMIN_DB_CA_CERT) with the CA of the \
                 database certificates",
                facts.subject
            ))
        })?;
        Some(TlsSettings {
            config: tls_client_config(ca).map_err(CliError::usage)?,
            server_name: facts
                .expected
                .seeds
                .iter()
                .find(|seed| seed.is_dns_name)
                .map(|seed| seed.address.host.clone()),
        })
    } else {
        None
    };
    let credentials =
        config::db_password(ctx.connection(), facts.bdb.uid)?.map(|password| DbCredentials {
            user: probe.db_user.clone(),
            password,
        });
    Ok(VerifyOptions {
        connect: ConnectSettings {
            timeout: Duration::from_secs_f64(probe.probe_timeout),
            tls,
            credentials,
        },
        write_probe: probe.write_probe,
    })
}

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
    let options = probe_options(ctx, &probe, &facts)?;
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
