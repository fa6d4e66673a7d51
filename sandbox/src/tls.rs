//! The sandbox's own CA (written to `DIR/ca.pem` for clients to trust) and the REST server
//! certificate it issues for 127.0.0.1, localhost and the cluster FQDN.

use anyhow::Context;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};
use rustls::ServerConfig;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::sync::Arc;

pub struct ServerTls {
    /// PEM of the CA certificate clients must trust.
    pub ca_pem: String,
    pub config: Arc<ServerConfig>,
}

/// Issues a fresh CA and server certificate (new ones on every start; `ca.pem` is rewritten).
pub fn issue(cluster_fqdn: &str) -> anyhow::Result<ServerTls> {
    let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
    ca_params.distinguished_name.push(
        DnType::CommonName,
        format!("rsadmin-sandbox CA ({cluster_fqdn})"),
    );
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate()?)?;

    let server_names = vec![
        "127.0.0.1".to_string(),
        "localhost".to_string(),
        cluster_fqdn.to_string(),
    ];
    let mut server_params = CertificateParams::new(server_names)?;
    server_params
        .distinguished_name
        .push(DnType::CommonName, cluster_fqdn);
    let server_key = KeyPair::generate()?;
    let server_cert = server_params.signed_by(&server_key, &ca)?;

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let chain = vec![
        CertificateDer::from(server_cert.der().to_vec()),
        CertificateDer::from(ca.der().to_vec()),
    ];
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("TLS protocol versions")?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .context("TLS server certificate")?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(ServerTls {
        ca_pem: ca.pem(),
        config: Arc::new(config),
    })
}
