//! `placement db <db> dense|sparse`: rladmin's deprecated alias of `tune db <db> shards_placement`.

use serde_json::Value;

use crate::change;
use crate::cli::placement::{PlacementArgs, PlacementTarget};
use crate::commands::Context;
use crate::commands::tune::plan_settings;
use crate::error::{CliError, CliResult};
use crate::resolve::{DbRef, resolve_db};
use crate::tunables;

pub fn run(ctx: &Context, args: PlacementArgs) -> CliResult<()> {
    let PlacementTarget::Db { db, policy, change } = args.target;
    let db = DbRef::parse(&db)?;
    eprintln!(
        "warning: `placement` is deprecated; use: rsadmin tune db {db} shards_placement {}",
        policy.as_str()
    );
    let setting = tunables::find_tunable("shards_placement")
        .ok_or_else(|| CliError::usage("shards_placement is missing from the tunables table"))?;
    let client = ctx.client()?;
    let resolved = resolve_db(&client, &db)?;
    let plan = plan_settings(
        &client,
        &resolved,
        &[(setting, Value::from(policy.as_str()))],
        false,
        &format!("Shards placement policy is now {}", policy.as_str()),
    )?;
    change::execute(ctx, &client, &plan, &change)
}
