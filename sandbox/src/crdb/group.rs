//! The peer group: sandbox clusters that know each other, so an Active-Active create on one
//! cluster can reach the others by FQDN (sandbox FQDNs such as `cluster2.sandbox.local` are not
//! in DNS) and trust their self-signed REST certificates.

use super::store::CrdbStore;
use std::sync::{Arc, Mutex, MutexGuard};

/// One cluster of a group: how to reach its REST API and where its crdb objects live.
#[derive(Clone)]
pub struct PeerMember {
    pub fqdn: String,
    pub url: String,
    /// The CA certificate (PEM) that signed the member's REST certificate.
    pub ca_pem: String,
    pub crdbs: Arc<CrdbStore>,
}

/// Cheap to clone; every clone is the same group. A sandbox started without a group is alone in
/// a group of its own.
#[derive(Clone, Default)]
pub struct PeerGroup {
    members: Arc<Mutex<Vec<PeerMember>>>,
}

impl std::fmt::Debug for PeerGroup {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let fqdns: Vec<String> = self.lock().iter().map(|m| m.fqdn.clone()).collect();
        formatter.debug_tuple("PeerGroup").field(&fqdns).finish()
    }
}

impl PeerGroup {
    pub fn new() -> PeerGroup {
        PeerGroup::default()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<PeerMember>> {
        self.members
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Adds a member, replacing an earlier one with the same FQDN (a restarted cluster).
    pub(crate) fn join(&self, member: PeerMember) {
        let mut members = self.lock();
        members.retain(|existing| existing.fqdn != member.fqdn);
        members.push(member);
    }

    pub(crate) fn leave(&self, fqdn: &str) {
        self.lock().retain(|member| member.fqdn != fqdn);
    }

    pub(crate) fn member(&self, fqdn: &str) -> Option<PeerMember> {
        self.lock()
            .iter()
            .find(|member| member.fqdn.eq_ignore_ascii_case(fqdn))
            .cloned()
    }

    /// Where a participant URL leads. Sandbox FQDNs are in no DNS, so a URL naming a member by
    /// its FQDN on the default REST port (`https://<fqdn>:9443`, crdb-cli's default) reaches
    /// that member's REST API; any other URL is used as given.
    pub(crate) fn resolve(&self, url: &str) -> String {
        let host = url
            .strip_prefix("https://")
            .and_then(|rest| rest.trim_end_matches('/').strip_suffix(":9443"));
        host.and_then(|fqdn| self.member(fqdn))
            .map_or_else(|| url.to_string(), |member| member.url)
    }

    pub(crate) fn ca_pems(&self) -> Vec<String> {
        self.lock()
            .iter()
            .map(|member| member.ca_pem.clone())
            .collect()
    }
}
