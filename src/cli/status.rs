use clap::Args;

use super::words::GrammarWords;
use crate::output::status_view::EXTRA_PARAMETERS;

/// Words `status` understands, in rladmin's order.
pub fn status_words() -> Vec<&'static str> {
    let mut words = vec![
        "databases",
        "nodes",
        "shards",
        "endpoints",
        "node",
        "db",
        "extra",
    ];
    words.extend(EXTRA_PARAMETERS);
    words.extend(["sort", "issues_only"]);
    words
}

#[derive(Debug, Args)]
#[command(
    override_usage = "rsadmin status [databases|nodes|shards|endpoints] [node <id>] [db <db>] \
                      [extra <param>...] [sort <column>...] [issues_only]",
    after_help = "`node` and `db` filter `status shards` and `status endpoints`; `sort` takes \
                  column titles of one table (ascending, numbers by value); `extra` takes all, \
                  backups, frag, nodestats, shardstats, rack_id, redis_version, state_machine, \
                  traffic_manually_disabled or watchdog."
)]
pub struct StatusArgs {
    /// [databases|nodes|shards|endpoints] [node <id>] [db <db>] [extra <param>...] [sort <column>...] [issues_only]
    #[arg(value_name = "WORDS", value_parser = GrammarWords(status_words), hide_possible_values = true)]
    pub words: Vec<String>,
}
