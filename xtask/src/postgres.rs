//! A throwaway PostgreSQL for the tests: Debian's `postgresql` binaries, a fresh data directory
//! under the system's temp dir, a free loopback port, trust authentication, and durability off
//! (nothing in it outlives the run). As root the server runs as the `postgres` user, since
//! PostgreSQL refuses to run as root. Dropping the cluster stops it and removes its directory.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;
use crate::cmd;

pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
    /// `postgres://postgres@127.0.0.1:PORT/postgres`: the tests make their databases through it.
    pub url: String,
}

/// The directory of `initdb` and `pg_ctl`: the newest `/usr/lib/postgresql/N/bin`, or PATH.
fn binaries() -> Result<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("pg_ctl").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .find(|dir| dir.join("pg_ctl").exists() && dir.join("initdb").exists())
        .ok_or_else(|| {
            "PostgreSQL is not installed: `apt-get install postgresql` (`.ci/run` does it), \
             or put initdb and pg_ctl on PATH"
                .to_string()
        })
}

fn is_root() -> bool {
    cmd::output(Command::new("id").arg("-u")).is_some_and(|out| out.trim_ascii() == b"0")
}

fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("finding a free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("finding a free port: {e}"))
}

impl Cluster {
    pub fn start() -> Result<Cluster> {
        cmd::step("starting a throwaway PostgreSQL");
        let bin = binaries()?;
        let as_postgres = is_root();
        let dir = std::env::temp_dir().join(format!("regulars-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        if as_postgres {
            cmd::run(Command::new("chown").arg("postgres:postgres").arg(&dir))?;
        }
        let mut cluster = Cluster {
            bin,
            dir,
            as_postgres,
            url: String::new(),
        };
        let data = cluster.dir.join("data");
        cmd::run(
            cluster
                .command("initdb")
                .args([
                    "--auth=trust",
                    "--username=postgres",
                    "--encoding=UTF8",
                    "--no-sync",
                    "--pgdata",
                ])
                .arg(&data)
                .stdout(std::process::Stdio::null()),
        )?;
        let port = free_port()?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300 \
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            cluster.dir.display()
        );
        cmd::run(
            cluster
                .command("pg_ctl")
                .args(["start", "--wait", "--timeout=60", "--pgdata"])
                .arg(&data)
                .arg("--log")
                .arg(cluster.dir.join("server.log"))
                .args(["-o", &options])
                .stdout(std::process::Stdio::null()),
        )
        .map_err(|e| {
            format!(
                "{e}; PostgreSQL's log: {}",
                cluster.dir.join("server.log").display()
            )
        })?;
        cluster.url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
        eprintln!("PostgreSQL ready at {}", cluster.url);
        Ok(cluster)
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if !self.url.is_empty() {
            let _ = self
                .command("pg_ctl")
                .args(["stop", "--mode=immediate", "--pgdata"])
                .arg(self.dir.join("data"))
                .stdout(std::process::Stdio::null())
                .status();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
