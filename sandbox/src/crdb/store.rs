//! The crdb objects one cluster knows, persisted in `DIR/crdbs.json` (mode 0600: it holds the
//! participants' credentials) with write-to-temp + fsync + rename.

use super::model::Crdb;
use crate::durable_file::{self, Readers};
use anyhow::Context;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

pub const CRDBS_FILE: &str = "crdbs.json";

pub struct CrdbStore {
    crdbs: Mutex<Vec<Crdb>>,
    path: PathBuf,
}

impl CrdbStore {
    /// Loads `dir/crdbs.json` (an empty store when there is none).
    pub fn open(dir: &Path) -> anyhow::Result<CrdbStore> {
        let path = dir.join(CRDBS_FILE);
        let crdbs = match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("reading {}", path.display()))?,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(error) => return Err(error).with_context(|| format!("reading {}", path.display())),
        };
        Ok(CrdbStore {
            crdbs: Mutex::new(crdbs),
            path,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Crdb>> {
        self.crdbs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn list(&self) -> Vec<Crdb> {
        self.lock().clone()
    }

    pub fn get(&self, guid: &str) -> Option<Crdb> {
        self.lock().iter().find(|crdb| crdb.guid == guid).cloned()
    }

    /// Inserts or replaces (same GUID) and persists.
    pub fn put(&self, crdb: Crdb) {
        let mut crdbs = self.lock();
        crdbs.retain(|existing| existing.guid != crdb.guid);
        crdbs.push(crdb);
        self.persist(&crdbs);
    }

    pub fn remove(&self, guid: &str) {
        let mut crdbs = self.lock();
        crdbs.retain(|existing| existing.guid != guid);
        self.persist(&crdbs);
    }

    fn persist(&self, crdbs: &[Crdb]) {
        if let Err(error) = save(&self.path, crdbs) {
            eprintln!("rsadmin-sandbox: cannot persist crdbs: {error:#}");
        }
    }
}

fn save(path: &Path, crdbs: &[Crdb]) -> anyhow::Result<()> {
    durable_file::replace(path, &serde_json::to_vec_pretty(crdbs)?, Readers::OwnerOnly)
}
