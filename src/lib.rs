//! rsadmin: manage the OSS Cluster API of Redis Software databases over the REST API.

pub mod api;
