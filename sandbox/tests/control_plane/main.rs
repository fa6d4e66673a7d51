//! Control-plane tests of rsadmin-sandbox: a real sandbox (REST over HTTPS, real redis-server
//! shards) driven over HTTP, and the real binary for the life-cycle commands.

mod actions;
mod certificates;
#[path = "../common/mod.rs"]
mod common;
mod conformance;
mod lifecycle;
mod rest_api;
mod support;
