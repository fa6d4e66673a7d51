use clap::Args;

use super::ChangeArgs;
use super::words::GrammarWords;

pub fn failover_words() -> Vec<&'static str> {
    vec!["db", "shard"]
}

#[derive(Debug, Args)]
#[command(
    override_usage = "rsadmin failover [db <db>] shard <id>...",
    after_help = "Promotes the replica of each master shard through POST \
                  /v1/shards/actions/failover (one request per database), waits for the action and \
                  reads back each shard's role. A shard without a replica, or a replica, is refused \
                  (exit 3, nothing sent)."
)]
pub struct FailoverArgs {
    #[arg(
        value_name = "WORDS",
        required = true,
        value_parser = GrammarWords(failover_words),
        hide_possible_values = true
    )]
    pub words: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}
