//! Certificate pinning for clusters whose certificate no CA vouches for (the self-signed
//! certificate a Redis Software cluster is installed with): `profile add` shows the certificate's
//! SHA-256 fingerprint and subject, the operator confirms it, and from then on exactly that
//! certificate is accepted; any other one fails with exit 8.

use std::fmt;
use std::net::{TcpStream, ToSocketAddrs};
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, OtherError};
use sha2::{Digest, Sha256};

use super::tls::{TrustPolicy, client_config, provider, provider_signature_checks, trusted_roots};
use crate::error::{CliError, CliResult, ExitKind};

/// How long the certificate inspection may take to connect and shake hands.
const INSPECT_TIMEOUT: Duration = Duration::from_secs(10);

/// SHA-256 of a certificate's DER bytes, written `AB:CD:...` as `openssl x509 -fingerprint
/// -sha256` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    pub fn of(certificate: &[u8]) -> Fingerprint {
        Fingerprint(Sha256::digest(certificate).into())
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pairs: Vec<String> = self.0.iter().map(|byte| format!("{byte:02X}")).collect();
        f.write_str(&pairs.join(":"))
    }
}

impl FromStr for Fingerprint {
    type Err = CliError;

    /// Accepts hex with or without colons, any case, with an optional `sha256:` prefix.
    fn from_str(text: &str) -> CliResult<Fingerprint> {
        let trimmed = text.trim();
        let without_prefix = trimmed
            .strip_prefix("sha256:")
            .or_else(|| trimmed.strip_prefix("SHA256:"))
            .unwrap_or(trimmed);
        let digits: String = without_prefix.chars().filter(|c| *c != ':').collect();
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(&digits, &mut bytes).map_err(|_| {
            CliError::usage(format!(
                "invalid SHA-256 fingerprint {text:?}: expected 64 hex digits, colons allowed \
                 (as `openssl x509 -noout -fingerprint -sha256` prints it)"
            ))
        })?;
        Ok(Fingerprint(bytes))
    }
}

/// A pinned certificate and the profile that pinned it (for the message when it changes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificatePin {
    pub profile: String,
    pub sha256: Fingerprint,
}

/// The server presented another certificate than the pinned one.
#[derive(Debug)]
pub struct PinMismatch {
    pin: CertificatePin,
    presented: Fingerprint,
}

impl fmt::Display for PinMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the server certificate changed: profile {} pins SHA-256 {}, the server presented {}. \
             Someone may be intercepting the connection. If the cluster certificate was replaced on \
             purpose, confirm the new fingerprint with the cluster's administrator and pin it again: \
             rsadmin profile add {} --cluster <url> --user <email> --trust-fingerprint {}",
            self.pin.profile, self.pin.sha256, self.presented, self.pin.profile, self.presented
        )
    }
}

impl std::error::Error for PinMismatch {}

/// Finds a pin mismatch among the causes of a TLS error.
pub fn pin_mismatch(error: &rustls::Error) -> Option<&PinMismatch> {
    match error {
        rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(inner))) => {
            inner.downcast_ref::<PinMismatch>()
        }
        _ => None,
    }
}

/// Accepts exactly the pinned certificate (with a pin), or records what the server presents and
/// refuses it (without one: inspection, so no request is ever sent to an unchecked server).
/// Handshake signatures are always checked, so the server must hold the certificate's key.
#[derive(Debug)]
pub struct PinnedCertificateVerifier {
    pin: Option<CertificatePin>,
    presented: Mutex<Option<CertificateDer<'static>>>,
    provider: Arc<CryptoProvider>,
}

impl PinnedCertificateVerifier {
    pub fn new(pin: Option<CertificatePin>, provider: Arc<CryptoProvider>) -> Self {
        PinnedCertificateVerifier {
            pin,
            presented: Mutex::new(None),
            provider,
        }
    }

    fn presented(&self) -> Option<CertificateDer<'static>> {
        self.presented
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl ServerCertVerifier for PinnedCertificateVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        *self
            .presented
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(end_entity.clone().into_owned());
        let presented = Fingerprint::of(end_entity);
        match &self.pin {
            Some(pin) if pin.sha256 == presented => Ok(ServerCertVerified::assertion()),
            Some(pin) => Err(rustls::Error::InvalidCertificate(CertificateError::Other(
                OtherError(Arc::new(PinMismatch {
                    pin: pin.clone(),
                    presented,
                })),
            ))),
            None => Err(rustls::Error::InvalidCertificate(
                CertificateError::ApplicationVerificationFailure,
            )),
        }
    }

    provider_signature_checks!();
}

/// What `profile add` shows about the cluster's certificate before anything is sent.
#[derive(Debug, Clone)]
pub struct ServerCertificate {
    pub sha256: Fingerprint,
    pub subject: String,
    pub issuer: String,
    /// `None` when the public CAs (plus `--ca-cert`) vouch for it, else why they do not.
    pub untrusted_because: Option<String>,
}

/// Shakes hands with the server at `url` (sending nothing over the connection) and reports its
/// certificate and whether normal verification would accept it.
pub fn inspect_server_certificate(
    url: &reqwest::Url,
    extra_ca: Option<&std::path::Path>,
) -> CliResult<ServerCertificate> {
    let base_url = url.as_str().trim_end_matches('/');
    let host = url
        .host_str()
        .ok_or_else(|| CliError::usage(format!("cluster URL {base_url} has no host")))?;
    let port = url.port_or_known_default().unwrap_or(443);
    let server_name = ServerName::try_from(host.trim_matches(['[', ']']).to_string())
        .map_err(|err| CliError::usage(format!("cluster URL {base_url}: invalid host: {err}")))?;
    let cannot_connect = |detail: String| {
        CliError::new(
            ExitKind::Connect,
            format!("cannot connect to {base_url}: {detail}. Is the cluster URL right?"),
        )
    };

    let verifier = Arc::new(PinnedCertificateVerifier::new(None, provider()));
    let config = client_config(TrustPolicy::Custom(verifier.clone()))?;
    let address = (host.trim_matches(['[', ']']), port)
        .to_socket_addrs()
        .map_err(|err| cannot_connect(err.to_string()))?
        .next()
        .ok_or_else(|| cannot_connect("the host name has no address".into()))?;
    let mut socket = TcpStream::connect_timeout(&address, INSPECT_TIMEOUT)
        .map_err(|err| cannot_connect(err.to_string()))?;
    socket
        .set_read_timeout(Some(INSPECT_TIMEOUT))
        .map_err(|err| cannot_connect(err.to_string()))?;
    let mut connection = rustls::ClientConnection::new(Arc::new(config), server_name.clone())
        .map_err(|err| cannot_connect(format!("TLS failure: {err}")))?;
    // The verifier refuses every certificate, so the handshake always ends in an error once it
    // has seen the certificate; other errors (no TLS on that port) leave nothing recorded.
    while connection.is_handshaking() {
        if let Err(err) = connection.complete_io(&mut socket) {
            if verifier.presented().is_none() {
                return Err(cannot_connect(format!("TLS handshake failed: {err}")));
            }
            break;
        }
    }
    let certificate = verifier
        .presented()
        .ok_or_else(|| cannot_connect("the server presented no certificate".into()))?;

    let (subject, issuer) = names(&certificate);
    let web_pki =
        WebPkiServerVerifier::builder_with_provider(Arc::new(trusted_roots(extra_ca)?), provider())
            .build()
            .map_err(|err| cannot_connect(format!("TLS set-up failed: {err}")))?;
    let untrusted_because = web_pki
        .verify_server_cert(&certificate, &[], &server_name, &[], UnixTime::now())
        .err()
        .map(|err| err.to_string());
    Ok(ServerCertificate {
        sha256: Fingerprint::of(&certificate),
        subject,
        issuer,
        untrusted_because,
    })
}

fn names(certificate: &CertificateDer<'_>) -> (String, String) {
    match x509_parser::parse_x509_certificate(certificate) {
        Ok((_, parsed)) => (parsed.subject().to_string(), parsed.issuer().to_string()),
        Err(_) => ("(unreadable)".into(), "(unreadable)".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_parses_every_common_spelling_and_prints_openssl_style() {
        let colons = "AB:".repeat(31) + "CD";
        let expected: Fingerprint = colons.parse().expect("colon form");
        assert_eq!(expected.to_string(), colons);
        for spelling in [
            colons.to_lowercase(),
            colons.replace(':', ""),
            format!("sha256:{}", colons.replace(':', "")),
            format!("  {colons}\n"),
        ] {
            assert_eq!(spelling.parse::<Fingerprint>().expect("parses"), expected);
        }
        for bad in ["", "AB:CD", &"ZZ".repeat(32)] {
            assert_eq!(
                bad.parse::<Fingerprint>().unwrap_err().kind,
                ExitKind::Usage
            );
        }
    }
}
