//! `down --dir DIR`: SIGTERM the sandbox, SIGKILL it if it does not stop, then remove whatever
//! processes a killed sandbox left behind.

use super::{is_sandbox_process, pid_file, running_pid};
use rsadmin_sandbox::{clusters, reconcile};
use std::path::Path;
use std::process::ExitCode;
use std::thread::sleep;
use std::time::{Duration, Instant};

const GRACE_PERIOD: Duration = Duration::from_secs(10);

pub fn run(dir: &Path) -> anyhow::Result<ExitCode> {
    match running_pid(dir) {
        Some(pid) => {
            stop(pid);
            println!("rsadmin-sandbox: stopped (pid {pid})");
        }
        None => println!("rsadmin-sandbox: not running in {}", dir.display()),
    }
    // Every cluster of `up --clusters K`: each keeps its shards' pids in its own directory.
    for cluster in clusters::cluster_dirs(dir) {
        reconcile::kill_leftovers(&cluster);
    }
    let _ = std::fs::remove_file(pid_file(dir));
    Ok(ExitCode::SUCCESS)
}

fn stop(pid: i32) {
    signal(pid, libc::SIGTERM);
    let deadline = Instant::now() + GRACE_PERIOD;
    while is_sandbox_process(pid) && Instant::now() < deadline {
        sleep(Duration::from_millis(50));
    }
    if is_sandbox_process(pid) {
        signal(pid, libc::SIGKILL);
    }
}

fn signal(pid: i32, signal: libc::c_int) {
    // SAFETY: kill(2) has no memory-safety preconditions; the pid was checked to be ours.
    unsafe {
        libc::kill(pid, signal);
    }
}
