//! `node <id> external_addr add|set|remove <ip>...`: parse the addresses, run `ops::node`'s plan.

use std::net::IpAddr;

use crate::cli::node::{NodeAction, NodeArgs};
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::ops;
use crate::ops::execute::execute;
use crate::output::plan::Done;

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

pub fn run(ctx: &Context, args: NodeArgs) -> CliResult<()> {
    let NodeAction::ExternalAddr {
        operation,
        addresses,
        change,
    } = args.action;
    let addresses = parse_addresses(&addresses)?;
    let client = ctx.client()?;
    let plan = ops::node::external_addr(&client, args.id, operation, &addresses)?;
    execute(&client, &plan, &ctx.run_options(&change, Done::Updated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::words;

    #[test]
    fn rejects_invalid_addresses() {
        assert!(parse_addresses(&words("300.1.1.1")).is_err());
        assert_eq!(parse_addresses(&words("::1")).unwrap(), words("::1"));
    }
}
