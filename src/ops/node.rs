//! `node <id> external_addr add|set|remove <ip>...`: one `GET` of the node, the list after the
//! operation, one `PUT /v1/nodes/<id> {"external_addr": [...]}` when it differs.

use serde_json::{Value, json};

use crate::api::ApiClient;
use crate::cli::node::AddressOperation;
use crate::error::CliResult;
use crate::field_change::{FieldChange, Location};
use crate::plan::{ChangePlan, Step};
use crate::resolve::fetch_node;

/// The list after the operation; order kept, no duplicates.
fn updated_list(
    current: &[String],
    operation: AddressOperation,
    addresses: &[String],
) -> Vec<String> {
    match operation {
        AddressOperation::Set => {
            let mut list: Vec<String> = Vec::new();
            for address in addresses {
                if !list.contains(address) {
                    list.push(address.clone());
                }
            }
            list
        }
        AddressOperation::Add => {
            let mut list = current.to_vec();
            for address in addresses {
                if !list.contains(address) {
                    list.push(address.clone());
                }
            }
            list
        }
        AddressOperation::Remove => current
            .iter()
            .filter(|address| !addresses.contains(address))
            .cloned()
            .collect(),
    }
}

/// The plan of `operation` with `addresses` on node `uid`.
pub fn external_addr(
    client: &ApiClient,
    uid: u64,
    operation: AddressOperation,
    addresses: &[String],
) -> CliResult<ChangePlan> {
    let node = fetch_node(client, uid)?;
    let wanted = updated_list(&node.external_addr, operation, addresses);
    let current = json!({ "external_addr": node.external_addr });
    let location = Location::Node {
        node: uid,
        field: "external_addr",
    };
    let changes: Vec<FieldChange> =
        FieldChange::against(&current, location, None, Value::from(wanted))
            .into_iter()
            .collect();
    Ok(ChangePlan::new(
        format!("node:{uid}"),
        Step::updates(changes),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::words;

    #[test]
    fn operations_update_the_list() {
        let current = words("10.0.0.1");
        assert_eq!(
            updated_list(&current, AddressOperation::Add, &words("10.0.0.2 10.0.0.1")),
            words("10.0.0.1 10.0.0.2")
        );
        assert_eq!(
            updated_list(&current, AddressOperation::Remove, &words("10.0.0.1")),
            Vec::<String>::new()
        );
        assert_eq!(
            updated_list(&current, AddressOperation::Set, &words("10.0.0.3")),
            words("10.0.0.3")
        );
    }
}
