//! Tab completion with the committed bash script, run by a real bash: tune keys, and profile names
//! asked from `rsadmin profile list --names` at completion time.

mod profile_support;
mod support;

use std::path::Path;
use std::process::Command;

use profile_support::Operator;

/// Completes the last word of `words` as bash would and returns the candidates, sorted.
fn complete(operator: &Operator, words: &[&str]) -> Vec<String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/rsadmin.bash");
    let binary_dir = Path::new(env!("CARGO_BIN_EXE_rsadmin"))
        .parent()
        .expect("bin dir");
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let cword = words.len() - 1;
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={cword}\n\
         _rsadmin rsadmin '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words[cword],
        words[cword - 1]
    );
    let path = format!(
        "{}:{}",
        binary_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .env("PATH", path)
        .env("XDG_CONFIG_HOME", operator.config_dir())
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut candidates: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect();
    candidates.sort();
    candidates
}

#[test]
fn tune_keys_complete_by_prefix() {
    let operator = Operator::new();
    assert_eq!(
        complete(&operator, &["rsadmin", "tune", "db", "db:1", "oss_"]),
        [
            "oss_cluster",
            "oss_cluster_api_preferred_endpoint_type",
            "oss_cluster_api_preferred_ip_type"
        ]
    );
    // After a key, only its values.
    assert_eq!(
        complete(
            &operator,
            &["rsadmin", "tune", "db", "db:1", "shards_placement", "sp"]
        ),
        ["sparse"]
    );
    assert_eq!(
        complete(
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
        ["external", "internal"]
    );
    assert_eq!(
        complete(
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
        ["oss_cluster_api_preferred_ip_type"]
    );
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
    assert_eq!(
        complete(&operator, &["rsadmin", "--profile", "prod"]),
        ["prod-eu", "prod-us"]
    );
    assert_eq!(
        complete(&operator, &["rsadmin", "status", "--profile", ""]),
        ["lab", "prod-eu", "prod-us"]
    );
    assert_eq!(
        complete(&operator, &["rsadmin", "profile", "use", "l"]),
        ["lab"]
    );
    assert_eq!(
        complete(&operator, &["rsadmin", "profile", "remove", "prod-u"]),
        ["prod-us"]
    );
}
