//! The one report model: every line `check`, `verify`, `doctor`, `tune` and the crdb gate report
//! is a [`Row`] naming its [`Check`], with a [`Severity`], what was found and the fix. Rendering
//! (text and JSON) is in `output::report`. Pure data, no dependencies on the modules that fill it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    Ok,
    Warn,
    Fail,
}

impl Severity {
    /// The word printed at the start of a report line.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Ok => "OK",
            Severity::Warn => "WARN",
            Severity::Fail => "FAIL",
        }
    }
}

/// What a row is about. The family decides how the row prints and which JSON keys it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// A prerequisite rule on the REST objects (`check db`, `tune`, crdb).
    Rule(Rule),
    /// What `verify` saw as a client, on one subject.
    Probe(Probe),
    /// A row of the troubleshooting table `doctor` answers.
    Problem(Problem),
}

impl Check {
    /// The name reports print and scripts match on.
    pub fn name(self) -> &'static str {
        match self {
            Check::Rule(rule) => rule.name(),
            Check::Probe(probe) => probe.name(),
            Check::Problem(problem) => problem.name(),
        }
    }
}

/// The OSS Cluster API prerequisite rules, and the cluster-policy ones `tune cluster` warns about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    HashingPolicy,
    HashSlotsPolicy,
    ProxyPolicy,
    ProxyIncludeExclude,
    Modules,
    Sharding,
    ShardsPlacement,
    MasterSpread,
    ExternalAddresses,
    ActiveActive,
    ReplicaOf,
    ClientReconnect,
    ClusterDefaultProxyPolicy,
    ClusterDefaultPlacement,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::HashingPolicy => "hashing_policy",
            Rule::HashSlotsPolicy => "hash_slots_policy",
            Rule::ProxyPolicy => "proxy_policy",
            Rule::ProxyIncludeExclude => "proxy_include_exclude",
            Rule::Modules => "modules",
            Rule::Sharding => "sharding",
            Rule::ShardsPlacement => "shards_placement",
            Rule::MasterSpread => "master_spread",
            Rule::ExternalAddresses => "external_addresses",
            Rule::ActiveActive => "active_active",
            Rule::ReplicaOf => "replica_of",
            Rule::ClientReconnect => "client_reconnect",
            Rule::ClusterDefaultProxyPolicy => "cluster_default_proxy_policy",
            Rule::ClusterDefaultPlacement => "cluster_default_placement",
        }
    }
}

/// The checks `verify` makes as a cluster-aware client, in the order it makes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    ShardStatus,
    OssCluster,
    SeedConnect,
    ClusterApi,
    SlotCoverage,
    SameTopology,
    ClusterShards,
    Resp3,
    AddressType,
    RestMatch,
    Reachable,
    Routing,
    Moved,
}

impl Probe {
    pub fn name(self) -> &'static str {
        match self {
            Probe::ShardStatus => "shard_status",
            Probe::OssCluster => "oss_cluster",
            Probe::SeedConnect => "seed_connect",
            Probe::ClusterApi => "cluster_api",
            Probe::SlotCoverage => "slot_coverage",
            Probe::SameTopology => "same_topology",
            Probe::ClusterShards => "cluster_shards",
            Probe::Resp3 => "resp3",
            Probe::AddressType => "address_type",
            Probe::RestMatch => "rest_match",
            Probe::Reachable => "reachable",
            Probe::Routing => "routing",
            Probe::Moved => "moved",
        }
    }
}

/// The rows of the Redis Software OSS Cluster API troubleshooting table, in `doctor`'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    ClusterNotEnabled,
    Prerequisites,
    MovedCrossslot,
    ExternalAccess,
    ChangesNotReflected,
    NotClusterAware,
    ProxyPolicy,
    ClientCompatibility,
}

impl Problem {
    /// The table's own title of the row.
    pub fn name(self) -> &'static str {
        match self {
            Problem::ClusterNotEnabled => "\"Cluster not enabled\" errors",
            Problem::Prerequisites => "Prerequisites",
            Problem::MovedCrossslot => "MOVED or CROSSSLOT errors",
            Problem::ExternalAccess => "Cannot connect externally",
            Problem::ChangesNotReflected => "Changes not reflected in clients",
            Problem::NotClusterAware => "Tools that are not cluster-aware",
            Problem::ProxyPolicy => "Proxy policy",
            Problem::ClientCompatibility => "Client library compatibility",
        }
    }
}

impl From<Rule> for Check {
    fn from(rule: Rule) -> Self {
        Check::Rule(rule)
    }
}

impl From<Probe> for Check {
    fn from(probe: Probe) -> Self {
        Check::Probe(probe)
    }
}

impl From<Problem> for Check {
    fn from(problem: Problem) -> Self {
        Check::Problem(problem)
    }
}

/// The text a report prints after `Fix:`.
pub trait FixCommand {
    fn command(&self) -> &str;
}

impl FixCommand for String {
    fn command(&self) -> &str {
        self
    }
}

/// One line of a report. `F` is the fix: a command line (`String`) for probes and problems; the
/// prerequisite rules carry a fix that `tune --fix` can also apply (`checks::Finding`).
///
/// Built with [`Row::new`] and named setters, so a subject cannot be swapped with what was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<F = String> {
    pub check: Check,
    pub severity: Severity,
    /// What a probe looked at (an address, a slot range, a shard); rules and problems name their
    /// database in the message and leave it empty.
    pub subject: String,
    /// What was found: a sentence for rules and problems, the observation for probes.
    pub message: String,
    /// What a probe expected to see; empty for rules and problems.
    pub expected: String,
    pub fix: Option<F>,
}

impl<F> Row<F> {
    pub fn new(check: impl Into<Check>, severity: Severity) -> Self {
        Row {
            check: check.into(),
            severity,
            subject: String::new(),
            message: String::new(),
            expected: String::new(),
            fix: None,
        }
    }

    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = subject.into();
        self
    }

    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = expected.into();
        self
    }

    /// Sets the fix; `None` leaves the row without one.
    pub fn fix(mut self, fix: impl Into<Option<F>>) -> Self {
        self.fix = fix.into();
        self
    }

    /// The same row with another kind of fix (e.g. a hint in place of the rule's own command).
    pub fn map_fix<G>(self, map: impl FnOnce(Option<F>) -> Option<G>) -> Row<G> {
        Row {
            check: self.check,
            severity: self.severity,
            subject: self.subject,
            message: self.message,
            expected: self.expected,
            fix: map(self.fix),
        }
    }
}

/// How many rows of each severity a report has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub ok: usize,
    pub warn: usize,
    pub fail: usize,
}

impl Summary {
    pub fn of<F>(rows: &[Row<F>]) -> Self {
        let count = |severity| rows.iter().filter(|row| row.severity == severity).count();
        Summary {
            ok: count(Severity::Ok),
            warn: count(Severity::Warn),
            fail: count(Severity::Fail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_fill_named_fields() {
        let row: Row = Row::new(Probe::Routing, Severity::Fail)
            .subject("127.0.1.1:12000")
            .message("-MOVED 1 127.0.1.2:12000")
            .expected("no MOVED")
            .fix("reconnect".to_string());
        assert_eq!(row.check, Check::Probe(Probe::Routing));
        assert_eq!(
            (
                row.subject.as_str(),
                row.message.as_str(),
                row.expected.as_str(),
                row.fix.as_deref()
            ),
            (
                "127.0.1.1:12000",
                "-MOVED 1 127.0.1.2:12000",
                "no MOVED",
                Some("reconnect")
            )
        );
        let hinted: Row<&str> = row.map_fix(|_| Some("hint"));
        assert_eq!(hinted.fix, Some("hint"));
    }

    #[test]
    fn summary_counts_each_severity() {
        let rows: Vec<Row> = [Severity::Ok, Severity::Fail, Severity::Ok, Severity::Warn]
            .into_iter()
            .map(|severity| Row::new(Probe::Reachable, severity))
            .collect();
        assert_eq!(
            Summary::of(&rows),
            Summary {
                ok: 2,
                warn: 1,
                fail: 1
            }
        );
    }
}
