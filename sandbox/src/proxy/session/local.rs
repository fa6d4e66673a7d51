//! What the proxy answers itself instead of a shard: HELLO, AUTH, SELECT, CLUSTER and most of
//! CLIENT (rs-observed.md §3, §6).

use super::Session;
use super::reply::{Pending, local_error, local_status};
use crate::proxy::auth;
use crate::proxy::errors;
use crate::proxy::resp::{self, Args, Protocol};
use crate::proxy::shard_io::Source;
use crate::proxy::slot::key_slot;
use crate::proxy::topology::HELLO_MODE;

const CLUSTER_HELP: [&str; 13] = [
    "CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "INFO",
    "    Return information about the cluster.",
    "KEYSLOT <key>",
    "    Return the hash slot for <key>.",
    "NODES",
    "    Return cluster configuration seen by node.",
    "SHARDS",
    "    Return information about slot range mappings and the nodes associated with them.",
    "SLOTS",
    "    Return information about slots range mappings.",
    "HELP",
    "    Print this help.",
];

/// Only database 0 exists.
pub(super) fn select(args: &Args) -> Pending {
    match args.get(1).map(Vec::as_slice) {
        Some(b"0") if args.len() == 2 => local_status("OK"),
        Some(_) if args.len() == 2 => local_error(errors::SELECT_OUT_OF_RANGE),
        _ => local_error(&errors::wrong_arity("select")),
    }
}

impl Session {
    /// `AUTH [username] password`: only a failed check leaves the connection as it was.
    pub(super) fn auth(&mut self, args: &Args) -> Pending {
        let (username, password) = match args.as_slice() {
            [_, password] => (None, password),
            [_, username, password] => (Some(username.as_slice()), password),
            [_] => return local_error(&errors::wrong_arity("auth")),
            _ => return local_error(errors::SYNTAX_ERROR),
        };
        if self.log_in(username, password) {
            local_status("OK")
        } else {
            local_error(errors::WRONGPASS)
        }
    }

    fn log_in(&mut self, username: Option<&[u8]>, password: &[u8]) -> bool {
        let accepted = auth::accepts(self.topology.settings.password.as_ref(), username, password);
        self.authenticated |= accepted;
        accepted
    }

    /// Checks in Redis's order: protocol version, options, credentials, authentication; only then
    /// does anything change.
    pub(super) fn hello(&mut self, args: &Args) -> Pending {
        let protocol = match args.get(1).map(Vec::as_slice) {
            None => None,
            Some(b"2") => Some(Protocol::Resp2),
            Some(b"3") => Some(Protocol::Resp3),
            Some(_) => return local_error(errors::NOPROTO),
        };
        let mut client_name = None;
        let mut credentials = None;
        let mut options = args.iter().skip(2);
        while let Some(option) = options.next() {
            if option.eq_ignore_ascii_case(b"SETNAME") {
                client_name = options.next().cloned();
            } else if option.eq_ignore_ascii_case(b"AUTH") {
                match (options.next(), options.next()) {
                    (Some(username), Some(password)) => credentials = Some((username, password)),
                    _ => return local_error(errors::HELLO_AUTH_SYNTAX),
                }
            }
        }
        if let Some((username, password)) = credentials
            && !self.log_in(Some(username), password)
        {
            return local_error(errors::WRONGPASS);
        }
        if !self.authenticated {
            return local_error(errors::HELLO_NOAUTH);
        }
        if client_name.is_some() {
            self.client_name = client_name;
        }
        let mut switched = Vec::new();
        if let (Some(protocol), Some(version)) = (protocol, args.get(1)) {
            // Open shard connections switch too; their HELLO replies are dropped in order.
            switched = self.io.switch_protocol(protocol, version);
            self.protocol = protocol;
        }
        Pending::Hello {
            discard: switched,
            reply: self.hello_reply(),
        }
    }

    fn hello_reply(&self) -> Vec<u8> {
        let mut out = Vec::new();
        resp::write_map_len(&mut out, self.protocol, 7);
        for (key, value) in [
            ("server", "redis"),
            ("version", self.backend.redis_version.as_str()),
        ] {
            resp::write_bulk(&mut out, key.as_bytes());
            resp::write_bulk(&mut out, value.as_bytes());
        }
        resp::write_bulk(&mut out, b"proto");
        resp::write_int(
            &mut out,
            if self.protocol == Protocol::Resp3 {
                3
            } else {
                2
            },
        );
        resp::write_bulk(&mut out, b"id");
        resp::write_int(&mut out, self.client_id as i64);
        for (key, value) in [("mode", HELLO_MODE), ("role", "master")] {
            resp::write_bulk(&mut out, key.as_bytes());
            resp::write_bulk(&mut out, value.as_bytes());
        }
        resp::write_bulk(&mut out, b"modules");
        resp::write_array_len(&mut out, 0);
        out
    }

    pub(super) fn cluster(&self, args: &Args) -> Pending {
        let Some(subcommand) = args.get(1) else {
            return local_error(&errors::wrong_arity("cluster"));
        };
        let subcommand = String::from_utf8_lossy(subcommand).to_ascii_uppercase();
        if !self.oss() {
            return local_error(if subcommand == "KEYSLOT" {
                errors::KEYSLOT_DISABLED
            } else {
                errors::CLUSTER_API_DISABLED
            });
        }
        let topology = &self.topology;
        let mut out = Vec::new();
        match subcommand.as_str() {
            "SLOTS" => topology.write_cluster_slots(&mut out, self.protocol),
            "SHARDS" => topology.write_cluster_shards(&mut out, self.protocol),
            "NODES" => resp::write_verbatim(
                &mut out,
                self.protocol,
                &topology.cluster_nodes_text(self.node_uid),
            ),
            "INFO" => resp::write_verbatim(&mut out, self.protocol, &topology.cluster_info_text()),
            "KEYSLOT" => match args.get(2) {
                Some(key) if args.len() == 3 => resp::write_int(&mut out, i64::from(key_slot(key))),
                _ => return local_error(&errors::wrong_arity("cluster|keyslot")),
            },
            "HELP" => {
                resp::write_array_len(&mut out, CLUSTER_HELP.len());
                for line in CLUSTER_HELP {
                    resp::write_status(&mut out, line);
                }
            }
            _ => return local_error(errors::CLUSTER_SUBCOMMAND_BLOCKED),
        }
        Pending::Local(out)
    }

    /// CLIENT: the proxy keeps the name and id; what changes a connection's behaviour goes to the
    /// client's own shard connection.
    pub(super) async fn client_command(&mut self, args: Args) -> Pending {
        let subcommand = args
            .get(1)
            .map(|sub| String::from_utf8_lossy(sub).to_ascii_uppercase())
            .unwrap_or_default();
        match subcommand.as_str() {
            "SETNAME" if args.len() == 3 => {
                self.client_name = Some(args[2].clone());
                local_status("OK")
            }
            "GETNAME" => {
                let mut out = Vec::new();
                match &self.client_name {
                    Some(name) => resp::write_bulk(&mut out, name),
                    None => resp::write_null(&mut out, self.protocol),
                }
                Pending::Local(out)
            }
            "ID" => {
                let mut out = Vec::new();
                resp::write_int(&mut out, self.client_id as i64);
                Pending::Local(out)
            }
            // Accepted like RS >= 8.0.16 does; the sandbox never sends maintenance pushes.
            "SETINFO" | "MAINT_NOTIFICATIONS" => local_status("OK"),
            // CLIENT TRACKING, CLIENT REPLY and the like change the connection they run on.
            _ => {
                let source = Source::Dedicated(self.router().default_shard());
                self.forward(source, &args).await
            }
        }
    }
}
