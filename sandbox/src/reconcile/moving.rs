//! Moving shards with their data: the one machinery behind migrate, failover, rebalance and
//! `shards_blueprint`.
//!
//! Migration: a new `redis-server` for the shard (on the target node's files) replicates from the
//! current one (`REPLICAOF`: every key with its TTL, no key-by-key copy), then, with the
//! database's client requests held at the proxies, catches up to the last write, is promoted
//! (`REPLICAOF NO ONE`) and the proxies switch to it; the old server stops. A replica shard moves
//! the same way minus the switch. Failover: the same hold, the replica catches up and is promoted,
//! the proxies switch, the old master becomes its replica (`REPLICAOF <new master>`).
//! Writes are never lost: none reach the old master after the offset the new one caught up to.

use std::time::{Duration, Instant};

use anyhow::Context;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::shard_process::{ShardProcess, backend_addr, free_loopback_port};
use super::{Reconciler, Running};
use crate::proxy::ShardPassword;
use crate::state::{ClusterState, Shard, ShardRole};

/// A new server's first full sync (100k keys take well under a second; bench in the notes).
const INITIAL_SYNC_LIMIT: Duration = Duration::from_secs(120);
/// The last writes before a switch (requests are held meanwhile).
const CATCH_UP_LIMIT: Duration = Duration::from_secs(5);
/// One command to a shard.
const COMMAND_LIMIT: Duration = Duration::from_secs(5);
/// Largest reply read from a shard (INFO replication is a few hundred bytes).
const MAX_REPLY_BYTES: usize = 1 << 20;
const POLL_INTERVAL: Duration = Duration::from_millis(5);

/// Commands to the sandbox's own shard servers, authenticated with their password.
pub(super) struct ShardAdmin<'a> {
    pub(super) password: &'a ShardPassword,
}

impl ShardAdmin<'_> {
    /// Sends one command to the shard server on `port`; its reply as text (errors are errors).
    pub(super) async fn ask(&self, port: u16, args: &[&str]) -> anyhow::Result<String> {
        let exchange = async {
            let mut stream = TcpStream::connect(backend_addr(port)).await?;
            let password = self.password.as_str();
            // AUTH first (shards require the password only the sandbox knows); its +OK is read
            // before the command's reply.
            let mut request = format!("*2\r\n$4\r\nAUTH\r\n${}\r\n{password}\r\n", password.len());
            request.push_str(&format!("*{}\r\n", args.len()));
            for arg in args {
                request.push_str(&format!("${}\r\n{arg}\r\n", arg.len()));
            }
            stream.write_all(request.as_bytes()).await?;
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            reader.read_line(&mut line).await?;
            anyhow::ensure!(line.starts_with("+OK"), "AUTH refused: {}", line.trim_end());
            line.clear();
            reader.read_line(&mut line).await?;
            let (kind, rest) = line.split_at(line.len().min(1));
            let rest = rest.trim_end();
            match kind {
                "+" | ":" => Ok(rest.to_string()),
                "-" => anyhow::bail!("{rest}"),
                "$" => {
                    let len: usize = rest.parse().context("bad bulk length")?;
                    anyhow::ensure!(len <= MAX_REPLY_BYTES, "reply too large");
                    let mut body = vec![0; len + 2];
                    reader.read_exact(&mut body).await?;
                    body.truncate(len);
                    Ok(String::from_utf8_lossy(&body).into_owned())
                }
                _ => anyhow::bail!("unexpected reply {line:?}"),
            }
        };
        tokio::time::timeout(COMMAND_LIMIT, exchange)
            .await
            .with_context(|| format!("shard on port {port} did not answer {}", args.join(" ")))?
            .with_context(|| format!("{} on shard port {port}", args.join(" ")))
    }

    async fn replication_info(&self, port: u16, field: &str) -> anyhow::Result<String> {
        let info = self.ask(port, &["INFO", "replication"]).await?;
        Ok(info
            .lines()
            .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
            .unwrap_or_default()
            .trim()
            .to_string())
    }

    async fn offset(&self, port: u16, field: &str) -> anyhow::Result<u64> {
        self.replication_info(port, field)
            .await?
            .parse()
            .with_context(|| format!("no {field} on shard port {port}"))
    }

    /// Waits until the replica on `port` finished its full sync.
    async fn initial_sync(&self, port: u16) -> anyhow::Result<()> {
        wait_until(INITIAL_SYNC_LIMIT, "the initial sync", || async move {
            Ok(
                self.replication_info(port, "master_link_status").await? == "up"
                    && self
                        .replication_info(port, "master_sync_in_progress")
                        .await?
                        == "0",
            )
        })
        .await
    }

    /// Waits until the replica on `replica_port` has every write the master on `master_port` took.
    async fn caught_up(&self, master_port: u16, replica_port: u16) -> anyhow::Result<()> {
        let target = self.offset(master_port, "master_repl_offset").await?;
        wait_until(CATCH_UP_LIMIT, "catching up", || async move {
            Ok(self.offset(replica_port, "slave_repl_offset").await? >= target)
        })
        .await
    }

    async fn ask_owned(&self, port: u16, args: &[String]) -> anyhow::Result<String> {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.ask(port, &args).await
    }
}

/// Polls `done` until it holds or `limit` passes.
async fn wait_until<F, Fut>(limit: Duration, what: &str, mut done: F) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<bool>>,
{
    let deadline = tokio::time::Instant::now() + limit;
    while !done().await? {
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "{what} took longer than {limit:?}"
        );
        tokio::time::sleep(POLL_INTERVAL).await;
    }
    Ok(())
}

fn replica_of(port: u16) -> [String; 3] {
    ["REPLICAOF".into(), "127.0.0.1".into(), port.to_string()]
}

fn shard_in<'a>(state: &'a ClusterState, uid: &str) -> anyhow::Result<&'a Shard> {
    state
        .shards
        .iter()
        .find(|shard| shard.uid == uid)
        .with_context(|| format!("shard {uid} is gone"))
}

fn port_of(running: &Running, uid: &str) -> anyhow::Result<u16> {
    running
        .shards
        .get(uid)
        .map(|process| process.launch.port)
        .with_context(|| format!("shard {uid} is not running"))
}

impl Reconciler {
    /// Moves shard `uid` to the node `after` (the state once moved) puts it on, with its data.
    pub async fn migrate(&self, after: &ClusterState, uid: &str) -> anyhow::Result<()> {
        let admin = ShardAdmin {
            password: self.shard_password(),
        };
        let started = Instant::now();
        let mut running = self.running.lock().await;
        let shard = shard_in(after, uid)?;
        let bdb = after
            .bdb(shard.bdb_uid)
            .with_context(|| format!("db:{} is gone", shard.bdb_uid))?;
        let current = running
            .shards
            .get(uid)
            .with_context(|| format!("shard {uid} is not running"))?;
        if current
            .launch
            .work_dir
            .ends_with(format!("node-{}", shard.node_uid))
        {
            return Ok(());
        }
        let source_port = current.launch.port;
        let alternate_files = !current.launch.alternate_files;
        let partner = after.partner_of(shard);
        let master_port = match (shard.role, partner) {
            (ShardRole::Slave, Some(master)) => port_of(&running, &master.uid)?,
            _ => source_port,
        };
        let mut launch = self.launch_for(
            bdb,
            shard,
            free_loopback_port()?,
            Some(master_port),
            alternate_files,
        );
        // Its own pid file while the server it replaces runs; the usual name afterwards.
        let usual_pid_file = launch.pid_file.clone();
        launch.pid_file = usual_pid_file.with_extension("moving.pid");
        let target_port = launch.port;
        let mut moved = ShardProcess::start(launch, self.down_shards.clone()).await?;
        admin.initial_sync(target_port).await?;
        if shard.role == ShardRole::Slave {
            drop(running.shards.remove(uid));
            moved.adopt_pid_file(usual_pid_file)?;
            running.shards.insert(uid.to_string(), moved);
            return Ok(());
        }
        let held = Instant::now();
        let gate = self.hold_requests(&running, shard.bdb_uid).await?;
        admin.caught_up(source_port, target_port).await?;
        admin.ask(target_port, &["REPLICAOF", "NO", "ONE"]).await?;
        moved.set_replica_of(None);
        let source = running.shards.insert(uid.to_string(), moved);
        if let Some(replica) = partner
            && let Some(process) = running.shards.get_mut(&replica.uid)
        {
            admin
                .ask_owned(process.launch.port, &replica_of(target_port))
                .await?;
            process.set_replica_of(Some(target_port));
        }
        self.apply_proxies(after, &mut running).await?;
        drop(gate);
        let held = held.elapsed();
        drop(source);
        if let Some(process) = running.shards.get_mut(uid) {
            process.adopt_pid_file(usual_pid_file)?;
        }
        eprintln!(
            "rsadmin-sandbox: shard {uid} moved to node {} in {:?} (requests held {held:?})",
            shard.node_uid,
            started.elapsed()
        );
        Ok(())
    }

    /// Promotes the replica `promoted` (a master in `after`) and makes `demoted` its replica.
    pub async fn failover(
        &self,
        after: &ClusterState,
        promoted: &str,
        demoted: &str,
    ) -> anyhow::Result<()> {
        let admin = ShardAdmin {
            password: self.shard_password(),
        };
        let mut running = self.running.lock().await;
        let bdb_uid = shard_in(after, promoted)?.bdb_uid;
        let (new_master_port, old_master_port) =
            (port_of(&running, promoted)?, port_of(&running, demoted)?);
        let held = Instant::now();
        let gate = self.hold_requests(&running, bdb_uid).await?;
        admin.caught_up(old_master_port, new_master_port).await?;
        admin
            .ask(new_master_port, &["REPLICAOF", "NO", "ONE"])
            .await?;
        if let Some(process) = running.shards.get_mut(promoted) {
            process.set_replica_of(None);
        }
        self.apply_proxies(after, &mut running).await?;
        drop(gate);
        eprintln!(
            "rsadmin-sandbox: shard {promoted} promoted, {demoted} demoted (requests held {:?})",
            held.elapsed()
        );
        admin
            .ask_owned(old_master_port, &replica_of(new_master_port))
            .await?;
        if let Some(process) = running.shards.get_mut(demoted) {
            process.set_replica_of(Some(new_master_port));
        }
        Ok(())
    }

    /// Holds the database's client requests at its proxies (after the ones in flight).
    async fn hold_requests(
        &self,
        running: &Running,
        bdb_uid: u32,
    ) -> anyhow::Result<Option<crate::proxy::SwitchGuard>> {
        let Some(database) = running.databases.get(&bdb_uid) else {
            return Ok(None);
        };
        database
            .proxy
            .begin_switch()
            .await
            .map(Some)
            .context("requests in flight (a blocked client?) kept the shard busy; try again")
    }
}
