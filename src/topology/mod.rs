//! The client side of the OSS Cluster API: slot math and a RESP probe that sees the topology the
//! way a cluster-aware client library does.

pub mod cluster_reply;
pub mod compat;
pub mod connection;
pub mod expected;
pub mod slots;
pub mod verify;

/// The bounded RESP reply reader, shared with the sandbox in the `rsadmin-resp` crate.
pub use rsadmin_resp::reader as resp;
