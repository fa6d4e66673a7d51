//! What `verify` and `doctor` read before they probe: the REST view of one database (one GET
//! per resource) and how to reach it as a client.

use std::time::Duration;

use crate::api::ApiClient;
use crate::api::client::bdb_path;
use crate::api::models::{Bdb, Node, Shard, cluster_version};
use crate::cli::verify::ProbeArgs;
use crate::config::{self, ConnectionInput};
use crate::error::{CliError, CliResult, ExitKind};
use crate::resolve::{DbRef, resolve_db};
use crate::topology::connection::{ConnectSettings, DbCredentials, TlsSettings, tls_client_config};
use crate::topology::expected::ExpectedTopology;
use crate::topology::verify::VerifyOptions;

/// Everything the REST API says about one database that verify and doctor need.
pub struct DatabaseFacts {
    pub subject: String,
    pub bdb: Bdb,
    pub nodes: Vec<Node>,
    pub shards: Vec<Shard>,
    pub cluster_version: Option<String>,
    pub expected: ExpectedTopology,
}

/// The database, its nodes and shards (one GET each after resolving), and the topology a
/// cluster-aware client should see.
pub fn gather(client: &ApiClient, db: &DbRef) -> CliResult<DatabaseFacts> {
    let resolved = resolve_db(client, db)?;
    let bdb: Bdb = client.get(&bdb_path(resolved.uid))?;
    let nodes = client.nodes()?;
    let shards = client.bdb_shards(resolved.uid)?;
    let expected = ExpectedTopology::from_rest(&bdb, &nodes, &shards)
        .map_err(|err| CliError::new(ExitKind::Failed, err))?;
    Ok(DatabaseFacts {
        subject: resolved.subject(),
        cluster_version: cluster_version(&nodes).map(str::to_string),
        bdb,
        nodes,
        shards,
        expected,
    })
}

/// How to reach the database as a client; the password comes from the environment or the
/// profile (`config::db_password`), never from a flag, so never from process arguments.
pub fn probe_options(
    connection: &ConnectionInput,
    probe: &ProbeArgs,
    facts: &DatabaseFacts,
) -> CliResult<VerifyOptions> {
    let tls = if facts.expected.tls {
        let ca = probe.db_ca_cert.as_ref().ok_or_else(|| {
            CliError::usage(format!(
                "{} uses TLS: pass --db-ca-cert PATH (or RSADMIN_DB_CA_CERT) with the CA of the \
                 database certificates",
                facts.subject
            ))
        })?;
        Some(TlsSettings {
            config: tls_client_config(ca).map_err(CliError::usage)?,
            server_name: facts
                .expected
                .seeds
                .iter()
                .find(|seed| seed.is_dns_name)
                .map(|seed| seed.address.host.clone()),
        })
    } else {
        None
    };
    let credentials =
        config::db_password(connection, facts.bdb.uid)?.map(|password| DbCredentials {
            user: probe.db_user.clone(),
            password,
        });
    Ok(VerifyOptions {
        connect: ConnectSettings {
            timeout: Duration::from_secs_f64(probe.probe_timeout),
            tls,
            credentials,
        },
        write_probe: probe.write_probe,
    })
}
