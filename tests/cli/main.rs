//! Integration tests of the rsadmin binary: one test binary, so the shared support modules are
//! compiled (and checked for unused code) once.

mod profile_support;
mod support;

mod assets;
mod cli_bind_node_check;
mod cli_confirm;
mod cli_connection;
mod cli_info_status;
mod cli_tune;
mod crdb;
mod crdb_ops;
mod doctor;
mod dropin;
mod dropin_scripts;
mod plain_http;
mod profile;
mod profile_completion;
mod tls_pinning;
mod verify;
mod verify_connection;
mod wait;
