//! Report rows as text and JSON. Each family of checks keeps the layout and the JSON keys scripts
//! already parse: rules `{rule, severity, message, fix}`, probes `{check, severity, subject, seen,
//! expected, fix}`, problems `{problem, severity, finding, fix}`.

use serde::{Serialize, Serializer};

use crate::report::{Check, FixCommand, Row, Severity, Summary};
use crate::sanitize::one_line;

/// One line per row: `LABEL name body. Fix: command`, names aligned in a column for rules and
/// probes, `LABEL problem: finding` for problems.
pub fn render_rows<F: FixCommand>(rows: &[Row<F>]) -> String {
    let width = rows
        .iter()
        .map(|row| row.check.name().len())
        .max()
        .unwrap_or(0);
    rows.iter().map(|row| render_row(row, width)).collect()
}

fn render_row<F: FixCommand>(row: &Row<F>, width: usize) -> String {
    let name = row.check.name();
    let mut body = match row.check {
        Check::Rule(_) => format!("{name:<width$} {}", row.message),
        Check::Probe(_) => {
            // A probe's message may quote what a probed server answered: one line, no control
            // characters.
            let mut body = format!(
                "{name:<width$} {}: {}",
                one_line(&row.subject),
                one_line(&row.message)
            );
            if row.severity != Severity::Ok {
                body.push_str(&format!("; expected {}", one_line(&row.expected)));
            }
            body
        }
        Check::Problem(_) => format!("{name}: {}", row.message),
    };
    if let Some(fix) = &row.fix {
        body.push_str(&format!(". Fix: {}", fix.command()));
    }
    format!("{:<4} {body}\n", row.severity.label())
}

/// Every row, then `summary: N OK, N WARN, N FAIL`.
pub fn render_with_summary<F: FixCommand>(rows: &[Row<F>]) -> String {
    let counts = Summary::of(rows);
    format!(
        "{}summary: {} OK, {} WARN, {} FAIL\n",
        render_rows(rows),
        counts.ok,
        counts.warn,
        counts.fail
    )
}

/// The rows of a refusal inside an error message: indented, the fix on its own line.
pub fn render_refusal<F: FixCommand>(rows: &[Row<F>]) -> String {
    rows.iter()
        .map(|row| {
            let fix = row
                .fix
                .as_ref()
                .map(|fix| format!("\n    Fix: {}", fix.command()))
                .unwrap_or_default();
            format!(
                "  {} {}: {}{fix}",
                row.severity.label(),
                row.check.name(),
                row.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Serialize)]
struct RuleJson<'a, F> {
    rule: &'static str,
    severity: Severity,
    message: &'a str,
    fix: &'a Option<F>,
}

#[derive(Serialize)]
struct ProbeJson<'a, F> {
    check: &'static str,
    severity: Severity,
    subject: &'a str,
    seen: &'a str,
    expected: &'a str,
    fix: &'a Option<F>,
}

#[derive(Serialize)]
struct ProblemJson<'a, F> {
    problem: &'static str,
    severity: Severity,
    finding: &'a str,
    fix: &'a Option<F>,
}

impl<F: Serialize> Serialize for Row<F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (severity, fix) = (self.severity, &self.fix);
        match self.check {
            Check::Rule(rule) => RuleJson {
                rule: rule.name(),
                severity,
                message: &self.message,
                fix,
            }
            .serialize(serializer),
            Check::Probe(probe) => ProbeJson {
                check: probe.name(),
                severity,
                subject: &self.subject,
                seen: &self.message,
                expected: &self.expected,
                fix,
            }
            .serialize(serializer),
            Check::Problem(problem) => ProblemJson {
                problem: problem.name(),
                severity,
                finding: &self.message,
                fix,
            }
            .serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Probe, Problem, Rule};

    fn rule_rows() -> Vec<Row> {
        vec![
            Row::new(Rule::Sharding, Severity::Ok).message("db:1 is sharded"),
            Row::new(Rule::ShardsPlacement, Severity::Warn)
                .message("db:1 uses shard placement \"dense\"")
                .fix("rsadmin tune db db:1 shards_placement sparse".to_string()),
        ]
    }

    #[test]
    fn rules_align_their_names() {
        assert_eq!(
            render_rows(&rule_rows()),
            "OK   sharding         db:1 is sharded\n\
             WARN shards_placement db:1 uses shard placement \"dense\". Fix: rsadmin tune db \
             db:1 shards_placement sparse\n"
        );
    }

    #[test]
    fn probes_show_subject_and_expected_when_not_ok() {
        let rows: Vec<Row> = vec![
            Row::new(Probe::Reachable, Severity::Ok)
                .subject("127.0.1.1:12000")
                .message("PONG")
                .expected("PONG"),
            Row::new(Probe::Moved, Severity::Fail)
                .subject("127.0.1.1:12000 slot 5")
                .message("nil\r\n")
                .expected("-MOVED 5 127.0.1.2:12000")
                .fix("reconnect".to_string()),
        ];
        assert_eq!(
            render_with_summary(&rows),
            "OK   reachable 127.0.1.1:12000: PONG\n\
             FAIL moved     127.0.1.1:12000 slot 5: nil; expected -MOVED 5 127.0.1.2:12000. \
             Fix: reconnect\n\
             summary: 1 OK, 0 WARN, 1 FAIL\n"
        );
    }

    #[test]
    fn problems_print_their_title() {
        let rows: Vec<Row> =
            vec![Row::new(Problem::NotClusterAware, Severity::Ok).message("use redis-cli -c")];
        assert_eq!(
            render_rows(&rows),
            "OK   Tools that are not cluster-aware: use redis-cli -c\n"
        );
    }

    #[test]
    fn refusal_puts_each_fix_on_its_own_line() {
        let rows: Vec<Row> = vec![
            Row::new(Rule::ProxyPolicy, Severity::Fail)
                .message("crdb x uses proxy policy \"single\"")
                .fix("add --proxy-policy all-master-shards".to_string()),
            Row::new(Rule::Modules, Severity::Fail).message("crdb x uses RedisGears"),
        ];
        assert_eq!(
            render_refusal(&rows),
            "  FAIL proxy_policy: crdb x uses proxy policy \"single\"\n    Fix: add \
             --proxy-policy all-master-shards\n  FAIL modules: crdb x uses RedisGears"
        );
    }

    #[test]
    fn each_family_keeps_its_json_keys_in_order() {
        let probe: Row = Row::new(Probe::Routing, Severity::Fail)
            .subject("s")
            .message("m")
            .expected("e");
        let problem: Row = Row::new(Problem::Prerequisites, Severity::Ok).message("m");
        assert_eq!(
            serde_json::to_string(&[&rule_rows()[1], &probe, &problem]).unwrap(),
            concat!(
                r#"[{"rule":"shards_placement","severity":"WARN","#,
                r#""message":"db:1 uses shard placement \"dense\"","#,
                r#""fix":"rsadmin tune db db:1 shards_placement sparse"},"#,
                r#"{"check":"routing","severity":"FAIL","subject":"s","seen":"m","#,
                r#""expected":"e","fix":null},"#,
                r#"{"problem":"Prerequisites","severity":"OK","finding":"m","fix":null}]"#
            )
        );
    }
}
