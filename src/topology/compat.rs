//! What client libraries trip over besides the topology (rs-observed.md §5, §6.16): whether the
//! proxy accepts `READONLY` (replica reads) and what `HELLO` reports as the server mode.

use serde::Serialize;

use super::cluster_reply::NodeAddress;
use super::connection::{ConnectSettings, ProbeError, RespConnection};
use super::resp::RespValue;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientCompatibility {
    pub address: NodeAddress,
    /// The error `READONLY` got, if it was refused.
    pub readonly_error: Option<String>,
    /// The `mode` field of the `HELLO 3` reply (`cluster` or `standalone`), when it has one.
    pub hello_mode: Option<String>,
}

pub fn probe_client_compatibility(
    address: &NodeAddress,
    settings: &ConnectSettings,
) -> Result<ClientCompatibility, ProbeError> {
    let mut connection = RespConnection::open(&address.host, address.port, settings)?;
    let readonly_error = match connection.call_text(&["READONLY"])? {
        RespValue::Error(error) => Some(error),
        _ => None,
    };
    let hello_mode = connection
        .call_text(&["HELLO", "3"])?
        .field("mode")
        .and_then(|mode| mode.as_text());
    Ok(ClientCompatibility {
        address: address.clone(),
        readonly_error,
        hello_mode,
    })
}
