//! Real examples for every command's `--help` and man page, taken from the OSS Cluster API
//! walkthrough. Kept in one table so they read as one story and a test can check that every
//! visible command has some.

use clap::Command;

/// (command path below `rsadmin`, example lines). The empty path is `rsadmin` itself.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "",
        "rsadmin profile add prod --cluster https://cluster.example.com:9443 --user admin@example.com
rsadmin check db db:1
rsadmin tune db db:1 oss_cluster enabled --fix --dry-run
rsadmin tune db db:1 oss_cluster enabled --fix -y
rsadmin info db db:1 | grep oss_cluster:
rsadmin verify db db:1",
    ),
    (
        "info",
        "rsadmin info db db:1 | grep oss_cluster:
rsadmin info cluster
rsadmin info node all",
    ),
    (
        "info db",
        "rsadmin info db db:1 | grep oss_cluster:
rsadmin info db demo-db
rsadmin -o json info db db:1",
    ),
    ("info cluster", "rsadmin info cluster"),
    ("info node", "rsadmin info node all\nrsadmin info node 2"),
    ("info proxy", "rsadmin info proxy all\nrsadmin info proxy 2 | grep scale_threshold"),
    (
        "status",
        "rsadmin status
rsadmin status endpoints
rsadmin status shards extra all
rsadmin -o json status databases",
    ),
    (
        "tune",
        "rsadmin tune db db:1 oss_cluster enabled --fix --dry-run
rsadmin tune db db:1 oss_cluster enabled -y",
    ),
    (
        "tune db",
        "rsadmin tune db db:1 oss_cluster enabled --fix --dry-run
rsadmin tune db db:1 oss_cluster enabled --fix -y
rsadmin tune db db:1 oss_cluster_api_preferred_ip_type external
rsadmin tune db demo-db shards_placement sparse
rsadmin tune db db:1 repl_backlog 64 slave_buffer 1024:512:60",
    ),
    (
        "tune cluster",
        "rsadmin tune cluster default_sharded_proxy_policy all-master-shards
rsadmin tune cluster default_shards_placement sparse",
    ),
    (
        "tune proxy",
        "rsadmin tune proxy all max_threads 12
rsadmin tune proxy 2 scale_threshold 75",
    ),
    (
        "tune node",
        "rsadmin tune node 3 max_redis_servers 120
rsadmin tune node all max_listeners 200",
    ),
    (
        "bind",
        "rsadmin bind db db:1 endpoint 1:1 policy all-master-shards
rsadmin bind endpoint 1:1 policy all-nodes
rsadmin bind endpoint 1:1 include 1 2 3",
    ),
    (
        "migrate",
        "rsadmin migrate shard 2 target_node 3 --dry-run
rsadmin migrate shard 2 target_node 3 -y
rsadmin migrate db db:1 all_master_shards target_node 2 -y
rladmin migrate node 1 all_shards target_node 2",
    ),
    (
        "failover",
        "rsadmin failover db db:1 shard 1 --dry-run
rsadmin failover db db:1 shard 1 -y
rladmin failover shard 1 3",
    ),
    ("placement", "rsadmin placement db db:1 sparse"),
    ("placement db", "rsadmin placement db db:1 sparse"),
    (
        "node",
        "rsadmin node 1 external_addr set 203.0.113.11
rsadmin tune db db:1 oss_cluster_api_preferred_ip_type external",
    ),
    (
        "node external_addr",
        "rsadmin node 1 external_addr set 203.0.113.11
rsadmin node 2 external_addr add 203.0.113.12
rsadmin node 2 external_addr remove 203.0.113.12",
    ),
    ("check", "rsadmin check db db:1\nrsadmin -o json check db demo-db"),
    ("check db", "rsadmin check db db:1\nrsadmin -o json check db demo-db"),
    ("verify", "rsadmin verify db db:1"),
    ("verify db", "rsadmin verify db db:1\nrsadmin -o json verify db demo-db"),
    ("doctor", "rsadmin doctor db db:1"),
    ("doctor db", "rsadmin doctor db db:1\nrsadmin -o json doctor db demo-db"),
    (
        "keyslot",
        "rsadmin keyslot user:1000 '{user1000}.following' '{user1000}.followers'
rsadmin keyslot --db db:1 user:1000",
    ),
    (
        "profile",
        "rsadmin profile add prod --cluster https://cluster.example.com:9443 --user admin@example.com
rsadmin profile list
rsadmin profile use prod",
    ),
    (
        "profile add",
        "rsadmin profile add prod --cluster https://cluster.example.com:9443 --user admin@example.com
printf '%s\\n' \"$PW\" | rsadmin profile add ci --cluster https://10.0.0.1:9443 \\
    --user admin@example.com --password-stdin --trust-fingerprint AB:CD:...:EF
rsadmin profile add lab --cluster https://lab:9443 --user admin@example.com --ca-cert lab-ca.pem",
    ),
    ("profile list", "rsadmin profile list\nrsadmin profile list --names"),
    ("profile show", "rsadmin profile show\nrsadmin profile show prod"),
    ("profile use", "rsadmin profile use prod"),
    (
        "profile set-db-password",
        "rsadmin profile set-db-password prod db:1
printf '%s\\n' \"$DB_PW\" | rsadmin profile set-db-password ci demo-db --password-stdin",
    ),
    ("profile remove", "rsadmin profile remove lab"),
    (
        "install-aliases",
        "rsadmin install-aliases ~/.local/bin
rladmin tune db db:1 oss_cluster enabled
echo 'status' | rladmin",
    ),
    (
        "crdb",
        "rsadmin crdb list
rsadmin crdb update --crdb-guid <guid> --oss-cluster true",
    ),
    (
        "crdb create",
        "PW1=... PW2=... rsadmin crdb create --name aa-db --memory-size 1g --sharding true \\
    --shards-count 3 --oss-cluster true --proxy-policy all-master-shards \\
    --instance fqdn=cluster1.example.com,username=admin@example.com,password-env=PW1 \\
    --instance fqdn=cluster2.example.com,username=admin@example.com,password-env=PW2",
    ),
    ("crdb update", "rsadmin crdb update --crdb-guid <guid> --oss-cluster true"),
    ("crdb list", "rsadmin crdb list"),
    ("crdb get", "rsadmin crdb get --crdb-guid <guid>"),
    ("crdb delete", "rsadmin crdb delete --crdb-guid <guid> --no-wait"),
    (
        "crdb add-instance",
        "PW3=... rsadmin crdb add-instance --crdb-guid <guid> \\
  --instance fqdn=cluster3.example.com,username=admin@example.com,password-env=PW3",
    ),
    (
        "crdb remove-instance",
        "rsadmin crdb remove-instance --crdb-guid <guid> --instance-id 3 --dry-run
rsadmin -y crdb remove-instance --crdb-guid <guid> --instance-id 3 --force",
    ),
    (
        "crdb purge-instance",
        "rsadmin -y crdb purge-instance --crdb-guid <guid> --instance-id 3",
    ),
    (
        "crdb flush",
        "rsadmin crdb flush --crdb-guid <guid> --dry-run
rsadmin -y crdb flush --crdb-guid <guid>",
    ),
    (
        "crdb health-report",
        "rsadmin crdb health-report --crdb-guid <guid>",
    ),
    ("task", "rsadmin task list\nrsadmin task status --task-id <task-id>"),
    ("task list", "rsadmin task list"),
    ("task status", "rsadmin task status --task-id <task-id> | grep -x 'Status: finished'"),
    ("task cancel", "rsadmin task cancel --task-id <task-id>"),
];

/// The example lines of the command at `path` (the empty path is `rsadmin` itself).
pub fn examples_for(path: &str) -> Option<&'static str> {
    EXAMPLES
        .iter()
        .find(|(command_path, _)| *command_path == path)
        .map(|(_, lines)| *lines)
}

/// `command` with each table entry appended to its command's after-help.
pub fn with_examples(command: Command) -> Command {
    EXAMPLES.iter().fold(command, |command, (path, lines)| {
        let words: Vec<&str> = path.split_whitespace().collect();
        at_path(command, &words, lines)
    })
}

fn at_path(command: Command, path: &[&str], lines: &str) -> Command {
    match path.split_first() {
        Some((name, rest)) => command.mut_subcommand(*name, |sub| at_path(sub, rest, lines)),
        None => {
            let indented: Vec<String> = lines.lines().map(|line| format!("  {line}")).collect();
            let examples = format!("Examples:\n{}", indented.join("\n"));
            let after_help = match command.get_after_help() {
                Some(existing) => format!("{}\n\n{examples}", existing.to_string().trim_end()),
                None => examples,
            };
            command.after_help(after_help)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    fn find<'a>(command: &'a Command, path: &[&str]) -> Option<&'a Command> {
        match path.split_first() {
            Some((name, rest)) => find(command.find_subcommand(name)?, rest),
            None => Some(command),
        }
    }

    fn visible_paths(command: &Command, prefix: &str, paths: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            if sub.is_hide_set() || sub.get_name() == "help" {
                continue;
            }
            let path = format!("{prefix}{}", sub.get_name());
            paths.push(path.clone());
            visible_paths(sub, &format!("{path} "), paths);
        }
    }

    #[test]
    fn every_example_names_a_command_and_every_command_has_examples() {
        let command = Cli::command();
        for (path, _) in EXAMPLES {
            let words: Vec<&str> = path.split_whitespace().collect();
            assert!(find(&command, &words).is_some(), "no command {path:?}");
        }
        let mut paths = Vec::new();
        visible_paths(&command, "", &mut paths);
        for path in paths {
            assert!(
                EXAMPLES
                    .iter()
                    .any(|(example_path, _)| *example_path == path),
                "`rsadmin {path}` has no examples"
            );
        }
    }

    #[test]
    fn examples_follow_the_existing_help() {
        let mut command = with_examples(Cli::command());
        let tune_db = command
            .find_subcommand_mut("tune")
            .and_then(|tune| tune.find_subcommand_mut("db"))
            .expect("tune db");
        let help = tune_db.render_help().to_string();
        assert!(help.contains("Keys:\n"), "{help}");
        assert!(
            help.contains(
                "Examples:\n  rsadmin tune db db:1 oss_cluster enabled --fix --dry-run\n"
            ),
            "{help}"
        );
    }
}
