//! Database port choice: a port is usable when it can be bound on every node address.

use std::net::{Ipv4Addr, TcpListener};
use std::ops::RangeInclusive;

use rand::RngExt;

/// True when `port` can be bound on each of `addresses` right now.
pub fn is_free(addresses: &[String], port: u16) -> bool {
    addresses
        .iter()
        .all(|address| match address.parse::<Ipv4Addr>() {
            Ok(ip) => TcpListener::bind((ip, port)).is_ok(),
            Err(_) => false,
        })
}

/// Where Redis Software puts database endpoints unless told otherwise ("By default, the cluster
/// assigns ports in the range of 10,000 - 19,999 to database endpoints", RS port configurations).
/// It is also below Linux's ephemeral range (32768-60999), so a port chosen here is not handed to
/// a client's outgoing connection or another process's `bind(0)` before the proxies bind it.
pub const DATABASE_PORTS: RangeInclusive<u16> = 10_000..=19_999;

/// A port of `DATABASE_PORTS` that is free on every address and not in `taken` (ports of databases
/// that are not listening yet). The search starts at a random port, so that sandboxes started side
/// by side do not race for the same one.
pub fn choose_free(addresses: &[String], taken: &[u16]) -> std::io::Result<u16> {
    if addresses.is_empty() {
        return Err(std::io::Error::other("no node address to bind"));
    }
    let (first, count) = (*DATABASE_PORTS.start(), DATABASE_PORTS.len() as u32);
    let offset = rand::rng().random_range(0..count);
    (0..count)
        .map(|step| first + ((offset + step) % count) as u16)
        .find(|port| !taken.contains(port) && is_free(addresses, *port))
        .ok_or_else(|| {
            std::io::Error::other("no port of 10000-19999 is free on every node address")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_ports_come_from_redis_softwares_range_and_skip_taken_ones() {
        let addresses = vec!["127.0.0.1".to_string()];
        let port = choose_free(&addresses, &[]).unwrap();
        assert!(DATABASE_PORTS.contains(&port), "{port}");
        // Every port but one taken: that one is found wherever the search starts.
        let free = *DATABASE_PORTS.start() + 4321;
        let taken: Vec<u16> = DATABASE_PORTS.filter(|port| *port != free).collect();
        if is_free(&addresses, free) {
            assert_eq!(choose_free(&addresses, &taken).unwrap(), free);
        }
        let all: Vec<u16> = DATABASE_PORTS.collect();
        assert!(choose_free(&addresses, &all).is_err());
        assert!(choose_free(&[], &[]).is_err());
    }
}
