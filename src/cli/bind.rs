use clap::Args;

use super::ChangeArgs;
use super::words::GrammarWords;

pub fn bind_words() -> Vec<&'static str> {
    vec![
        "db",
        "endpoint",
        "policy",
        "include",
        "exclude",
        "add",
        "remove",
        "single",
        "all-master-shards",
        "all-nodes",
    ]
}

#[derive(Debug, Args)]
#[command(
    override_usage = "rsadmin bind [db <db>] endpoint <db>:<n> policy single|all-master-shards|all-nodes\n       \
                      rsadmin bind [db <db>] endpoint <db>:<n> include|exclude <proxy id>...",
    after_help = "include/exclude replace the endpoint's previous list; the older verbs add/remove \
                  are accepted as include/exclude."
)]
pub struct BindArgs {
    #[arg(
        value_name = "WORDS",
        required = true,
        value_parser = GrammarWords(bind_words),
        hide_possible_values = true
    )]
    pub words: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}
