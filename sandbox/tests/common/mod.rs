//! What the sandbox test crates share: an HTTPS client that trusts one sandbox CA.

use reqwest::blocking::Client;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// TLS settings trusting the CA certificates in the PEM file `ca_pem`, and only those.
pub fn tls_trusting(ca_pem: &Path) -> rustls::ClientConfig {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca_pem).expect("read ca.pem") {
        roots.add(cert.expect("parse ca.pem")).expect("add CA");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth()
}

/// A blocking HTTPS client trusting the CA certificates in the PEM file `ca_pem`, and only those.
pub fn client_trusting(ca_pem: &Path) -> Client {
    Client::builder()
        .use_preconfigured_tls(tls_trusting(ca_pem))
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}
