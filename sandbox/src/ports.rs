//! Database port choice: a port is usable when it can be bound on every node address.

use std::net::{Ipv4Addr, TcpListener};

/// True when `port` can be bound on each of `addresses` right now.
pub fn is_free(addresses: &[String], port: u16) -> bool {
    addresses
        .iter()
        .all(|address| match address.parse::<Ipv4Addr>() {
            Ok(ip) => TcpListener::bind((ip, port)).is_ok(),
            Err(_) => false,
        })
}

/// A port the kernel hands out on the first address that is also free on every other address and
/// not in `taken` (ports of databases that are not listening yet).
pub fn choose_free(addresses: &[String], taken: &[u16]) -> std::io::Result<u16> {
    let first: Ipv4Addr = addresses
        .first()
        .and_then(|address| address.parse().ok())
        .ok_or_else(|| std::io::Error::other("no node address to bind"))?;
    for _ in 0..100 {
        let port = TcpListener::bind((first, 0))?.local_addr()?.port();
        if !taken.contains(&port) && is_free(addresses, port) {
            return Ok(port);
        }
    }
    Err(std::io::Error::other(
        "no port is free on every node address",
    ))
}
