//! The client side of the OSS Cluster API: slot math and a RESP probe that sees the topology the
//! way a cluster-aware client library does.

pub mod cluster_reply;
pub mod compat;
pub mod connection;
pub mod expected;
pub mod resp;
pub mod slots;
pub mod verify;
