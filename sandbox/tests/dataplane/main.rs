//! Data-plane tests: real redis-server shards behind the real proxies, driven with raw RESP and
//! with real clients (redis-cli, redis-benchmark, redis-py, node-redis, ioredis).

mod support;

mod auth;
mod hardening;
mod oss_off;
mod oss_on;
mod rest_walkthrough;
