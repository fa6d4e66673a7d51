//! Every REST route rsadmin calls exists on the Redis Software versions it supports (7.4 and
//! later), by the route inventory probed on live clusters (`tests/fixtures/captured/
//! route_inventory.json`): the routes are observed in the sandbox's request log while a
//! representative set of commands runs, so a new call is checked without being listed here.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::{ENABLE_OSS_CLUSTER, Sandbox};

const SUPPORTED_VERSIONS: [&str; 5] = ["7.4", "7.8", "7.22", "8.0", "8.2"];

fn inventory() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/captured/route_inventory.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("route inventory")).expect("JSON")
}

/// Whether `path` (no query) fits `template` (`/v1/bdbs/{uid}`): same segments, `{...}` any.
fn fits(template: &str, path: &str) -> bool {
    let template: Vec<&str> = template.split('/').collect();
    let path: Vec<&str> = path.split('/').collect();
    template.len() == path.len()
        && template.iter().zip(&path).all(|(expected, actual)| {
            expected == actual || (expected.starts_with('{') && expected.ends_with('}'))
        })
}

/// The inventory routes a request fits, preferring literal segments (`/v1/nodes/status` over
/// `/v1/nodes/{uid}`); a problem when none fits or the route is absent on a supported version.
fn check(inventory: &Value, method: &str, path: &str) -> Result<String, String> {
    let routes = inventory["routes"].as_object().expect("routes");
    let mut fitting: Vec<(&String, &Value)> = routes
        .iter()
        .filter(|(route, _)| {
            route
                .split_once(' ')
                .is_some_and(|(route_method, template)| {
                    route_method == method && fits(template, path)
                })
        })
        .collect();
    fitting.sort_by_key(|(route, _)| route.matches('{').count());
    let (route, versions) = fitting
        .first()
        .ok_or_else(|| format!("{method} {path}: in no route of the inventory"))?;
    let absent: Vec<&str> = SUPPORTED_VERSIONS
        .iter()
        .copied()
        .filter(|version| {
            versions[*version]
                .as_str()
                .is_none_or(|state| state.starts_with("absent"))
        })
        .collect();
    if absent.is_empty() {
        Ok((*route).clone())
    } else {
        Err(format!("{route}: absent on {absent:?}"))
    }
}

#[test]
fn route_matching_prefers_literal_segments_and_reports_absent_versions() {
    let inventory = inventory();
    assert_eq!(
        check(&inventory, "GET", "/v1/nodes/status"),
        Ok("GET /v1/nodes/status".into())
    );
    assert_eq!(
        check(&inventory, "GET", "/v1/bdbs/7"),
        Ok("GET /v1/bdbs/{uid}".into())
    );
    assert!(
        check(&inventory, "GET", "/v1/bdbs/1/availability").is_err(),
        "absent on 7.4"
    );
    assert!(check(&inventory, "GET", "/v1/no/such/route").is_err());
}

#[test]
fn every_route_rsadmin_calls_exists_on_supported_versions() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let commands: [&[&str]; 14] = [
        &["status"],
        &["status", "extra", "all"],
        &["info", "db", "db:1"],
        &["info", "cluster"],
        &["info", "node", "1"],
        &["check", "db", "db:1"],
        &["tune", "db", "db:1", "max_connections", "7"],
        &["tune", "db", "db:1", "max_connections", "8", "--dry-run"],
        &[
            "bind",
            "db",
            "db:1",
            "endpoint",
            "1:1",
            "policy",
            "all-master-shards",
            "-y",
        ],
        &["placement", "db", "db:1", "sparse", "-y"],
        &["node", "1", "external_addr", "set", "127.0.2.1"],
        &["crdb", "list"],
        &["task", "list"],
        &ENABLE_OSS_CLUSTER,
    ];
    for args in commands {
        // `check` reports unmet prerequisites with a non-zero code; usage errors send nothing.
        let run = sandbox.rsadmin(args);
        assert!(
            matches!(run.code, 0 | 1 | 3),
            "rsadmin {args:?}: {}",
            run.stderr
        );
    }
    let inventory = inventory();
    let mut used = BTreeSet::new();
    let mut problems = Vec::new();
    for request in sandbox.requests() {
        let path = request.path.split('?').next().unwrap_or_default();
        match check(&inventory, &request.method, path) {
            Ok(route) => {
                used.insert(route);
            }
            Err(problem) => problems.push(problem),
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(used.contains("GET /v1/actions/{uid}"), "{used:?}");
    assert!(used.len() >= 8, "{used:?}");
}
