use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Repository root: completions go to <DIR>/completions, man pages to <DIR>/man
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}
