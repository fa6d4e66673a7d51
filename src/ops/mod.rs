//! The shared work of the commands, in the shape of cargo's `ops`: a command parses its words,
//! calls one op and renders; a change op reads the facts once (one GET per resource), plans
//! purely, gates once and applies.
//!
//! The model they build lives beside them, so that `checks` and `output` can use it without
//! depending on `ops`: `crate::field_change` (the vocabulary: `FieldChange`, where, which setting,
//! current, wanted) and `crate::plan` (the `Step` that sends changes, its target derived from their
//! locations, and the `ChangePlan`).
//!
//! - [`gate`]: the OSS Cluster API prerequisites over the database as it would be after a plan.
//! - [`tune_db`]: `tune db` and `placement`, including `--fix`; [`bind`]: `bind`;
//!   [`shard_moves`]: `migrate` and `failover`; [`tune_objects`]: `tune cluster|proxy|node`;
//!   [`node`]: `node ... external_addr`.
//! - [`probe`]: what `verify` and `doctor` read before probing (the REST view, the client
//!   settings).
//! - [`confirm`]: the confirmation rule, decided from a small value.
//! - [`apply`]: the cluster's dry run, each step's request, the wait and the read-back.
//! - [`execute`]: the one flow every plan runs (refuse, nothing to change, dry run, confirm,
//!   apply, report); its words are in `output::plan`.

pub mod apply;
pub mod bind;
pub mod confirm;
pub mod execute;
pub mod gate;
pub mod node;
pub mod probe;
pub mod shard_moves;
pub mod tune_db;
pub mod tune_objects;
