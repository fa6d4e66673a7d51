//! `tune db <db> <key> <value> [<key> <value> ...] [--fix]`, driven by the tunables table; the
//! plan is `ops::tune_db`'s. The other targets are `tune_objects`.

use crate::cli::tune::TuneDbArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::ops::execute::execute;
use crate::ops::tune_db::{self, Facts, TuneDb};
use crate::output::plan::Done;
use crate::output::print_notes;
use crate::resolve::{DbRef, resolve_db};
use crate::tunables::{self, SETTINGS};

/// Validated `tune db` arguments.
#[derive(Debug, PartialEq)]
pub struct TuneRequest {
    pub db: DbRef,
    pub tune: TuneDb,
    /// Said on stderr: keys accepted for rladmin's sake that change nothing here.
    pub notes: Vec<&'static str>,
}

pub fn parse(args: &TuneDbArgs) -> CliResult<TuneRequest> {
    let db = DbRef::parse(&args.db)?;
    let parsed = tunables::parse_pairs(SETTINGS, &args.pairs, &format!("tune db {}", args.db))
        .map_err(CliError::usage)?;
    if args.fix && !tune_db::enables_oss_cluster(&parsed.settings) {
        return Err(CliError::usage(
            "--fix applies only to `oss_cluster enabled`: it fixes the prerequisites first",
        ));
    }
    Ok(TuneRequest {
        db,
        tune: TuneDb {
            settings: parsed.settings,
            fix: args.fix,
        },
        notes: parsed.notes,
    })
}

pub fn run(ctx: &Context, args: TuneDbArgs) -> CliResult<()> {
    let request = parse(&args)?;
    print_notes(&request.notes);
    let client = ctx.client()?;
    let db = resolve_db(&client, &request.db)?;
    let facts = Facts::read(&client, db.uid, &request.tune)?;
    let plan = tune_db::plan(&db, &facts, &request.tune)?;
    execute(
        &client,
        &plan,
        &ctx.run_options(&args.change, Done::Finished),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ChangeArgs;
    use crate::error::ExitKind;
    use serde_json::json;

    fn args(words: &[&str], fix: bool) -> TuneDbArgs {
        TuneDbArgs {
            db: "db:1".into(),
            pairs: words.iter().map(|word| word.to_string()).collect(),
            fix,
            change: ChangeArgs {
                dry_run: false,
                timeout: 1,
            },
        }
    }

    #[test]
    fn parses_several_pairs() {
        let request = parse(&args(
            &["oss_cluster", "enabled", "max_connections", "10"],
            true,
        ))
        .unwrap();
        assert_eq!(request.tune.settings.len(), 2);
        assert_eq!(request.tune.settings[1].1, json!(10));
    }

    #[test]
    fn rejects_bad_input_with_the_valid_choices() {
        let err = parse(&args(&["bogus", "1"], false)).unwrap_err();
        assert_eq!(err.kind, ExitKind::Usage);
        assert!(
            err.message.starts_with(
                "unknown key \"bogus\" for tune db. Valid keys: slave_buffer, repl_backlog, \
                 master_persistence, maxclients"
            ),
            "{}",
            err.message
        );
        let err = parse(&args(&["oss_cluster", "yes"], false)).unwrap_err();
        assert_eq!(
            err.message,
            "invalid value \"yes\" for oss_cluster: expected enabled|disabled"
        );
        assert!(parse(&args(&["oss_cluster"], false)).is_err());
        assert!(parse(&args(&["max_connections", "1"], true)).is_err());
        assert!(parse(&args(&["mkms", "enabled", "mkms", "disabled"], false)).is_err());
    }
}
