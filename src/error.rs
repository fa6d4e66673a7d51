//! The exit-code contract (design §3) and the one error type every command returns.

use std::fmt;

/// Process exit codes; scripts rely on these (documented in the README and the man page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    /// The operation failed on the cluster (or the cluster did not apply what was asked).
    Failed = 1,
    /// Usage error: bad flag, unknown key, invalid value; nothing was sent.
    Usage = 2,
    /// Refused: prerequisites not met; nothing was changed.
    Refused = 3,
    /// Authentication or permission failure.
    Auth = 4,
    /// Not found: database, node, endpoint.
    NotFound = 5,
    /// Conflict: the cluster is busy or the object changed underneath.
    Conflict = 6,
    /// Timed out waiting for the cluster.
    Timeout = 7,
    /// Cannot connect, or TLS failure.
    Connect = 8,
}

/// An error with the exit code it maps to and a message that names the cause and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub kind: ExitKind,
    pub message: String,
    /// The cluster may answer differently in a moment (HTTP 5xx, a timeout, a dropped
    /// connection): a wait may retry the read that failed.
    pub transient: bool,
}

impl CliError {
    pub fn new(kind: ExitKind, message: impl Into<String>) -> Self {
        CliError {
            kind,
            message: message.into(),
            transient: false,
        }
    }

    /// Marks the error as worth retrying for reads (see [`CliError::transient`]).
    pub fn into_transient(mut self) -> Self {
        self.transient = true;
        self
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ExitKind::Usage, message)
    }

    pub fn exit_code(&self) -> i32 {
        self.kind as i32
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

pub type CliResult<T> = Result<T, CliError>;
