//! One file per subcommand; the shared pid-file handling lives here.

pub mod down;
pub mod status;
pub mod up;

use std::fs;
use std::path::{Path, PathBuf};

const PID_FILE: &str = "sandbox.pid";

pub fn pid_file(dir: &Path) -> PathBuf {
    dir.join(PID_FILE)
}

/// The pid of the sandbox running in `dir`, if its pid file names a live rsadmin-sandbox process.
pub fn running_pid(dir: &Path) -> Option<i32> {
    let pid: i32 = fs::read_to_string(pid_file(dir))
        .ok()?
        .trim()
        .parse()
        .ok()?;
    is_sandbox_process(pid).then_some(pid)
}

/// Alive (not a zombie) and really ours: a recycled pid must not be signalled.
pub fn is_sandbox_process(pid: i32) -> bool {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().next());
    let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let is_sandbox = String::from_utf8_lossy(&cmdline).contains("rsadmin-sandbox");
    matches!(state, Some(state) if state != "Z" && state != "X") && is_sandbox
}
