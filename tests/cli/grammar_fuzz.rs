//! Property test of the argument grammar: the real binary, run on generated invalid command lines
//! against a sandbox, never panics, ends with one `error:` line, and sends no mutating request
//! (no PUT, POST, PATCH or DELETE in the sandbox's request log).
//!
//! Each case starts from a valid command (most of them changes) and makes it invalid: a word is
//! replaced by, or a word inserted as, a token that is wrong wherever it lands (unknown flags and
//! words, absurd numbers, path tricks, control characters). Names that any text may fill (the
//! crdb name) are never touched, so every case is invalid by construction. Bounded in time
//! (`RSADMIN_FUZZ_SECS`, default 8 s) with a fixed seed (`RSADMIN_FUZZ_SEED`); the case count is
//! printed.

use crate::fuzz_settings;
use crate::support;

use std::time::Instant;

use support::Sandbox;

/// Valid command lines; `{I1}` and `{I2}` are crdb instance specs.
const TEMPLATES: [&str; 13] = [
    "tune db db:1 oss_cluster enabled --fix -y",
    "tune db demo-db shards_placement sparse --timeout 30 -y",
    "bind db db:1 endpoint 1:1 policy all-master-shards -y",
    "bind endpoint 1:1 include 1 2 -y",
    "placement db db:1 sparse -y",
    "node 1 external_addr add 10.0.0.1 -y",
    "crdb create --name aa --memory-size 100mb --instance {I1} --instance {I2} --timeout 30",
    "crdb update --crdb-guid 00000000-0000-0000-0000-000000000000 --oss-cluster true -y",
    "crdb delete --crdb-guid 00000000-0000-0000-0000-000000000000",
    "task cancel --task-id 00000000-0000-0000-0000-000000000000",
    "status databases extra all",
    "info db db:1",
    "verify db db:1 --probe-timeout 1",
];

/// Words of the templates that any text may fill: replacing them could make a valid command.
/// (`keyslot`, whose keys are any words, is left out for the same reason.)
const FREE_WORDS: [&str; 1] = ["aa"];

/// Tokens that are wrong in every position they can land in.
const BAD_TOKENS: [&str; 22] = [
    "--bogus",
    "--timeout=0",
    "--timeout=18446744073709551615",
    "--probe-timeout=1e20",
    "--probe-timeout=NaN",
    "-Z",
    "db:",
    "db:-1",
    "db:99999999999999999999",
    "18446744073709551616",
    "-1",
    "1e20",
    "../bdbs/1",
    "%2e%2e",
    "oss_clusterr",
    "enabledd",
    "=",
    ",,=,",
    "PASSWORD=x",
    "\u{1F4A5}",
    "a\u{1b}[2Jb",
    "\u{7}\u{8}",
];

/// A random word that no slot accepts: it starts with a character no name, id, key, value or
/// flag of rsadmin starts with.
fn garbage(rng: &mut fastrand::Rng) -> String {
    const ALPHABET: &[char] = &[
        'a',
        'Z',
        '0',
        '9',
        '-',
        '_',
        ':',
        '=',
        ',',
        '.',
        '/',
        '%',
        ' ',
        '\u{e9}',
        '\u{1F4A5}',
        '\u{1b}',
        '\t',
    ];
    let start = ['%', '\u{1F4A5}', '~', '\u{feff}'][rng.usize(..4)];
    std::iter::once(start)
        .chain((0..rng.usize(..40)).map(|_| ALPHABET[rng.usize(..ALPHABET.len())]))
        .collect()
}

fn bad_word(rng: &mut fastrand::Rng) -> String {
    if rng.bool() {
        BAD_TOKENS[rng.usize(..BAD_TOKENS.len())].to_string()
    } else {
        garbage(rng)
    }
}

/// A template made invalid by one to three replacements or insertions.
fn invalid_argv(rng: &mut fastrand::Rng, instances: &[String; 2]) -> Vec<String> {
    let template = TEMPLATES[rng.usize(..TEMPLATES.len())];
    let mut argv: Vec<String> = template
        .split(' ')
        .map(|word| match word {
            "{I1}" => instances[0].clone(),
            "{I2}" => instances[1].clone(),
            word => word.to_string(),
        })
        .collect();
    for _ in 0..rng.usize(1..4) {
        let replaceable: Vec<usize> = (0..argv.len())
            .filter(|at| !FREE_WORDS.contains(&argv[*at].as_str()))
            .collect();
        if rng.bool() && !replaceable.is_empty() {
            let at = replaceable[rng.usize(..replaceable.len())];
            argv[at] = bad_word(rng);
        } else {
            let at = rng.usize(..=argv.len());
            argv.insert(at, bad_word(rng));
        }
    }
    argv
}

#[test]
fn invalid_command_lines_never_panic_and_never_change_anything() {
    let sandbox = Sandbox::start();
    let (_, user, _) = sandbox.credentials();
    let instances = [
        format!("fqdn=cluster1.sandbox.local,username={user},password-env=RSADMIN_PASSWORD"),
        format!("fqdn=c2.invalid,username={user},password-env=RSADMIN_PASSWORD"),
    ];
    let (seed, budget) = fuzz_settings::seed_and_budget(0xa59_2026, 8);
    let mut rng = fastrand::Rng::with_seed(seed);
    let started = Instant::now();
    let mut cases = 0u64;
    let mut usage_errors = 0u64;
    while started.elapsed() < budget || cases < 50 {
        let argv = invalid_argv(&mut rng, &instances);
        let args: Vec<&str> = argv.iter().map(String::as_str).collect();
        sandbox.clear_requests();
        let run = sandbox.rsadmin(&args);
        let what = format!("case {cases} (seed {seed}): rsadmin {argv:?}");
        assert!(
            run.code != 101 && !run.stderr.contains("panicked"),
            "{what} panicked: {run:#?}"
        );
        assert_ne!(run.code, 0, "{what} was accepted: {run:#?}");
        assert!(
            run.stderr
                .lines()
                .last()
                .is_some_and(|line| line.starts_with("error: ")),
            "{what} did not end with an error: line: {run:#?}"
        );
        let mutating: Vec<String> = sandbox
            .requests()
            .into_iter()
            .filter(|request| {
                matches!(request.method.as_str(), "PUT" | "POST" | "PATCH" | "DELETE")
            })
            .map(|request| format!("{} {}", request.method, request.path))
            .collect();
        assert!(mutating.is_empty(), "{what} sent {mutating:?}: {run:#?}");
        usage_errors += u64::from(run.code == 2);
        cases += 1;
    }
    println!(
        "grammar_fuzz: {cases} invalid command lines in {:?} (seed {seed}), {usage_errors} of them \
         usage errors (exit 2), none panicked or sent a change",
        started.elapsed()
    );
}
