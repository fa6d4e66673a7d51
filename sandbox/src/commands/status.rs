//! `status --dir DIR`: pid, URL and databases of a running sandbox.

use super::running_pid;
use rsadmin_sandbox::envfile;
use rsadmin_sandbox::handle::STATE_FILE;
use rsadmin_sandbox::state;
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path) -> anyhow::Result<ExitCode> {
    let Some(pid) = running_pid(dir) else {
        println!("rsadmin-sandbox: not running in {}", dir.display());
        return Ok(ExitCode::FAILURE);
    };
    let env_path = dir.join(envfile::ENV_FILE);
    let env_text = std::fs::read_to_string(&env_path).unwrap_or_default();
    let url = envfile::read_var(&env_text, "RSADMIN_URL").unwrap_or_else(|| "-".into());
    println!("rsadmin-sandbox: running (pid {pid})");
    println!("url: {url}");
    println!("env: {}", env_path.display());
    if let Some(cluster) = state::load(&dir.join(STATE_FILE))? {
        println!(
            "cluster: {} ({} nodes)",
            cluster.cluster.name,
            cluster.nodes.len()
        );
        for bdb in &cluster.bdbs {
            let endpoint = bdb
                .endpoints
                .first()
                .map_or("-", |endpoint| endpoint.dns_name.as_str());
            println!(
                "db:{} {} status: {} port: {} endpoint: {}",
                bdb.uid,
                bdb.name,
                bdb.status.as_str(),
                bdb.endpoint_port(),
                endpoint
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
