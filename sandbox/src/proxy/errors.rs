//! Every error text the proxy itself produces, in one place: a capture from a real Redis Software
//! cluster may correct any of them (rs-observed.md §2, §3, §6).

/// CLUSTER SLOTS/SHARDS/NODES/INFO/HELP with the OSS Cluster API off. REPORTED on RS 5.x..2026
/// (jedis #2317, redis-plus-plus #71, grafana #81, Azure Managed Redis).
pub const CLUSTER_API_DISABLED: &str = "ERR command is not allowed";
/// CLUSTER KEYSLOT with the OSS Cluster API off (redis.io FAQ "CLUSTER KEYSLOT does not work").
pub const KEYSLOT_DISABLED: &str = "ERR not allowed";
/// CLUSTER subcommands RS never supports (MYID, COUNTKEYSINSLOT, admin ...), OSS API on.
/// UNCONFIRMED: RS only documents "returns an error"; we reuse the disabled text.
pub const CLUSTER_SUBCOMMAND_BLOCKED: &str = "ERR command is not allowed";
pub const SELECT_OUT_OF_RANGE: &str = "ERR DB index is out of range";
pub const CROSSSLOT: &str = "CROSSSLOT Keys in request don't hash to the same slot";
/// RS appends the context of a cross-slot rejection to the OSS text (rs-observed.md §3). Set to
/// false to send the bare OSS text.
pub const CROSSSLOT_WITH_CONTEXT: bool = true;
pub const EXECABORT: &str = "EXECABORT Transaction discarded because of previous errors.";
pub const EXEC_WITHOUT_MULTI: &str = "ERR EXEC without MULTI";
pub const DISCARD_WITHOUT_MULTI: &str = "ERR DISCARD without MULTI";
pub const MULTI_NESTED: &str = "ERR MULTI calls can not be nested";
pub const WATCH_INSIDE_MULTI: &str = "ERR WATCH inside MULTI is not allowed";
pub const NOPROTO: &str = "NOPROTO unsupported protocol version";
pub const SHARD_UNAVAILABLE: &str = "ERR shard unavailable";
pub const INVALID_CURSOR: &str = "ERR invalid cursor";
/// Database password texts: Redis 7's, which RS's proxy is REPORTED to match (rs-observed.md §3
/// shows `NOAUTH Authentication required` on an RS endpoint).
pub const NOAUTH: &str = "NOAUTH Authentication required.";
pub const WRONGPASS: &str = "WRONGPASS invalid username-password pair or user is disabled.";
pub const HELLO_NOAUTH: &str = "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time";
pub const HELLO_AUTH_SYNTAX: &str = "ERR Syntax error in HELLO option 'AUTH'";
pub const SYNTAX_ERROR: &str = "ERR syntax error";

/// READONLY / READWRITE / ASKING in both modes: the old-style unknown-command text with the name
/// exactly as the client sent it (redis #13195, redisson #5302, redis-rs #2404).
pub fn unknown_command(name_as_received: &[u8]) -> String {
    format!(
        "ERR unknown command '{}'",
        String::from_utf8_lossy(name_as_received)
    )
}

pub fn wrong_arity(command: &str) -> String {
    format!("ERR wrong number of arguments for '{command}' command")
}

pub fn moved(slot: u16, endpoint: &str, port: u16) -> String {
    format!("MOVED {slot} {endpoint}:{port}")
}

/// Where a cross-slot rejection happened, for RS's context suffix.
pub struct CrossSlot<'a> {
    pub within_multi: bool,
    pub command: &'a [u8],
    pub original_slot: u16,
    pub wrong_slot: u16,
    pub first_key: &'a [u8],
    pub violating_key: &'a [u8],
}

pub fn crossslot(detail: &CrossSlot<'_>) -> String {
    if !CROSSSLOT_WITH_CONTEXT {
        return CROSSSLOT.to_string();
    }
    let context = if detail.within_multi {
        "within MULTI"
    } else {
        ""
    };
    format!(
        "{CROSSSLOT} (context='{context}', command='{}', original-slot='{}', wrong-slot='{}', first-key='{}', violating-key='{}')",
        String::from_utf8_lossy(detail.command),
        detail.original_slot,
        detail.wrong_slot,
        String::from_utf8_lossy(detail.first_key),
        String::from_utf8_lossy(detail.violating_key),
    )
}
