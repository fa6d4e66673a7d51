//! `bind`: one endpoint field (`proxy_policy`, `include_proxies`, `exclude_proxies`) of one
//! database, gated on the OSS Cluster API prerequisites like `tune db`.

use serde_json::Value;

use crate::api::ApiClient;
use crate::error::{CliError, CliResult, ExitKind};
use crate::field_change::{FieldChange, Location};
use crate::ops::gate;
use crate::plan::{ChangePlan, Step};
use crate::resolve::ResolvedDb;

/// What `bind` sets on which endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// `<db>:<n>`.
    pub endpoint: String,
    pub field: &'static str,
    pub wanted: Value,
}

/// The plan for `binding` on database `db`: one `GET` of the database, and of the nodes and
/// shards when the prerequisites apply.
pub fn plan(client: &ApiClient, db: &ResolvedDb, binding: &Binding) -> CliResult<ChangePlan> {
    let bdb = client.bdb_json(db.uid)?;
    let location = Location::Endpoint {
        bdb: db.uid,
        endpoint: binding.endpoint.clone(),
        field: binding.field,
    };
    if !has_endpoint(&bdb, &binding.endpoint) {
        return Err(CliError::new(
            ExitKind::NotFound,
            format!(
                "endpoint {} not found on {}. `rsadmin status endpoints` lists the endpoints.",
                binding.endpoint,
                db.subject()
            ),
        ));
    }
    let changes: Vec<FieldChange> =
        FieldChange::against(&bdb, location, None, binding.wanted.clone())
            .into_iter()
            .collect();
    let (findings, _) = gate::check(client, db.uid, &bdb, &changes)?;
    Ok(ChangePlan {
        findings,
        ..ChangePlan::new(db.subject(), Step::updates(changes))
    })
}

fn has_endpoint(bdb: &Value, uid: &str) -> bool {
    bdb.get("endpoints")
        .and_then(Value::as_array)
        .is_some_and(|endpoints| {
            endpoints
                .iter()
                .any(|endpoint| endpoint.get("uid").and_then(Value::as_str) == Some(uid))
        })
}
