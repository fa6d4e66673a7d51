//! An operator's machine for the profile, TLS and drop-in tests: a private config directory
//! (XDG_CONFIG_HOME), no `RSADMIN_*` environment unless a test adds it, and the real binary run
//! under any name (rsadmin, or an rladmin/crdb-cli link), with standard input when needed.

use std::path::{Path, PathBuf};
use std::process::Command;

use rsadmin::config::keyring::{self, Store};
use rsadmin::config::profile::ProfileFile;
use tempfile::TempDir;

use crate::support::{Run, run_command};

pub struct Operator {
    home: TempDir,
}

impl Operator {
    pub fn new() -> Operator {
        Operator {
            home: tempfile::tempdir().expect("temp home"),
        }
    }

    pub fn config_dir(&self) -> PathBuf {
        self.home.path().join("config")
    }

    pub fn profile_file(&self) -> PathBuf {
        self.config_dir().join("rsadmin").join("profiles.toml")
    }

    /// A directory on this machine (for aliases and the like).
    pub fn dir(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// Runs `rsadmin ARGS` with no environment settings and no standard input.
    pub fn rsadmin(&self, args: &[&str]) -> Run {
        self.run(Path::new(env!("CARGO_BIN_EXE_rsadmin")), args, None, &[])
    }

    /// Runs `program ARGS` (the binary or a link to it) with `stdin` piped in and `env` added.
    pub fn run(
        &self,
        program: &Path,
        args: &[&str],
        stdin: Option<&str>,
        env: &[(&str, &str)],
    ) -> Run {
        let mut command = Command::new(program);
        command
            .args(args)
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.config_dir())
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .envs(env.iter().copied());
        run_command(command, stdin)
    }

    /// `profile add NAME` for the server at `url`, password on standard input, pinning
    /// `fingerprint`.
    pub fn add_pinned_profile(
        &self,
        name: &str,
        url: &str,
        user: &str,
        password: &str,
        fingerprint: &str,
    ) -> Run {
        self.run(
            Path::new(env!("CARGO_BIN_EXE_rsadmin")),
            &[
                "profile",
                "add",
                name,
                "--cluster",
                url,
                "--user",
                user,
                "--password-stdin",
                "--trust-fingerprint",
                fingerprint,
            ],
            Some(&format!("{password}\n")),
            &[],
        )
    }

    /// Every file under the config directory, to prove no secret was written.
    pub fn config_files_contain(&self, needle: &str) -> bool {
        fn walk(dir: &Path, needle: &str) -> bool {
            std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .any(|entry| {
                    let path = entry.path();
                    if path.is_dir() {
                        walk(&path, needle)
                    } else {
                        std::fs::read_to_string(&path).is_ok_and(|text| text.contains(needle))
                    }
                })
        }
        walk(&self.config_dir(), needle)
    }
}

/// Whatever a test leaves behind, its keyring entries go (the kernel keyring outlives the test).
impl Drop for Operator {
    fn drop(&mut self) {
        let Ok(text) = std::fs::read_to_string(self.profile_file()) else {
            return;
        };
        let Ok(file) = toml::from_str::<ProfileFile>(&text) else {
            return;
        };
        let store = Store::detect();
        for (name, profile) in &file.profiles {
            let account = keyring::account(name, &profile.user, &profile.cluster);
            for db_uid in &profile.db_passwords {
                let _ = keyring::delete_password(store, &keyring::db_account(&account, *db_uid));
            }
            let _ = keyring::delete_password(store, &account);
        }
    }
}

/// The SHA-256 fingerprint of the certificate the server at `url` presents, computed by Python's
/// ssl module (independent of rsadmin), in `openssl x509 -fingerprint -sha256` form.
pub fn server_fingerprint(url: &str) -> String {
    let address = url.trim_start_matches("https://").trim_end_matches('/');
    let (host, port) = address.rsplit_once(':').expect("host:port");
    let script = format!(
        "import ssl, hashlib\n\
         pem = ssl.get_server_certificate(('{host}', {port}))\n\
         digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest().upper()\n\
         print(':'.join(digest[i:i + 2] for i in range(0, 64, 2)))\n"
    );
    let output = Command::new("python3")
        .args(["-c", &script])
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .trim()
        .to_string()
}
