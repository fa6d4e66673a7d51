//! `crdb health-report --crdb-guid <guid>`: `GET /v1/crdbs/<guid>/health_report`
//! (R:requests/crdbs/health_report.md), printed as crdb-cli prints it (CC/crdb/health-report.md):
//! two-space indents, no space after `:`, `/` escaped as `\/`. `-o json` prints the array as
//! the cluster sent it.

use serde_json::Value;

use super::unknown_guid;
use crate::commands::Context;
use crate::error::CliResult;
use crate::output;

pub fn run(ctx: &Context, guid: &str) -> CliResult<()> {
    let client = ctx.client()?;
    let report = client
        .crdb_health_report(guid)
        .map_err(unknown_guid(guid))?;
    if ctx.json() {
        output::print_json(&report);
    } else {
        let mut text = String::new();
        crdb_cli_json(&report, 0, &mut text);
        println!("{text}");
    }
    Ok(())
}

/// crdb-cli's JSON layout. Depth is bounded by the JSON parser's own nesting limit.
fn crdb_cli_json(value: &Value, indent: usize, out: &mut String) {
    let pad = |level: usize| " ".repeat(level);
    match value {
        Value::String(text) => {
            out.push_str(&Value::String(text.clone()).to_string().replace('/', "\\/"));
        }
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                out.push_str(&pad(indent + 2));
                crdb_cli_json(item, indent + 2, out);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        Value::Object(fields) if !fields.is_empty() => {
            out.push_str("{\n");
            for (index, (key, field)) in fields.iter().enumerate() {
                out.push_str(&pad(indent + 2));
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                crdb_cli_json(field, indent + 2, out);
                out.push_str(if index + 1 < fields.len() {
                    ",\n"
                } else {
                    "\n"
                });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_crdb_clis() {
        let value =
            serde_json::json!([{"a": {"url": "https://c1:9443"}, "b": [], "c": null, "d": 1}]);
        let mut text = String::new();
        crdb_cli_json(&value, 0, &mut text);
        assert_eq!(
            text,
            "[\n  {\n    \"a\":{\n      \"url\":\"https:\\/\\/c1:9443\"\n    },\n    \"b\":[],\n    \"c\":null,\n    \"d\":1\n  }\n]"
        );
    }
}
