use clap::Args;

use super::words::GrammarWords;

/// Words `status` understands, in rladmin's order.
pub fn status_words() -> Vec<&'static str> {
    vec![
        "databases",
        "nodes",
        "shards",
        "endpoints",
        "extra",
        "all",
        "issues_only",
    ]
}

#[derive(Debug, Args)]
#[command(
    override_usage = "rsadmin status [databases|nodes|shards|endpoints] [extra all] [issues_only]"
)]
pub struct StatusArgs {
    /// [databases|nodes|shards|endpoints] [extra all] [issues_only]
    #[arg(value_name = "WORDS", value_parser = GrammarWords(status_words), hide_possible_values = true)]
    pub words: Vec<String>,
}
