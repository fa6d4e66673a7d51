//! `crdb delete --crdb-guid <guid>`: `DELETE /v1/crdbs/<guid>` removes every instance.

use super::progress::{self, GuidReport};
use super::unknown_guid;
use crate::cli::crdb::CrdbDeleteArgs;
use crate::commands::Context;
use crate::error::CliResult;

pub fn run(ctx: &Context, args: &CrdbDeleteArgs) -> CliResult<()> {
    let guid = args.crdb_guid.as_str();
    let client = ctx.client()?;
    let task = client.delete_crdb(guid).map_err(unknown_guid(guid))?;
    progress::follow(ctx, &client, task, &args.wait, GuidReport::Silent)
}
