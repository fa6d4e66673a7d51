use clap::Args;

use super::ChangeArgs;
use super::words::GrammarWords;

pub fn migrate_words() -> Vec<&'static str> {
    vec![
        "shard",
        "db",
        "node",
        "all_master_shards",
        "all_slave_shards",
        "all_shards",
        "preserve_roles",
        "target_node",
    ]
}

#[derive(Debug, Args)]
#[command(
    override_usage = "rsadmin migrate shard <id>... [preserve_roles] target_node <node>\n       \
                      rsadmin migrate db <db> all_master_shards|all_slave_shards|all_shards target_node <node>\n       \
                      rsadmin migrate node <node> all_master_shards|all_slave_shards|all_shards target_node <node>",
    after_help = "Moves shards to another node through POST /v1/shards/actions/migrate, waits for the \
                  action and reads back where each shard is. A master and its replica never end up \
                  on one node (exit 3, nothing sent); an unknown shard, node or database is exit 5."
)]
pub struct MigrateArgs {
    #[arg(
        value_name = "WORDS",
        required = true,
        value_parser = GrammarWords(migrate_words),
        hide_possible_values = true
    )]
    pub words: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}
