//! A small blocking RESP client, as a cluster-aware client library would connect: TCP (TLS when
//! the database uses it), AUTH, then plain commands. Every step (connect, handshake, one reply)
//! must end within one timeout in total: a server that drips a byte at a time cannot stretch it.

use std::fmt;
use std::io::{self, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rustls::pki_types::ServerName;

use super::resp::{self, RespValue};
use crate::limits::deadline_after;

/// Database credentials. The password is held only in memory and never printed.
#[derive(Clone)]
pub struct DbCredentials {
    pub user: Option<String>,
    pub password: String,
}

impl fmt::Debug for DbCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DbCredentials")
            .field("user", &self.user)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// How to open every probe connection.
#[derive(Clone, Debug)]
pub struct ConnectSettings {
    /// Bound on each step in total: connect, TLS handshake, and each command's reply.
    pub timeout: Duration,
    pub tls: Option<TlsSettings>,
    pub credentials: Option<DbCredentials>,
}

#[derive(Clone, Debug)]
pub struct TlsSettings {
    pub config: Arc<rustls::ClientConfig>,
    /// The name to verify every certificate against (and send as SNI) instead of the address
    /// connected to. Redis Software proxy certificates carry DNS names only, so IP addresses
    /// from `CLUSTER SLOTS` verify against the database's DNS name, as clients are told to do.
    pub server_name: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("cannot resolve {address}")]
    Resolve { address: String },
    #[error("cannot connect to {address}: {reason}")]
    Connect { address: String, reason: String },
    #[error("no reply from {address} within {seconds:.1}s ({step})")]
    Timeout {
        address: String,
        step: &'static str,
        seconds: f64,
    },
    #[error("TLS failure with {address}: {reason}")]
    Tls { address: String, reason: String },
    #[error("{address} rejected the database credentials: {reason}")]
    Auth { address: String, reason: String },
    #[error("{address}: {reason}")]
    Io { address: String, reason: String },
}

trait Stream: Read + Write + Send {}
impl<T: Read + Write + Send> Stream for T {}

pub struct RespConnection {
    address: String,
    timeout: Duration,
    deadline: StepDeadline,
    stream: BufReader<Box<dyn Stream>>,
}

/// When the current step must end; shared with the socket, which checks it before every read
/// and write and lets each wait only as long as is left.
#[derive(Clone)]
struct StepDeadline(Arc<Mutex<Instant>>);

impl StepDeadline {
    fn starting_now(timeout: Duration) -> Self {
        StepDeadline(Arc::new(Mutex::new(deadline_after(timeout))))
    }

    fn restart(&self, timeout: Duration) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = deadline_after(timeout);
    }

    /// The time left, or a timeout error once the deadline has passed.
    fn remaining(&self) -> io::Result<Duration> {
        let deadline = *self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "step deadline passed",
            ));
        }
        Ok(left)
    }
}

/// The TCP socket under the (optional) TLS layer, bounded by the step deadline.
struct DeadlineSocket {
    tcp: TcpStream,
    deadline: StepDeadline,
}

impl Read for DeadlineSocket {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.tcp
            .set_read_timeout(Some(self.deadline.remaining()?))?;
        self.tcp.read(buf)
    }
}

impl Write for DeadlineSocket {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tcp
            .set_write_timeout(Some(self.deadline.remaining()?))?;
        self.tcp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.tcp.flush()
    }
}

impl RespConnection {
    /// Connects to `host:port`, does the TLS handshake when configured and authenticates.
    pub fn open(host: &str, port: u16, settings: &ConnectSettings) -> Result<Self, ProbeError> {
        let address = format!("{host}:{port}");
        let socket_addr = (host, port)
            .to_socket_addrs()
            .ok()
            .and_then(|mut addrs| addrs.next())
            .ok_or_else(|| ProbeError::Resolve {
                address: address.clone(),
            })?;
        let tcp = TcpStream::connect_timeout(&socket_addr, settings.timeout).map_err(|err| {
            if is_timeout(&err) {
                timeout_error(&address, "connect", settings.timeout)
            } else {
                ProbeError::Connect {
                    address: address.clone(),
                    reason: err.to_string(),
                }
            }
        })?;
        tcp.set_nodelay(true).map_err(|err| ProbeError::Io {
            address: address.clone(),
            reason: err.to_string(),
        })?;
        let deadline = StepDeadline::starting_now(settings.timeout);
        let socket = DeadlineSocket {
            tcp,
            deadline: deadline.clone(),
        };
        let stream: Box<dyn Stream> = match &settings.tls {
            None => Box::new(socket),
            Some(tls) => Box::new(tls_stream(&address, host, socket, tls, settings.timeout)?),
        };
        let mut connection = RespConnection {
            address,
            timeout: settings.timeout,
            deadline,
            stream: BufReader::new(stream),
        };
        if let Some(credentials) = &settings.credentials {
            connection.authenticate(credentials)?;
        }
        Ok(connection)
    }

    /// Sends one command and reads its reply; a server error comes back as `RespValue::Error`.
    pub fn call(&mut self, args: &[&[u8]]) -> Result<RespValue, ProbeError> {
        self.deadline.restart(self.timeout);
        resp::write_command(self.stream.get_mut(), args)
            .and_then(|()| resp::read_value(&mut self.stream))
            .map_err(|err| self.io_failure(err, "reply"))
    }

    /// Convenience for text-only commands: `call_text(&["CLUSTER", "SLOTS"])`.
    pub fn call_text(&mut self, args: &[&str]) -> Result<RespValue, ProbeError> {
        let args: Vec<&[u8]> = args.iter().map(|arg| arg.as_bytes()).collect();
        self.call(&args)
    }

    fn authenticate(&mut self, credentials: &DbCredentials) -> Result<(), ProbeError> {
        let mut args: Vec<&[u8]> = vec![b"AUTH"];
        if let Some(user) = &credentials.user {
            args.push(user.as_bytes());
        }
        args.push(credentials.password.as_bytes());
        match self.call(&args)? {
            RespValue::Error(reason) => Err(ProbeError::Auth {
                address: self.address.clone(),
                reason,
            }),
            _ => Ok(()),
        }
    }

    fn io_failure(&self, err: io::Error, step: &'static str) -> ProbeError {
        if is_timeout(&err) {
            timeout_error(&self.address, step, self.timeout)
        } else {
            ProbeError::Io {
                address: self.address.clone(),
                reason: err.to_string(),
            }
        }
    }
}

fn is_timeout(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}

fn timeout_error(address: &str, step: &'static str, timeout: Duration) -> ProbeError {
    ProbeError::Timeout {
        address: address.to_string(),
        step,
        seconds: timeout.as_secs_f64(),
    }
}

fn tls_stream(
    address: &str,
    host: &str,
    mut socket: DeadlineSocket,
    tls: &TlsSettings,
    timeout: Duration,
) -> Result<rustls::StreamOwned<rustls::ClientConnection, DeadlineSocket>, ProbeError> {
    let tls_error = |reason: String| ProbeError::Tls {
        address: address.to_string(),
        reason,
    };
    // The handshake is a step of its own, with a full timeout after the connect.
    socket.deadline.restart(timeout);
    let name = tls.server_name.as_deref().unwrap_or(host);
    let server_name = ServerName::try_from(name.to_string())
        .map_err(|err| tls_error(format!("invalid server name {name:?}: {err}")))?;
    let mut session = rustls::ClientConnection::new(tls.config.clone(), server_name)
        .map_err(|err| tls_error(err.to_string()))?;
    // Finish the handshake now so a certificate problem is reported as TLS, not as a read error.
    while session.is_handshaking() {
        session.complete_io(&mut socket).map_err(|err| {
            if is_timeout(&err) {
                timeout_error(address, "TLS handshake", timeout)
            } else {
                tls_error(err.to_string())
            }
        })?;
    }
    Ok(rustls::StreamOwned::new(session, socket))
}

/// TLS settings for databases with `tls_mode` enabled: trust the given CA bundle.
pub fn tls_client_config(ca_pem: &Path) -> Result<Arc<rustls::ClientConfig>, String> {
    let mut roots = rustls::RootCertStore::empty();
    crate::api::tls::add_pem_certificates(&mut roots, ca_pem)
        .map_err(|err| format!("cannot read CA certificate {}: {err}", ca_pem.display()))?;
    let config = rustls::ClientConfig::builder_with_provider(crate::api::tls::provider())
        .with_safe_default_protocol_versions()
        .map_err(|err| err.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}
