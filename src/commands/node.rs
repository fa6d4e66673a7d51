//! `node <id> external_addr add|set|remove <ip>...`: `PUT /v1/nodes/<id> {"external_addr": [...]}`.

use std::net::IpAddr;

use serde_json::Value;

use crate::cli::node::{AddressOperation, NodeAction, NodeArgs};
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::ops::execute::execute;
use crate::ops::field::{FieldChange, Location};
use crate::ops::plan::{ChangePlan, Step};
use crate::output::plan::Done;
use crate::resolve::fetch_node;

fn parse_addresses(raw: &[String]) -> CliResult<Vec<String>> {
    raw.iter()
        .map(|text| {
            text.parse::<IpAddr>()
                .map(|ip| ip.to_string())
                .map_err(|_| {
                    CliError::usage(format!(
                        "invalid IP address {text:?}: expected e.g. 203.0.113.7"
                    ))
                })
        })
        .collect()
}

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

pub fn run(ctx: &Context, args: NodeArgs) -> CliResult<()> {
    let NodeAction::ExternalAddr {
        operation,
        addresses,
        change,
    } = args.action;
    let addresses = parse_addresses(&addresses)?;
    let client = ctx.client()?;
    let node = fetch_node(&client, args.id)?;
    let wanted = updated_list(&node.external_addr, operation, &addresses);
    let current = serde_json::json!({ "external_addr": node.external_addr });
    let location = Location::Node {
        node: args.id,
        field: "external_addr",
    };
    let changes: Vec<FieldChange> =
        FieldChange::against(&current, location, None, Value::from(wanted))
            .into_iter()
            .collect();
    let plan = ChangePlan::new(format!("node:{}", args.id), Step::updates(changes));
    execute(&client, &plan, &ctx.run_options(&change, Done::Updated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    #[test]
    fn operations_update_the_list() {
        let current = list(&["10.0.0.1"]);
        assert_eq!(
            updated_list(
                &current,
                AddressOperation::Add,
                &list(&["10.0.0.2", "10.0.0.1"])
            ),
            list(&["10.0.0.1", "10.0.0.2"])
        );
        assert_eq!(
            updated_list(&current, AddressOperation::Remove, &list(&["10.0.0.1"])),
            list(&[])
        );
        assert_eq!(
            updated_list(&current, AddressOperation::Set, &list(&["10.0.0.3"])),
            list(&["10.0.0.3"])
        );
    }

    #[test]
    fn rejects_invalid_addresses() {
        assert!(parse_addresses(&list(&["300.1.1.1"])).is_err());
        assert_eq!(parse_addresses(&list(&["::1"])).unwrap(), list(&["::1"]));
    }
}
