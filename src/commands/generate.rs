//! Hidden `generate-assets <repo>`: writes `completions/` and `man/` from the clap definitions.

use crate::assets::generated_assets;
use crate::cli::generate::GenerateArgs;
use crate::error::{CliError, CliResult, ExitKind};

pub fn run(args: GenerateArgs) -> CliResult<()> {
    let write_error = |err: std::io::Error| {
        CliError::new(ExitKind::Failed, format!("cannot write assets: {err}"))
    };
    for (path, content) in generated_assets().map_err(write_error)? {
        let target = args.dir.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(write_error)?;
        }
        std::fs::write(&target, content).map_err(write_error)?;
        println!("{}", path.display());
    }
    Ok(())
}
