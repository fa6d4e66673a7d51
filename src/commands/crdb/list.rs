//! `crdb list`: one row per instance, crdb-cli's columns; `-o json` prints the crdb objects.

use crate::commands::Context;
use crate::error::CliResult;
use crate::output::{self, table::Table};

pub fn run(ctx: &Context) -> CliResult<()> {
    let crdbs = ctx.client()?.crdbs()?;
    if ctx.json() {
        output::print_json(&crdbs);
        return Ok(());
    }
    let mut table = Table::new(vec!["CRDB-GUID", "NAME", "REPL-ID", "CLUSTER-FQDN"]);
    for crdb in &crdbs {
        for instance in &crdb.instances {
            table.push(vec![
                crdb.guid.clone(),
                crdb.name.clone(),
                instance.id.to_string(),
                instance.cluster.name.clone(),
            ]);
        }
    }
    print!("{}", table.render_with_gap(2));
    Ok(())
}
