//! The committed completions and man pages match the clap definitions.
//! Regenerate with: cargo run -p rsadmin -- generate-assets .

use std::path::Path;

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

#[test]
fn tune_keys_and_values_are_completable() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bash =
        std::fs::read_to_string(root.join("completions/rsadmin.bash")).expect("bash completions");
    for word in [
        "oss_cluster",
        "oss_cluster_api_preferred_ip_type",
        "all-master-shards",
        "sparse",
        "external",
    ] {
        assert!(bash.contains(word), "{word}");
    }
    let man = std::fs::read_to_string(root.join("man/rsadmin.1")).expect("man page");
    assert!(man.contains(".SH \"EXIT STATUS\""));
    // The top-level page carries the top-level examples, like every subcommand's page.
    assert!(man.contains(".SH \"EXAMPLES\"\n.nf\nrsadmin profile add prod "));
    assert!(man.contains("RSADMIN_DB_PASSWORD"));
    assert!(man.contains("RSADMIN_PASSWORD"));
}
