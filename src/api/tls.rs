//! The rustls client configuration: public CAs plus `--ca-cert`, or no verification with `--insecure`.

use std::path::Path;
use std::sync::Arc;

use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, ring};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, RootCertStore};

use crate::error::{CliError, CliResult, ExitKind};

/// How the server certificate is checked.
pub enum TrustPolicy<'a> {
    /// Public CAs (webpki roots), plus an extra CA file when given.
    Verify { extra_ca: Option<&'a Path> },
    /// Accept any certificate (`--insecure`).
    AcceptAny,
    /// A verifier of its own: certificate pinning (`api::pinning`).
    Custom(Arc<dyn ServerCertVerifier>),
}

pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring::default_provider())
}

/// The public CAs (webpki roots), plus an extra CA file when given.
pub fn trusted_roots(extra_ca: Option<&Path>) -> CliResult<RootCertStore> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(path) = extra_ca {
        add_ca_file(&mut roots, path)?;
    }
    Ok(roots)
}

pub fn client_config(policy: TrustPolicy) -> CliResult<ClientConfig> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|err| CliError::new(ExitKind::Connect, format!("TLS set-up failed: {err}")))?;
    let config = match policy {
        TrustPolicy::Verify { extra_ca } => builder
            .with_root_certificates(trusted_roots(extra_ca)?)
            .with_no_client_auth(),
        TrustPolicy::AcceptAny => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate { provider }))
            .with_no_client_auth(),
        TrustPolicy::Custom(verifier) => builder
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth(),
    };
    Ok(config)
}

fn add_ca_file(roots: &mut RootCertStore, path: &Path) -> CliResult<()> {
    add_pem_certificates(roots, path).map_err(|detail| {
        CliError::usage(format!(
            "cannot use --ca-cert {}: {detail}. Pass a PEM file holding the cluster's CA certificate.",
            path.display()
        ))
    })
}

/// Adds every certificate of the PEM file at `path` to `roots`; the error says what is wrong
/// with the file. Shared by the REST client (`--ca-cert`) and the database probe (`--db-ca-cert`).
pub fn add_pem_certificates(roots: &mut RootCertStore, path: &Path) -> Result<(), String> {
    let certs: Vec<CertificateDer> = CertificateDer::pem_file_iter(path)
        .map_err(|err| err.to_string())?
        .collect::<Result<_, _>>()
        .map_err(|err| err.to_string())?;
    if certs.is_empty() {
        return Err("no certificate found".into());
    }
    for cert in certs {
        roots.add(cert).map_err(|err| err.to_string())?;
    }
    Ok(())
}

/// The signature checks of a `ServerCertVerifier` whose `provider` field holds the crypto
/// provider: every verifier here checks signatures the same way, whatever it decides about the
/// certificate itself.
macro_rules! provider_signature_checks {
    () => {
        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &rustls::pki_types::CertificateDer<'_>,
            dss: &rustls::DigitallySignedStruct,
        ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
            rustls::crypto::verify_tls12_signature(
                message,
                cert,
                dss,
                &self.provider.signature_verification_algorithms,
            )
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &rustls::pki_types::CertificateDer<'_>,
            dss: &rustls::DigitallySignedStruct,
        ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
            rustls::crypto::verify_tls13_signature(
                message,
                cert,
                dss,
                &self.provider.signature_verification_algorithms,
            )
        }

        fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
            self.provider
                .signature_verification_algorithms
                .supported_schemes()
        }
    };
}
pub(super) use provider_signature_checks;

/// `--insecure`: signatures are still checked for consistency, the chain is not.
#[derive(Debug)]
struct AcceptAnyCertificate {
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    provider_signature_checks!();
}
