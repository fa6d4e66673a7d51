//! Starting and stopping a sandbox: the library API tests use (`SandboxHandle`) and the code path
//! of `rsadmin-sandbox up`.

use crate::control::{ControlPlane, ControlPlaneParts, LoggedRequest};
use crate::envfile;
use crate::reconcile::{ReconcileContext, Reconciler};
use crate::state::{self, BdbStatus, ClusterState};
use crate::{crdb, ports, rest, tls};
use anyhow::Context;
use axum_server::tls_rustls::RustlsConfig;
use std::fs;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// Hidden fault-injection knob: delay every change by this many milliseconds.
pub const CHANGE_DELAY_ENV: &str = "RSADMIN_SANDBOX_CHANGE_DELAY_MS";

pub const STATE_FILE: &str = "state.json";

#[derive(Debug, Clone)]
pub struct SandboxOptions {
    pub dir: PathBuf,
    pub nodes: u8,
    pub api_port: u16,
    pub cluster_index: u8,
    pub redis_server: Option<PathBuf>,
    pub change_delay: Duration,
    /// Clusters that coordinate Active-Active databases with each other (default: alone).
    pub crdb_group: crdb::PeerGroup,
    /// Where the CA certificate and key live (default: `dir`); a peer group shares one CA.
    pub ca_dir: Option<PathBuf>,
    /// Issue a new server certificate (same CA) instead of reusing the saved one, as a cluster
    /// admin replacing the certificate would.
    pub rotate_server_certificate: bool,
}

impl SandboxOptions {
    /// 3 nodes, an ephemeral API port, cluster index 0; the change delay comes from
    /// `RSADMIN_SANDBOX_CHANGE_DELAY_MS` (0 when unset).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        let delay_ms = std::env::var(CHANGE_DELAY_ENV)
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(0);
        SandboxOptions {
            dir: dir.into(),
            nodes: 3,
            api_port: 0,
            cluster_index: 0,
            redis_server: None,
            change_delay: Duration::from_millis(delay_ms),
            crdb_group: crdb::PeerGroup::new(),
            ca_dir: None,
            rotate_server_certificate: false,
        }
    }
}

/// A running sandbox on its own thread and tokio runtime (so synchronous tests can use it).
/// Dropping it stops the REST API, the proxies and the shards.
pub struct SandboxHandle {
    control: Arc<ControlPlane>,
    dir: PathBuf,
    url: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

struct Ready {
    control: Arc<ControlPlane>,
    dir: PathBuf,
    url: String,
}

impl SandboxHandle {
    /// Starts a sandbox and returns once the REST API and every proxy answer.
    pub fn start(opts: SandboxOptions) -> anyhow::Result<SandboxHandle> {
        let (ready_sender, ready_receiver) = std::sync::mpsc::channel::<anyhow::Result<Ready>>();
        let (stop_sender, stop_receiver) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("rsadmin-sandbox".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(error) => {
                        let _ = ready_sender.send(Err(error.into()));
                        return;
                    }
                };
                runtime.block_on(async move {
                    match launch(opts).await {
                        Ok(running) => {
                            let ready = Ready {
                                control: Arc::clone(&running.control),
                                dir: running.dir.clone(),
                                url: running.url.clone(),
                            };
                            let _ = ready_sender.send(Ok(ready));
                            let _ = stop_receiver.await;
                            running.stop().await;
                        }
                        Err(error) => {
                            let _ = ready_sender.send(Err(error));
                        }
                    }
                });
            })?;
        let ready = ready_receiver
            .recv()
            .context("the sandbox thread stopped while starting")??;
        Ok(SandboxHandle {
            control: ready.control,
            dir: ready.dir,
            url: ready.url,
            stop: Some(stop_sender),
            thread: Some(thread),
        })
    }

    pub fn url(&self) -> String {
        self.url.clone()
    }

    pub fn user(&self) -> String {
        self.control.credentials.user.clone()
    }

    pub fn password(&self) -> String {
        self.control.credentials.password.clone()
    }

    pub fn ca_cert_path(&self) -> PathBuf {
        self.dir.join(tls::CA_CERT_FILE)
    }

    pub fn env_file(&self) -> PathBuf {
        self.dir.join(envfile::ENV_FILE)
    }

    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.control.requests()
    }

    pub fn clear_requests(&self) {
        self.control.clear_requests();
    }

    /// Delays every following change by `delay` before it is applied.
    pub fn set_change_delay(&self, delay: Duration) {
        self.control.set_change_delay(delay);
    }

    /// Makes the next change fail to apply: it is rolled back (create: `creation-failed`).
    pub fn fail_next_change(&self) {
        self.control.fail_next_change();
    }

    /// `GET /v1/actions` as the REST API answers it now.
    pub fn actions(&self) -> serde_json::Value {
        self.control.actions.list()
    }

    /// How long an ended action stays visible at `GET /v1/actions/{uid}` before it answers 404.
    pub fn set_action_retention(&self, retention: Duration) {
        self.control.actions.set_retention(retention);
    }

    /// Answers `count` GET requests after the next PUT with 503, as a cluster that is briefly
    /// unavailable while a change runs.
    pub fn fail_reads_after_next_put(&self, count: u64) {
        self.control.fail_reads_after_next_put(count);
    }

    pub fn state(&self) -> state::ClusterState {
        self.control.snapshot()
    }

    /// The Active-Active coordinator of this cluster.
    pub fn crdb(&self) -> Arc<crdb::Coordinator> {
        Arc::clone(&self.control.crdb)
    }
}

impl Drop for SandboxHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Running {
    control: Arc<ControlPlane>,
    dir: PathBuf,
    url: String,
    server: axum_server::Handle<SocketAddr>,
    server_task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    async fn stop(self) {
        self.server.graceful_shutdown(Some(Duration::from_secs(1)));
        let _ = self.server_task.await;
        self.control.shutdown().await;
    }
}

async fn launch(opts: SandboxOptions) -> anyhow::Result<Running> {
    fs::create_dir_all(&opts.dir).with_context(|| format!("creating {}", opts.dir.display()))?;
    let dir = opts.dir.canonicalize()?;
    let credentials = envfile::load_or_generate_credentials(&dir.join(envfile::ENV_FILE))?;
    let state_path = dir.join(STATE_FILE);
    let cluster_state = match state::load(&state_path)? {
        Some(saved) => settle_after_restart(saved),
        None => new_cluster(&opts)?,
    };
    state::save(&state_path, &cluster_state)?;

    let ca_dir = match &opts.ca_dir {
        Some(ca_dir) => ca_dir.canonicalize()?,
        None => dir.clone(),
    };
    let tls = tls::load_or_issue(
        &tls::CertificateDirs {
            dir: &dir,
            ca_dir: &ca_dir,
        },
        &cluster_state.cluster.name,
        opts.rotate_server_certificate,
    )?;
    let ca_path = dir.join(tls::CA_CERT_FILE);
    let listener = std::net::TcpListener::bind(("127.0.0.1", opts.api_port))
        .with_context(|| format!("binding the REST API to 127.0.0.1:{}", opts.api_port))?;
    listener.set_nonblocking(true)?;
    let api_port = listener.local_addr()?.port();

    let reconciler = Reconciler::start(ReconcileContext {
        dir: dir.clone(),
        redis_server: opts.redis_server.clone(),
        cluster_index: cluster_state.cluster.index,
    })
    .await?;
    let coordinator = crdb::Coordinator::start(crdb::CoordinatorParts {
        fqdn: cluster_state.cluster.name.clone(),
        url: format!("https://127.0.0.1:{api_port}"),
        ca_pem: tls.ca_pem.clone(),
        group: opts.crdb_group.clone(),
        dir: &dir,
    })?;
    let control = Arc::new(ControlPlane::new(ControlPlaneParts {
        state: cluster_state,
        state_path,
        reconciler,
        credentials: credentials.clone(),
        api_port,
        change_delay: opts.change_delay,
        crdb: Arc::new(coordinator),
    }));
    match serve(&control, listener, tls.config).await {
        Ok((server, server_task)) => {
            let url = format!("https://127.0.0.1:{api_port}");
            envfile::write(&dir, &url, &credentials, &ca_path)?;
            Ok(Running {
                control,
                dir,
                url,
                server,
                server_task,
            })
        }
        Err(error) => {
            control.shutdown().await;
            Err(error)
        }
    }
}

/// Brings the processes up, then serves the REST API; returns once it listens.
async fn serve(
    control: &Arc<ControlPlane>,
    listener: std::net::TcpListener,
    tls_config: Arc<rustls::ServerConfig>,
) -> anyhow::Result<(
    axum_server::Handle<SocketAddr>,
    tokio::task::JoinHandle<std::io::Result<()>>,
)> {
    control
        .reconcile_now()
        .await
        .context("starting shards and proxies")?;
    let server = axum_server::Handle::new();
    let app = rest::router(Arc::clone(control));
    let serving = axum_server::from_tcp_rustls(listener, RustlsConfig::from_config(tls_config))?
        .handle(server.clone())
        .serve(app.into_make_service());
    let server_task = tokio::spawn(serving);
    if server.listening().await.is_none() {
        anyhow::bail!("the REST API did not start listening");
    }
    Ok((server, server_task))
}

fn new_cluster(opts: &SandboxOptions) -> anyhow::Result<ClusterState> {
    anyhow::ensure!(opts.nodes >= 1, "--nodes must be at least 1");
    let mut cluster_state = ClusterState::new(opts.cluster_index, opts.nodes);
    let port = ports::choose_free(&cluster_state.node_addresses(), &[])
        .context("choosing the demo database port")?;
    cluster_state.add_demo_bdb(port);
    Ok(cluster_state)
}

/// A sandbox killed mid-change restarts with the accepted configuration applied: pending
/// creates and changes become `active`, pending deletes complete.
fn settle_after_restart(mut saved: ClusterState) -> ClusterState {
    let deleting: Vec<u32> = saved
        .bdbs
        .iter()
        .filter(|bdb| bdb.status == BdbStatus::DeletePending)
        .map(|bdb| bdb.uid)
        .collect();
    for uid in deleting {
        saved.remove_bdb(uid);
    }
    for bdb in &mut saved.bdbs {
        if matches!(
            bdb.status,
            BdbStatus::Pending | BdbStatus::ActiveChangePending
        ) {
            bdb.status = BdbStatus::Active;
        }
    }
    saved
}
