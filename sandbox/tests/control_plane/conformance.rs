//! The sandbox answers like the captured real cluster: every key of each fixture is present with
//! the same JSON type (recursively; arrays compare element shapes). Every captured answer is
//! compared (`route_inventory.json` is evidence about routes, not an answer).

use crate::support::{fixture, sandbox_with_api};
use serde_json::{Value, json};

/// Differences in shape between `expected` (a captured response) and `actual`, as JSON paths.
fn shape_mismatches(expected: &Value, actual: &Value, path: &str) -> Vec<String> {
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => expected
            .iter()
            .flat_map(|(key, expected_value)| match actual.get(key) {
                None => vec![format!("{path}.{key}: missing")],
                Some(actual_value) => {
                    shape_mismatches(expected_value, actual_value, &format!("{path}.{key}"))
                }
            })
            .collect(),
        (Value::Array(expected), Value::Array(actual)) => {
            match (expected.first(), actual.first()) {
                (Some(expected_element), Some(_)) => actual
                    .iter()
                    .enumerate()
                    .flat_map(|(index, element)| {
                        shape_mismatches(expected_element, element, &format!("{path}[{index}]"))
                    })
                    .collect(),
                _ => Vec::new(),
            }
        }
        (Value::Number(expected), Value::Number(actual))
            if expected.is_f64() != actual.is_f64() =>
        {
            vec![format!(
                "{path}: expected {expected} (float: {}), got {actual}",
                expected.is_f64()
            )]
        }
        _ if std::mem::discriminant(expected) != std::mem::discriminant(actual) => {
            vec![format!(
                "{path}: expected a value like {expected}, got {actual}"
            )]
        }
        _ => Vec::new(),
    }
}

#[test]
fn shape_comparison_reports_missing_keys_and_wrong_types() {
    let captured =
        json!({"uid": 1, "endpoints": [{"uid": "1:1", "addr": ["10.0.0.1"]}], "size": 1.0});
    let wrong = json!({"uid": "1", "endpoints": [{"addr": [7]}], "size": 1});
    assert_eq!(
        shape_mismatches(&captured, &wrong, "$"),
        vec![
            "$.endpoints[0].addr[0]: expected a value like \"10.0.0.1\", got 7",
            "$.endpoints[0].uid: missing",
            "$.size: expected 1.0 (float: true), got 1",
            "$.uid: expected a value like 1, got \"1\"",
        ]
    );
    assert!(shape_mismatches(&captured, &captured, "$").is_empty());
}

#[test]
fn responses_have_every_captured_key_with_the_same_type() {
    let (_dir, _sandbox, api) = sandbox_with_api();
    // One change, so the action list holds a state machine to compare.
    let (status, _) = api.put("/v1/bdbs/1", r#"{"max_connections": 5}"#);
    assert_eq!(status, 200);
    api.wait_for_status(1, "active");
    let cases = [
        ("/v1/bdbs", "bdbs_list.json"),
        ("/v1/nodes/1", "node_single.json"),
        ("/v1/crdbs", "crdbs_list.json"),
        ("/v1/actions", "actions_list.json"),
        ("/v1/bdbs/1", "bdb_single.json"),
        ("/v1/shards", "shards_list.json"),
        ("/v1/bdbs/1/shards", "shards_list.json"),
        ("/v1/nodes", "nodes_list.json"),
        ("/v1/proxies", "proxies_list.json"),
        ("/v1/cluster", "cluster_trimmed.json"),
    ];
    for (path, fixture_name) in cases {
        let (status, body) = api.get(path);
        assert_eq!(status, 200, "GET {path}: {body}");
        let mismatches = shape_mismatches(&fixture(fixture_name), &body, "$");
        assert!(
            mismatches.is_empty(),
            "GET {path} differs from {fixture_name}:\n{}",
            mismatches.join("\n")
        );
    }
}

#[test]
fn every_captured_answer_is_compared() {
    let source = include_str!("conformance.rs");
    for entry in std::fs::read_dir(crate::support::fixtures_dir()).expect("fixtures") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".json") && name != "route_inventory.json" {
            assert!(
                source.contains(&format!("\"{name}\")")),
                "{name} is compared with no sandbox answer"
            );
        }
    }
}
