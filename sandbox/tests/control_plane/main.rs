//! Control-plane tests of rsadmin-sandbox: a real sandbox (REST over HTTPS, real redis-server
//! shards) driven over HTTP, and the real binary for the life-cycle commands. One file per area;
//! `crdb` runs several clusters as one peer group, `independent_client` reads the answers with
//! the vendor's typed client; helpers are in `support`.

mod actions;
mod certificates;
mod conformance;
mod crdb;
mod independent_client;
mod lifecycle;
mod limits;
mod moves;
mod rest_api;
mod support;
