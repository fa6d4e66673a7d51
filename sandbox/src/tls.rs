//! The sandbox's own CA and the REST server certificate it issues for 127.0.0.1, localhost and
//! the cluster FQDN.
//!
//! Like a real cluster, the sandbox keeps its certificates across restarts, so a profile that
//! pins the server certificate (or trusts `ca.pem`) keeps working after `down` and `up`:
//! - the CA lives in the CA directory (`DIR`; for `up --clusters K` cluster 1's `DIR`, shared by
//!   every cluster of the group): `ca.pem` and `ca-key.pem`;
//! - each cluster keeps `server-cert.pem` and `server-key.pem` in its own `DIR`, and a copy of
//!   the CA certificate as `DIR/ca.pem` for its clients.
//!
//! Key files are mode 0600 and never printed. The server certificate is reused while it still
//! verifies against the CA for every address; otherwise (or when `rotate_server_certificate`
//! asks for it, as a cluster admin replacing the certificate would) a new one is issued by the
//! same CA. Deleting the files before `up` makes a new CA as well.

use crate::durable_file::{self, Readers};
use anyhow::Context;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::ServerConfig;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::ServerCertVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use std::fs;
use std::path::Path;
use std::sync::Arc;

pub const CA_CERT_FILE: &str = "ca.pem";
pub const CA_KEY_FILE: &str = "ca-key.pem";
pub const SERVER_CERT_FILE: &str = "server-cert.pem";
pub const SERVER_KEY_FILE: &str = "server-key.pem";

pub struct ServerTls {
    /// PEM of the CA certificate clients must trust.
    pub ca_pem: String,
    pub config: Arc<ServerConfig>,
}

/// Where the certificates of one cluster live.
pub struct CertificateDirs<'a> {
    /// The cluster's own directory: server certificate and key, and a copy of `ca.pem`.
    pub dir: &'a Path,
    /// The directory of the (possibly shared) CA certificate and key.
    pub ca_dir: &'a Path,
}

/// What the server certificate is for: the cluster FQDN and the internal address of every node,
/// which serves the REST API too.
pub struct ServerIdentity<'a> {
    pub cluster_fqdn: &'a str,
    pub node_addresses: &'a [String],
}

/// The CA and server certificate kept in `dirs`, made (and saved) where missing; a new server
/// certificate when `rotate_server_certificate` or when the saved one no longer fits.
pub fn load_or_issue(
    dirs: &CertificateDirs,
    identity: &ServerIdentity,
    rotate_server_certificate: bool,
) -> anyhow::Result<ServerTls> {
    let cluster_fqdn = identity.cluster_fqdn;
    let ca = load_or_issue_ca(dirs.ca_dir, cluster_fqdn)?;
    if dirs.dir != dirs.ca_dir {
        durable_file::replace(
            &dirs.dir.join(CA_CERT_FILE),
            ca.pem.as_bytes(),
            Readers::Default,
        )?;
    }
    let names = server_names(cluster_fqdn, identity.node_addresses);
    let saved = if rotate_server_certificate {
        None
    } else {
        read_server_certificate(dirs.dir)?
    };
    let config = match saved.and_then(|server| server_config(&server, &ca, &names).ok()) {
        Some(config) => config,
        None => {
            let server = issue_server_certificate(&ca, cluster_fqdn, &names)?;
            durable_file::replace(
                &dirs.dir.join(SERVER_KEY_FILE),
                server.key_pem.as_bytes(),
                Readers::OwnerOnly,
            )?;
            durable_file::replace(
                &dirs.dir.join(SERVER_CERT_FILE),
                server.cert_pem.as_bytes(),
                Readers::Default,
            )?;
            server_config(&server, &ca, &names).with_context(|| {
                format!(
                    "the new server certificate does not verify against {}; delete it and {} \
                     to make a new CA",
                    dirs.ca_dir.join(CA_CERT_FILE).display(),
                    CA_KEY_FILE
                )
            })?
        }
    };
    Ok(ServerTls {
        ca_pem: ca.pem,
        config: Arc::new(config),
    })
}

struct Ca {
    pem: String,
    issuer: Issuer<'static, KeyPair>,
}

struct ServerCertificate {
    cert_pem: String,
    key_pem: String,
}

fn server_names(cluster_fqdn: &str, node_addresses: &[String]) -> Vec<String> {
    let mut names = vec![
        "127.0.0.1".to_string(),
        "localhost".to_string(),
        cluster_fqdn.to_string(),
    ];
    names.extend(node_addresses.iter().cloned());
    names
}

/// The saved CA when both files are there (a damaged one is an error, not silently replaced:
/// clients trust it); otherwise a new one, saved.
fn load_or_issue_ca(ca_dir: &Path, cluster_fqdn: &str) -> anyhow::Result<Ca> {
    let cert_path = ca_dir.join(CA_CERT_FILE);
    let key_path = ca_dir.join(CA_KEY_FILE);
    if let (Some(pem), Some(key_pem)) = (read_if_present(&cert_path)?, read_if_present(&key_path)?)
    {
        let damaged = || {
            format!(
                "{} or {} is damaged; delete both to make a new CA",
                cert_path.display(),
                key_path.display()
            )
        };
        let key = KeyPair::from_pem(&key_pem).with_context(damaged)?;
        let issuer = Issuer::from_ca_cert_pem(&pem, key).with_context(damaged)?;
        return Ok(Ca { pem, issuer });
    }
    let mut params = CertificateParams::new(Vec::<String>::new())?;
    params.distinguished_name.push(
        DnType::CommonName,
        format!("rsadmin-sandbox CA ({cluster_fqdn})"),
    );
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let key = KeyPair::generate()?;
    let pem = params.self_signed(&key)?.pem();
    durable_file::replace(
        &key_path,
        key.serialize_pem().as_bytes(),
        Readers::OwnerOnly,
    )?;
    durable_file::replace(&cert_path, pem.as_bytes(), Readers::Default)?;
    Ok(Ca {
        pem,
        issuer: Issuer::new(params, key),
    })
}

fn issue_server_certificate(
    ca: &Ca,
    cluster_fqdn: &str,
    names: &[String],
) -> anyhow::Result<ServerCertificate> {
    let mut params = CertificateParams::new(names.to_vec())?;
    params
        .distinguished_name
        .push(DnType::CommonName, cluster_fqdn);
    let key = KeyPair::generate()?;
    let cert = params.signed_by(&key, &ca.issuer)?;
    Ok(ServerCertificate {
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
    })
}

fn read_server_certificate(dir: &Path) -> anyhow::Result<Option<ServerCertificate>> {
    let cert = read_if_present(&dir.join(SERVER_CERT_FILE))?;
    let key = read_if_present(&dir.join(SERVER_KEY_FILE))?;
    Ok(cert
        .zip(key)
        .map(|(cert_pem, key_pem)| ServerCertificate { cert_pem, key_pem }))
}

fn read_if_present(path: &Path) -> anyhow::Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error).with_context(|| format!("reading {}", path.display())),
    }
}

/// The REST server's TLS configuration, after checking that the certificate verifies against
/// the CA for every name, today, and belongs to the key.
fn server_config(
    server: &ServerCertificate,
    ca: &Ca,
    names: &[String],
) -> anyhow::Result<ServerConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let leaf = CertificateDer::from_pem_slice(server.cert_pem.as_bytes())?;
    let ca_cert = CertificateDer::from_pem_slice(ca.pem.as_bytes())?;
    verify_for_names(&leaf, &ca_cert, names, &provider)?;
    let key = PrivateKeyDer::from_pem_slice(server.key_pem.as_bytes())?;
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("TLS protocol versions")?
        .with_no_client_auth()
        .with_single_cert(vec![leaf, ca_cert], key)
        .context("TLS server certificate")?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

fn verify_for_names(
    leaf: &CertificateDer<'static>,
    ca_cert: &CertificateDer<'static>,
    names: &[String],
    provider: &Arc<CryptoProvider>,
) -> anyhow::Result<()> {
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca_cert.clone())?;
    let verifier =
        WebPkiServerVerifier::builder_with_provider(Arc::new(roots), Arc::clone(provider))
            .build()?;
    for name in names {
        let server_name = ServerName::try_from(name.as_str())?.to_owned();
        verifier.verify_server_cert(leaf, &[], &server_name, &[], UnixTime::now())?;
    }
    Ok(())
}
