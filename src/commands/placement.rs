//! `placement db <db> dense|sparse`: rladmin's deprecated alias of `tune db <db> shards_placement`.

use serde_json::Value;

use crate::cli::placement::{PlacementArgs, PlacementTarget};
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::ops::execute::execute;
use crate::ops::tune_db::{self, Facts, TuneDb};
use crate::output::plan::Done;
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
    let request = TuneDb {
        settings: vec![(setting, Value::from(policy.as_str()))],
        fix: false,
    };
    let facts = Facts::read(&client, resolved.uid, &request)?;
    let plan = tune_db::plan(&resolved, &facts, &request)?;
    let done = Done::Placement(policy.as_str());
    execute(&client, &plan, &ctx.run_options(&change, done))
}
