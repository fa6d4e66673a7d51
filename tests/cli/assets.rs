//! The committed completions and man pages match the clap definitions.
//! Regenerate with: cargo run -p rsadmin -- generate-assets .

use std::path::Path;
use std::process::Command;

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let assets = rsadmin::assets::generated_assets().expect("assets render");
    let mut stale = Vec::new();
    for (path, content) in &assets {
        let committed = std::fs::read(root.join(path)).unwrap_or_default();
        if committed != *content {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo run -p rsadmin -- generate-assets .`): {stale:?}"
    );
    for expected in [
        "completions/rsadmin.bash",
        "completions/_rsadmin",
        "man/rsadmin.1",
        "man/rsadmin-tune-db.1",
    ] {
        assert!(
            assets.iter().any(|(path, _)| path == Path::new(expected)),
            "{expected}"
        );
    }
}

/// The committed scripts are what `RSADMIN_COMPLETE=<shell> rsadmin` prints when rsadmin is on PATH, the
/// way the README tells users to load them.
#[test]
fn committed_completions_are_what_the_binary_registers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let binary_dir = Path::new(env!("CARGO_BIN_EXE_rsadmin"))
        .parent()
        .expect("bin dir");
    for (shell, file) in [
        ("bash", "rsadmin.bash"),
        ("zsh", "_rsadmin"),
        ("fish", "rsadmin.fish"),
        ("elvish", "rsadmin.elv"),
        ("powershell", "_rsadmin.ps1"),
    ] {
        let output = Command::new("rsadmin")
            .env("RSADMIN_COMPLETE", shell)
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    binary_dir.display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .output()
            .expect("rsadmin runs");
        assert!(output.status.success(), "{shell}");
        let committed = std::fs::read(root.join("completions").join(file)).expect("committed");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&committed),
            "{shell}"
        );
    }
}

#[test]
fn man_pages_carry_exit_codes_examples_and_environment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let man = std::fs::read_to_string(root.join("man/rsadmin.1")).expect("man page");
    assert!(man.contains(".SH \"EXIT STATUS\""));
    // The top-level page carries the top-level examples, like every subcommand's page.
    assert!(man.contains(".SH \"EXAMPLES\"\n.nf\nrsadmin profile add prod "));
    assert!(man.contains("RSADMIN_DB_PASSWORD"));
    assert!(man.contains("RSADMIN_PASSWORD"));
}
