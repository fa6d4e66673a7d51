//! Data-plane tests: real redis-server shards behind the real proxies, driven with raw RESP and
//! with real clients (redis-cli, redis-benchmark, redis-py, node-redis, ioredis).

#[path = "dataplane/support.rs"]
mod support;

#[path = "dataplane/auth.rs"]
mod auth;
#[path = "dataplane/hardening.rs"]
mod hardening;
#[path = "dataplane/oss_off.rs"]
mod oss_off;
#[path = "dataplane/oss_on.rs"]
mod oss_on;
#[path = "dataplane/rest_walkthrough.rs"]
mod rest_walkthrough;
