//! `up --dir DIR`: start a sandbox and run it in the foreground until SIGINT/SIGTERM, or with
//! `--detach` re-run this command in a new session in the background and return once it is ready.

use super::{pid_file, running_pid};
use anyhow::Context;
use rsadmin_sandbox::{SandboxOptions, clusters, envfile};
use std::fs;
use std::io::{self, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};
use tokio::signal::unix::{SignalKind, signal};

const LOG_FILE: &str = "sandbox.log";
const DETACHED_START_TIMEOUT: Duration = Duration::from_secs(90);

/// Prints one status line. A reader that went away (`up --detach | head -0`) only loses the
/// line: the sandbox is up either way, so a closed pipe is not an error.
fn say(line: std::fmt::Arguments<'_>) -> io::Result<()> {
    match writeln!(io::stdout(), "{line}") {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

#[derive(clap::Args)]
pub struct UpArgs {
    /// Directory for state.json, sandbox.env, the certificates (ca.pem, ca-key.pem,
    /// server-cert.pem, server-key.pem), logs and shard data
    #[arg(long)]
    dir: PathBuf,
    /// Number of simulated nodes
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=200))]
    nodes: u8,
    /// REST API port on 127.0.0.1 (0 = any free port)
    #[arg(long, default_value_t = 9443)]
    api_port: u16,
    /// Cluster index c: node i gets 127.0.{1+2c}.i (internal) and 127.0.{2+2c}.i (external), so
    /// several sandboxes can run side by side
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=126))]
    cluster_index: u8,
    /// Run K clusters that coordinate Active-Active databases with each other: cluster n > 1
    /// keeps its state in DIR/cluster<n>/, and DIR/cluster<n>.env says how to reach each
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=16))]
    clusters: u8,
    /// Run in the background (output goes to DIR/sandbox.log)
    #[arg(long)]
    detach: bool,
    /// Replace the REST server certificate (same CA), as a cluster admin would; otherwise the
    /// certificates in DIR are kept across restarts
    #[arg(long)]
    rotate_server_certificate: bool,
    /// redis-server binary (default: found on PATH)
    #[arg(long)]
    redis_server: Option<PathBuf>,
}

pub fn run(args: UpArgs) -> anyhow::Result<ExitCode> {
    fs::create_dir_all(&args.dir).with_context(|| format!("creating {}", args.dir.display()))?;
    let dir = args.dir.canonicalize()?;
    if let Some(pid) = running_pid(&dir) {
        anyhow::bail!(
            "a sandbox is already running in {} (pid {pid}); stop it with: rsadmin-sandbox down --dir {}",
            dir.display(),
            dir.display()
        );
    }
    let _ = fs::remove_file(pid_file(&dir));
    if args.detach {
        run_detached(&args, &dir)
    } else {
        run_foreground(&args, &dir)
    }
}

fn run_foreground(args: &UpArgs, dir: &Path) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Handlers go in before anything starts, so an early SIGTERM still stops everything cleanly.
    let (mut terminate, mut interrupt) = runtime.block_on(async {
        anyhow::Ok((
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
        ))
    })?;
    let mut options = SandboxOptions::new(dir);
    options.nodes = args.nodes;
    options.api_port = args.api_port;
    options.cluster_index = args.cluster_index;
    options.redis_server = args.redis_server.clone();
    options.rotate_server_certificate = args.rotate_server_certificate;
    let sandboxes = clusters::start_clusters(&options, args.clusters)?;
    if args.clusters > 1 {
        clusters::write_env_files(dir, &sandboxes)?;
    }
    let sandbox = &sandboxes[0];
    fs::write(pid_file(dir), format!("{}\n", std::process::id()))?;
    say(format_args!("rsadmin-sandbox: up at {}", sandbox.url()))?;
    say(format_args!(
        "credentials: {} (set -a; . {}; set +a)",
        sandbox.user(),
        sandbox.env_file().display()
    ))?;
    for (number, other) in (1..).zip(&sandboxes).skip(1) {
        say(format_args!(
            "cluster {number}: {} up at {} (set -a; . {}; set +a)",
            other.state().cluster.name,
            other.url(),
            dir.join(format!("cluster{number}.env")).display()
        ))?;
    }
    runtime.block_on(async {
        tokio::select! {
            _ = terminate.recv() => {}
            _ = interrupt.recv() => {}
        }
    });
    drop(sandboxes);
    let _ = fs::remove_file(pid_file(dir));
    say(format_args!("rsadmin-sandbox: stopped"))?;
    Ok(ExitCode::SUCCESS)
}

fn run_detached(args: &UpArgs, dir: &Path) -> anyhow::Result<ExitCode> {
    let log_path = dir.join(LOG_FILE);
    let log = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log_path)?;
    let mut command = Command::new(std::env::current_exe()?);
    command
        .arg("up")
        .arg("--dir")
        .arg(dir)
        .args([
            "--nodes",
            &args.nodes.to_string(),
            "--api-port",
            &args.api_port.to_string(),
            "--cluster-index",
            &args.cluster_index.to_string(),
            "--clusters",
            &args.clusters.to_string(),
        ])
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log);
    if let Some(redis_server) = &args.redis_server {
        command.arg("--redis-server").arg(redis_server);
    }
    if args.rotate_server_certificate {
        command.arg("--rotate-server-certificate");
    }
    // SAFETY: setsid(2) is async-signal-safe and touches no memory of the parent.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() == -1 {
                Err(std::io::Error::last_os_error())
            } else {
                Ok(())
            }
        });
    }
    let mut child = command.spawn().context("starting the background sandbox")?;
    let child_pid = i32::try_from(child.id())?;
    let deadline = Instant::now() + DETACHED_START_TIMEOUT;
    loop {
        if let Some(status) = child.try_wait()? {
            anyhow::bail!(
                "the sandbox exited while starting ({status}); see {}",
                log_path.display()
            );
        }
        if running_pid(dir) == Some(child_pid) {
            break;
        }
        if Instant::now() > deadline {
            anyhow::bail!(
                "the sandbox did not become ready in {DETACHED_START_TIMEOUT:?}; see {}",
                log_path.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let env_path = dir.join(envfile::ENV_FILE);
    let url = envfile::read_var(&fs::read_to_string(&env_path)?, "RSADMIN_URL").unwrap_or_default();
    say(format_args!(
        "rsadmin-sandbox: up at {url} (pid {child_pid})"
    ))?;
    say(format_args!(
        "credentials: set -a; . {}; set +a",
        env_path.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
