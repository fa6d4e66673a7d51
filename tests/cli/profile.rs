//! A new user adds a profile for a sandbox with a self-signed certificate, pins it, and runs the
//! OSS Cluster API walkthrough with no password in argv, the environment or any file; the password
//! lives in the real OS keyring backend (the kernel keyutils store on a headless machine).

use crate::support;
use crate::support::profile;

use profile::{Operator, server_fingerprint};
use rsadmin::config::keyring::{self, Store};
use serde_json::json;
use support::{ENABLE_OSS_CLUSTER, Sandbox};

#[test]
fn new_user_pins_the_certificate_and_runs_the_walkthrough_from_the_keyring() {
    let sandbox = Sandbox::start();
    let operator = Operator::new();
    let (url, user, password) = sandbox.credentials();
    let fqdn = sandbox.handle.state().cluster.name;
    let fingerprint = server_fingerprint(&url);
    let store = Store::detect();
    let add = [
        "profile",
        "add",
        "sbx",
        "--cluster",
        &url,
        "--user",
        &user,
        "--password-stdin",
    ];
    let rsadmin = std::path::Path::new(env!("CARGO_BIN_EXE_rsadmin"));

    // No CA vouches for the certificate and nobody can confirm on a terminal: refused, with the
    // fingerprint and subject shown and the command that pins it.
    let run = operator.run(rsadmin, &add, Some(&format!("{password}\n")), &[]);
    assert_eq!(run.code, 8, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "The certificate of {url} is not trusted (invalid peer certificate: UnknownIssuer):\n  \
             subject: CN={fqdn}\n  issuer:  CN=rsadmin-sandbox CA ({fqdn})\n  SHA-256: {fingerprint}\n\
             error: the certificate of {url} is not trusted; nothing was saved. Either pass the \
             cluster's CA certificate with --ca-cert PATH, or, after checking the fingerprint with the \
             cluster's administrator, pin it: rsadmin profile add sbx --cluster {url} --user {user} \
             --trust-fingerprint {fingerprint}\n"
        )
    );
    assert!(!operator.profile_file().exists());

    // Confirmed in a script (any common spelling of the fingerprint): pinned and saved.
    let spelled = fingerprint.replace(':', "").to_lowercase();
    let mut confirmed = add.to_vec();
    confirmed.extend(["--trust-fingerprint", &spelled]);
    let run = operator.run(rsadmin, &confirmed, Some(&format!("{password}\n")), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "Profile sbx saved: {user} at {url} (cluster {fqdn}); password stored in {}.\n\
             Certificate pinned: SHA-256 {fingerprint}\nProfile sbx is now the active profile.\n",
            store.description()
        )
    );
    let caveat = store
        .caveat()
        .map(|caveat| format!("note: {caveat}\n"))
        .unwrap_or_default();
    assert!(run.stderr.ends_with(&caveat), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(operator.profile_file()).expect("profile file"),
        format!(
            "active = \"sbx\"\n\n[profiles.sbx]\ncluster = \"{url}\"\nuser = \"{user}\"\n\
             pinned_sha256 = \"{fingerprint}\"\n"
        )
    );
    assert!(
        !operator.config_files_contain(&password),
        "no secret in any file"
    );

    // Another process of the same user (this test) sees the entry: the keyring is shared.
    let account = keyring::account("sbx", &user, &url);
    assert_eq!(
        keyring::read_password(store, &account),
        Ok(Some(password.clone()))
    );

    // The walkthrough, with no connection settings at all: everything comes from the profile.
    let run = operator.rsadmin(&["info", "db", "db:1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("  oss_cluster: disabled\n"),
        "{}",
        run.stdout
    );
    let run = operator.rsadmin(&["check", "db", "db:1"]);
    assert_eq!(run.code, 3, "prerequisites not met yet: {}", run.stdout);
    let run = operator.rsadmin(&ENABLE_OSS_CLUSTER);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = operator.rsadmin(&["info", "db", "db:1"]);
    assert!(
        run.stdout.contains("  oss_cluster: enabled\n"),
        "{}",
        run.stdout
    );
    let run = operator.rsadmin(&["verify", "db", "db:1"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let run = operator.rsadmin(&["-o", "json", "profile", "list"]);
    let listed: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(
        listed,
        serde_json::json!([{ "name": "sbx", "active": true, "cluster": url, "user": user,
                             "pinned_sha256": fingerprint }])
    );

    let run = operator.rsadmin(&["profile", "list"]);
    assert_eq!(run.stdout, format!("* sbx  {url}  {user}\n"));
    let run = operator.rsadmin(&["profile", "list", "--names"]);
    assert_eq!(run.stdout, "sbx\n");
    let run = operator.rsadmin(&["profile", "show"]);
    assert_eq!(
        run.stdout,
        format!(
            "profile:sbx:\n  cluster: {url}\n  user: {user}\n  pinned_sha256: {fingerprint}\n  \
             password: stored in {}\n  active: yes\n",
            store.description()
        )
    );

    // The keyring entry disappears (a reboot, with keyutils): said plainly, with the fix.
    assert_eq!(keyring::delete_password(store, &account), Ok(true));
    let run = operator.rsadmin(&["status"]);
    assert_eq!(run.code, 4);
    let reboot = store
        .caveat()
        .map(|_| " (the Linux kernel keyring does not survive a reboot)")
        .unwrap_or_default();
    assert_eq!(
        run.stderr,
        format!(
            "error: the password of profile sbx is gone from {}{reboot}. Store it again: \
             rsadmin profile add sbx --cluster {url} --user {user}\n",
            store.description()
        )
    );
    // RSADMIN_PASSWORD still wins over the profile (environment before profile).
    let run = operator.run(
        rsadmin,
        &["info", "db", "db:1"],
        None,
        &[("RSADMIN_PASSWORD", &password)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);

    let run = operator.rsadmin(&["profile", "remove", "sbx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "Profile sbx removed (its password was already gone from {}).\n",
            store.description()
        )
    );
    assert_eq!(
        std::fs::read_to_string(operator.profile_file()).expect("file"),
        ""
    );
    let run = operator.rsadmin(&["status"]);
    assert_eq!(run.code, 2, "no profile, no URL: {}", run.stderr);
}

#[test]
fn remove_deletes_the_keyring_entry_and_use_switches_profiles() {
    let sandbox = Sandbox::start();
    let operator = Operator::new();
    let (url, user, password) = sandbox.credentials();
    let fingerprint = server_fingerprint(&url);
    let store = Store::detect();
    for name in ["first", "second"] {
        let run = operator.add_pinned_profile(name, &url, &user, &password, &fingerprint);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    assert_eq!(
        operator.rsadmin(&["profile", "list"]).stdout,
        format!("* first  {url}  {user}\n  second  {url}  {user}\n")
    );
    let run = operator.rsadmin(&["profile", "use", "second"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "Profile second is now the active profile.\n")
    );
    assert_eq!(
        operator.rsadmin(&["profile", "list", "--names"]).stdout,
        "first\nsecond\n"
    );
    assert!(
        operator
            .rsadmin(&["profile", "list"])
            .stdout
            .starts_with("  first")
    );
    // --profile names another one for a single command.
    assert_eq!(
        operator
            .rsadmin(&["--profile", "first", "status", "databases"])
            .code,
        0
    );
    let run = operator.rsadmin(&["--profile", "third", "status"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no profile named \"third\" (known profiles: first, second). Add it: rsadmin profile add \
         third --cluster https://<node>:9443 --user <email>\n"
    );

    let second = keyring::account("second", &user, &url);
    let run = operator.rsadmin(&["profile", "remove", "second"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "Profile second removed, and its password deleted from {}.\n",
            store.description()
        )
    );
    assert_eq!(keyring::read_password(store, &second), Ok(None));
    // No active profile left: a command without settings says how to provide them.
    let run = operator.rsadmin(&["status"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("rsadmin profile add <name>"),
        "{}",
        run.stderr
    );
    let run = operator.rsadmin(&["profile", "remove", "first"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        keyring::read_password(store, &keyring::account("first", &user, &url)),
        Ok(None)
    );
}

#[test]
fn a_database_password_set_for_the_profile_is_used_by_verify_and_removed_with_it() {
    let sandbox = Sandbox::start();
    let operator = Operator::new();
    let (url, user, password) = sandbox.credentials();
    let store = Store::detect();
    let run = operator.add_pinned_profile("sbx", &url, &user, &password, &server_fingerprint(&url));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rsadmin = std::path::Path::new(env!("CARGO_BIN_EXE_rsadmin"));
    let set = |db: &str, stdin: Option<&str>| {
        let mut args = vec!["profile", "set-db-password", "sbx", db];
        if stdin.is_some() {
            args.push("--password-stdin");
        }
        operator.run(rsadmin, &args, stdin, &[])
    };
    let db_account = keyring::db_account(&keyring::account("sbx", &user, &url), 1);

    // No terminal to ask on and no --password-stdin: refused before anything is sent.
    let run = set("db:1", None);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: profile set-db-password needs the password: run it on a terminal to be asked, or \
         pipe it in: printf '%s\\n' \"$DB_PASSWORD\" | rsadmin profile set-db-password sbx db:1 \
         --password-stdin\n"
    );
    // A database the cluster does not have: nothing stored.
    let run = set("db:9", Some("db-secret\n"));
    assert_eq!(run.code, 5, "{}", run.stderr);
    assert_eq!(
        keyring::read_password(
            store,
            &keyring::db_account(&keyring::account("sbx", &user, &url), 9)
        ),
        Ok(None)
    );

    // By name, through the profile's cluster: stored under the database's uid.
    let run = set("demo-db", Some("db-secret\n"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "Password of db:1 [demo-db] stored for profile sbx in {}; verify and doctor use it with \
             this profile.\n",
            store.description()
        )
    );
    assert_eq!(
        keyring::read_password(store, &db_account),
        Ok(Some("db-secret".to_string()))
    );
    assert!(
        !operator.config_files_contain("db-secret"),
        "no secret in any file"
    );
    let run = operator.rsadmin(&["profile", "show", "sbx"]);
    assert!(
        run.stdout.contains("  db_passwords: db:1\n"),
        "{}",
        run.stdout
    );

    // verify and doctor connect with it (AUTH on every probe connection): the sandbox's proxies
    // demand the database password once it is set, so they pass only with the right one.
    let run = operator.rsadmin(&ENABLE_OSS_CLUSTER);
    assert_eq!(run.code, 0, "{}", run.stderr);
    sandbox.put_demo_db(&json!({"authentication_redis_pass": "db-secret"}));
    for command in ["verify", "doctor"] {
        let run = operator.rsadmin(&[command, "db", "db:1"]);
        assert_eq!(run.code, 0, "{command}: {}{}", run.stdout, run.stderr);
        assert!(!format!("{}{}", run.stdout, run.stderr).contains("db-secret"));
    }
    // The database password changes under the profile: verify fails on AUTH, says so, and still
    // prints neither password.
    sandbox.put_demo_db(&json!({"authentication_redis_pass": "rotated-secret"}));
    let run = operator.rsadmin(&["verify", "db", "db:1"]);
    let output = format!("{}{}", run.stdout, run.stderr);
    assert!(!output.contains("db-secret") && !output.contains("rotated-secret"));
    assert_eq!(run.code, 1, "{output}");
    let port = sandbox.handle.state().bdbs[0].endpoint_port();
    for node in 1..=3 {
        let address = format!("127.0.1.{node}:{port}");
        let line = format!(
            "FAIL seed_connect {address}: {address} rejected the database credentials: WRONGPASS \
             invalid username-password pair or user is disabled.; expected the database password to \
             be accepted. Fix: the database needs its password: set RSADMIN_DB_PASSWORD or store it \
             with rsadmin profile set-db-password <profile> <db> (and --db-user for an ACL user)\n"
        );
        assert!(run.stdout.contains(&line), "{line}in:\n{}", run.stdout);
    }
    assert_eq!(
        run.stderr,
        "error: 3 check(s) failed: cluster-aware clients of db:1 do not see the topology the REST \
         API describes\n"
    );

    let run = operator.rsadmin(&["profile", "remove", "sbx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(keyring::read_password(store, &db_account), Ok(None));
}

#[test]
fn no_credential_anywhere_exits_4_with_the_commands_that_provide_one() {
    let operator = Operator::new();
    let run = operator.rsadmin(&[
        "--cluster",
        "https://127.0.0.1:1",
        "--user",
        "ops@example.com",
        "status",
    ]);
    assert_eq!(run.code, 4);
    assert_eq!(
        run.stderr,
        "error: no password for ops@example.com at https://127.0.0.1:1. Provide one with either of:\n  \
         rsadmin profile add <name> --cluster https://127.0.0.1:1 --user ops@example.com   \
         (asks once, keeps it in the OS keyring)\n  \
         export RSADMIN_PASSWORD=...   (CI; there is no --password flag, so the password never shows \
         in process lists)\n"
    );
    let run = operator.rsadmin(&["profile", "add", "x", "--cluster", "https://127.0.0.1:1"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: profile add needs --user: rsadmin profile add x --cluster https://<node>:9443 --user <email>\n"
    );
    let run = operator.rsadmin(&[
        "profile",
        "add",
        "bad name",
        "--cluster",
        "https://h:9443",
        "--user",
        "u",
    ]);
    assert_eq!(run.code, 2);
    assert!(!operator.profile_file().exists());
}
