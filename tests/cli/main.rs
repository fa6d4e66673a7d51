//! Integration tests of the rsadmin binary: one test binary, so the shared support modules are
//! compiled (and checked for unused code) once.

#[path = "../common/fuzz_settings.rs"]
mod fuzz_settings;
mod support;

mod assets;
mod bind;
mod check;
mod cli_confirm;
mod cli_connection;
mod cli_info_status;
mod cli_tune;
mod crdb;
mod crdb_ops;
mod doctor;
mod dropin;
mod dropin_scripts;
mod grammar_fuzz;
mod hardening;
mod node;
mod plain_http;
mod profile;
mod profile_completion;
mod redirects;
mod routes;
mod scale;
mod secrets;
mod shard_moves;
mod tls_pinning;
mod topology_clients;
mod verify;
mod verify_connection;
mod verify_rogue;
mod wait;
