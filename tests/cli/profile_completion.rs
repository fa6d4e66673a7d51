//! Tab completion through the committed registration scripts, run by a real bash and a real fish:
//! the shell calls the rsadmin binary back (`RSADMIN_COMPLETE=<shell> rsadmin -- <words>`), which answers
//! tune keys, each key's values, and profile names from the profile file.

use crate::support::profile;

use std::path::Path;
use std::process::Command;

use profile::Operator;

#[derive(Clone, Copy, Debug)]
enum Shell {
    Bash,
    Fish,
}

const SHELLS: [Shell; 2] = [Shell::Bash, Shell::Fish];

/// Completes the last word of `words` in `shell` and returns the candidates other than flags
/// (rsadmin also offers the command's flags where one may come), sorted.
fn complete(shell: Shell, operator: &Operator, words: &[&str]) -> Vec<String> {
    let completions = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let current = words.len() - 1;
    let (program, script) = match shell {
        Shell::Bash => (
            "bash",
            format!(
                "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={current}\n\
                 _clap_complete_rsadmin rsadmin '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
                completions.join("rsadmin.bash").display(),
                quoted.join(" "),
                words[current],
                words[current - 1]
            ),
        ),
        Shell::Fish => (
            "fish",
            format!(
                "source '{}'\ncomplete -C '{}'\n",
                completions.join("rsadmin.fish").display(),
                words.join(" ")
            ),
        ),
    };
    let flags: &[&str] = match shell {
        Shell::Bash => &["--norc", "--noprofile", "-c"],
        Shell::Fish => &["--no-config", "-c"],
    };
    let binary_dir = Path::new(env!("CARGO_BIN_EXE_rsadmin"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        binary_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new(program)
        .args(flags)
        .arg(&script)
        .env("PATH", path)
        .env("XDG_CONFIG_HOME", operator.config_dir())
        .output()
        .unwrap_or_else(|err| panic!("{program} runs (scripts/ensure-deps installs it): {err}"));
    assert!(
        output.status.success(),
        "{shell:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // fish prints `candidate<TAB>description`.
    let mut candidates: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split('\t').next())
        .filter(|candidate| !candidate.is_empty() && !candidate.starts_with('-'))
        .map(str::to_string)
        .collect();
    candidates.sort();
    candidates
}

#[test]
fn tune_keys_complete_by_prefix_and_values_by_key() {
    let operator = Operator::new();
    for shell in SHELLS {
        assert_eq!(
            complete(shell, &operator, &["rsadmin", "tune", "db", "db:1", "oss_"]),
            [
                "oss_cluster",
                "oss_cluster_api_preferred_endpoint_type",
                "oss_cluster_api_preferred_ip_type"
            ],
            "{shell:?}"
        );
        // After a key, only its values.
        assert_eq!(
            complete(
                shell,
                &operator,
                &["rsadmin", "tune", "db", "db:1", "shards_placement", "sp"]
            ),
            ["sparse"],
            "{shell:?}"
        );
        assert_eq!(
            complete(
                shell,
                &operator,
                &[
                    "rsadmin",
                    "tune",
                    "db",
                    "db:1",
                    "oss_cluster_api_preferred_ip_type",
                    ""
                ]
            ),
            ["external", "internal"],
            "{shell:?}"
        );
        // An integer key has no words to offer.
        assert!(
            complete(
                shell,
                &operator,
                &["rsadmin", "tune", "db", "db:1", "max_client_pipeline", ""]
            )
            .is_empty(),
            "{shell:?}"
        );
        // After a pair, keys again.
        assert_eq!(
            complete(
                shell,
                &operator,
                &[
                    "rsadmin",
                    "tune",
                    "db",
                    "db:1",
                    "oss_cluster",
                    "enabled",
                    "oss_cluster_api_preferred_i"
                ]
            ),
            ["oss_cluster_api_preferred_ip_type"],
            "{shell:?}"
        );
    }
}

#[test]
fn profile_names_complete_from_the_profile_file() {
    let operator = Operator::new();
    let file = operator.profile_file();
    std::fs::create_dir_all(file.parent().expect("dir")).expect("config dir");
    std::fs::write(
        &file,
        "active = \"prod-eu\"\n\n[profiles.prod-eu]\ncluster = \"https://a:9443\"\nuser = \"u\"\n\n\
         [profiles.prod-us]\ncluster = \"https://b:9443\"\nuser = \"u\"\n\n\
         [profiles.lab]\ncluster = \"https://c:9443\"\nuser = \"u\"\n",
    )
    .expect("profile file");
    for shell in SHELLS {
        assert_eq!(
            complete(shell, &operator, &["rsadmin", "--profile", "prod"]),
            ["prod-eu", "prod-us"],
            "{shell:?}"
        );
        assert_eq!(
            complete(shell, &operator, &["rsadmin", "status", "--profile", ""]),
            ["lab", "prod-eu", "prod-us"],
            "{shell:?}"
        );
        assert_eq!(
            complete(shell, &operator, &["rsadmin", "profile", "use", "l"]),
            ["lab"],
            "{shell:?}"
        );
        assert_eq!(
            complete(
                shell,
                &operator,
                &["rsadmin", "profile", "remove", "prod-u"]
            ),
            ["prod-us"],
            "{shell:?}"
        );
    }
}
