//! The RESP codec and the key-slot function, shared by `rsadmin` (its `verify` probe) and
//! `rsadmin-sandbox` (its per-node proxy), so that each exists once.
//!
//! - [`reader`]: a blocking, bounded reply parser for replies from servers `verify` does not
//!   trust, and the request encoder it sends with.
//! - [`frame`]: slice-based frame boundaries, a reply parser and reply writers for the proxy's
//!   hot path (relaying shard replies untouched, merging the few it must).
//! - [`slot`]: CRC16-XMODEM, the hash-tag rule and the key -> hash slot function.
//!
//! The small functions the proxy calls per request or reply are `#[inline]`: the workspace builds
//! without LTO, and they were inlinable when they lived in the sandbox crate.
//!
//! It is hand-written rather than built on a registry crate: bench/RESULTS.md ("RESP codec and
//! CRC16") has the measurements and the bounds the registry crates do not give.

pub mod frame;
pub mod reader;
pub mod slot;
