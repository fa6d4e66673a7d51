//! The database password (bdb `authentication_redis_pass`), checked by the proxy, and the
//! password of the shard redis-servers, which only the proxies know.

use std::fmt;
use std::sync::Arc;

use rand::RngExt;

/// The only user a database password authenticates (Redis Software's `default_user`).
const DEFAULT_USER: &[u8] = b"default";

/// A non-empty database password. Debug never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct DbPassword(String);

impl DbPassword {
    /// None for an empty setting: the database has no password.
    pub fn from_setting(setting: &str) -> Option<Self> {
        (!setting.is_empty()).then(|| DbPassword(setting.to_string()))
    }
}

impl fmt::Debug for DbPassword {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("DbPassword(<redacted>)")
    }
}

/// The `requirepass` of every shard of a sandbox, generated when it starts and held in memory
/// only (redis-server reads it from its standard input): a shard's port is no way around the
/// database password, as on a real cluster, where clients reach shards only through the proxy.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ShardPassword(Arc<str>);

impl ShardPassword {
    pub fn generate() -> ShardPassword {
        let password: String = rand::rng()
            .sample_iter(rand::distr::Alphanumeric)
            .take(32)
            .map(char::from)
            .collect();
        ShardPassword(password.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ShardPassword {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("ShardPassword(<redacted>)")
    }
}

/// Whether `AUTH [username] password` (or HELLO's AUTH option) logs a client in. A database
/// without a password accepts any credentials, as the sandbox always did. UNCONFIRMED for Redis
/// Software (rs-observed.md has no capture); OSS Redis 7 would answer `ERR AUTH <password> called
/// without any password configured ...` instead.
pub fn accepts(required: Option<&DbPassword>, username: Option<&[u8]>, password: &[u8]) -> bool {
    required.is_none_or(|required| {
        username.is_none_or(|username| username == DEFAULT_USER)
            && required.0.as_bytes() == password
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_admits_only_itself_for_the_default_user() {
        let required = DbPassword::from_setting("s3cret");
        assert!(accepts(required.as_ref(), None, b"s3cret"));
        assert!(accepts(required.as_ref(), Some(b"default"), b"s3cret"));
        assert!(!accepts(required.as_ref(), None, b"wrong"));
        assert!(!accepts(required.as_ref(), Some(b"alice"), b"s3cret"));
    }

    #[test]
    fn no_password_admits_anything_and_debug_hides_the_password() {
        assert!(accepts(DbPassword::from_setting("").as_ref(), None, b"x"));
        let shown = format!("{:?}", DbPassword::from_setting("s3cret"));
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
