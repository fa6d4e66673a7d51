//! `status [databases|nodes|shards|endpoints] [node <id>] [db <db>] [extra <param>...]
//! [sort <column>...] [issues_only]`: one request per resource type, never one per database; the
//! filters, extra columns and sort apply to the built tables (`output::status_view`).

use std::collections::BTreeMap;

use crate::api::ApiClient;
use crate::api::client::parse_shard_summaries;
use crate::cli::status::StatusArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::output::print_json;
use crate::output::status::{
    ClusterSnapshot, Section, StatusOptions, render_section, section_table, sections_json,
};
use crate::output::status_view::{EXTRA_PARAMETERS, TableView};
use crate::resolve::{DbRef, resolve_db};

const USAGE: &str = "Usage: rsadmin status [databases|nodes|shards|endpoints] [node <id>] \
                     [db <db>] [extra <param>...] [sort <column>...] [issues_only]";

/// Words that start a clause (and so end a `sort` or `extra` list).
const CLAUSES: [&str; 5] = ["extra", "sort", "node", "db", "issues_only"];

/// The validated request.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StatusRequest {
    sections: Vec<Section>,
    issues_only: bool,
    view: TableView,
    /// `db <db>`, resolved to a uid before the view applies.
    db: Option<DbRef>,
}

fn usage(message: String) -> CliError {
    CliError::usage(format!("{message}. {USAGE}"))
}

fn parse(words: &[String]) -> CliResult<StatusRequest> {
    let mut request = StatusRequest {
        sections: Section::ALL.to_vec(),
        issues_only: false,
        view: TableView::default(),
        db: None,
    };
    let mut words = words.iter().map(String::as_str).peekable();
    let section = match words.peek() {
        Some(&"nodes") => Some(Section::Nodes),
        Some(&"databases") => Some(Section::Databases),
        Some(&"endpoints") => Some(Section::Endpoints),
        Some(&"shards") => Some(Section::Shards),
        _ => None,
    };
    if let Some(section) = section {
        request.sections = vec![section];
        words.next();
    }
    let filters_rows = matches!(section, Some(Section::Shards | Section::Endpoints));
    while let Some(word) = words.next() {
        match word {
            "extra" => {
                while let Some(parameter) = words.next_if(|word| EXTRA_PARAMETERS.contains(word)) {
                    request.view.extras.push(parameter.to_string());
                }
                if request.view.extras.is_empty() {
                    return Err(usage(format!(
                        "`extra` needs one of: {}",
                        EXTRA_PARAMETERS.join(", ")
                    )));
                }
            }
            "sort" if section.is_some() => {
                while let Some(column) = words.next_if(|word| !CLAUSES.contains(word)) {
                    request.view.sort.push(column.to_string());
                }
                if request.view.sort.is_empty() {
                    return Err(usage("`sort` needs column titles".to_string()));
                }
            }
            "node" if filters_rows => {
                let raw = words.next().unwrap_or_default();
                request.view.node =
                    Some(raw.parse().map_err(|_| {
                        usage(format!("invalid node id {raw:?}: expected a number"))
                    })?);
            }
            "db" if filters_rows => {
                let raw = words
                    .next()
                    .ok_or_else(|| usage("`db` needs db:<id> or a name".to_string()))?;
                request.db = Some(DbRef::parse(raw)?);
            }
            "issues_only" => request.issues_only = true,
            "sort" | "node" | "db" => {
                return Err(usage(format!(
                    "`{word}` applies to {}",
                    if word == "sort" {
                        "one table: status databases|nodes|shards|endpoints sort <column>..."
                    } else {
                        "status shards and status endpoints"
                    }
                )));
            }
            other => return Err(usage(format!("unexpected {other:?}"))),
        }
    }
    Ok(request)
}

/// Host of the cluster URL, to mark the node rsadmin talks to (`*node:N`).
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    let authority = rest.split('/').next()?;
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => authority.split(':').next()?,
    };
    Some(host.to_string())
}

/// The bdb fields each table reads (`output::status`), asked with `fields=` (rest-api.md §1.8):
/// at 10,000 databases the whole objects are ~45 MB, these a tenth of it.
const DATABASES_FIELDS: &[&str] = &[
    "uid",
    "name",
    "type",
    "status",
    "shards_count",
    "shards_placement",
    "replication",
    "data_persistence",
    "endpoints",
    "redis_version",
];
const ENDPOINTS_FIELDS: &[&str] = &["uid", "name", "tls_mode", "ssl", "endpoints"];
/// The shards table names each shard's database.
const SHARDS_FIELDS: &[&str] = &["uid", "name"];

/// What the requested tables read: one request per resource type at most, and none for a
/// resource no requested table shows. The reference documents `fields=` on the bdb routes only,
/// so nodes and shards come whole.
#[derive(Debug, Default, PartialEq, Eq)]
struct Fetch {
    nodes: bool,
    node_status: bool,
    bdb_fields: Vec<&'static str>,
    shards: bool,
}

impl Fetch {
    fn for_sections(sections: &[Section], extra_all: bool) -> Fetch {
        let mut fetch = Fetch::default();
        for section in sections {
            let bdb_fields = match section {
                Section::Nodes => {
                    fetch.nodes = true;
                    fetch.node_status = true;
                    // MASTERS and SLAVES count the shards on each node.
                    fetch.shards |= extra_all;
                    &[][..]
                }
                Section::Databases => DATABASES_FIELDS,
                Section::Endpoints => {
                    fetch.nodes = true;
                    ENDPOINTS_FIELDS
                }
                Section::Shards => {
                    fetch.shards = true;
                    SHARDS_FIELDS
                }
            };
            for field in bdb_fields {
                if !fetch.bdb_fields.contains(field) {
                    fetch.bdb_fields.push(field);
                }
            }
        }
        fetch
    }

    /// The shards are read with their strings borrowed from their answer, kept in `shards_body`.
    fn snapshot<'a>(
        &self,
        client: &ApiClient,
        shards_body: &'a mut Vec<u8>,
    ) -> CliResult<ClusterSnapshot<'a>> {
        Ok(ClusterSnapshot {
            nodes: if self.nodes {
                client.nodes()?
            } else {
                Vec::new()
            },
            bdbs: if self.bdb_fields.is_empty() {
                Vec::new()
            } else {
                client.bdbs_with_fields(&self.bdb_fields)?
            },
            shards: if self.shards {
                *shards_body = client.shards_with_used_memory()?;
                parse_shard_summaries(shards_body)?
            } else {
                Vec::new()
            },
            node_status: if self.node_status {
                client.nodes_status()?
            } else {
                BTreeMap::new()
            },
        })
    }
}

pub fn run(ctx: &Context, args: StatusArgs) -> CliResult<()> {
    let mut request = parse(&args.words)?;
    let client = ctx.client()?;
    if let Some(db) = &request.db {
        request.view.db = Some(resolve_db(&client, db)?.uid);
    }
    let extra_all = request.view.wants_extra_columns();
    let mut shards_body = Vec::new();
    let snapshot =
        Fetch::for_sections(&request.sections, extra_all).snapshot(&client, &mut shards_body)?;
    let options = StatusOptions {
        extra_all,
        issues_only: request.issues_only,
        connected_host: url_host(client.base_url()),
        records: ctx.json(),
    };
    let rows_of = |section: Section| {
        request
            .view
            .apply(section_table(section, &snapshot, &options))
            .map_err(usage)
    };
    if ctx.json() {
        let sections = request
            .sections
            .iter()
            .map(|section| Ok((*section, rows_of(*section)?)))
            .collect::<CliResult<Vec<_>>>()?;
        print_json(&sections_json(&sections));
        return Ok(());
    }
    // Each section is printed as soon as it is built, so that one table is held at a time (at
    // fleet scale the shards table alone has 60,000 rows). Only `sort` can fail, and it needs a
    // single section, so nothing is printed before a failure.
    for (index, section) in request.sections.iter().enumerate() {
        let separator = if index == 0 { "" } else { "\n" };
        print!(
            "{separator}{}",
            render_section(*section, &rows_of(*section)?.table)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_rladmin_status_grammar() {
        let request = parse(&words("shards extra all issues_only")).unwrap();
        assert_eq!(request.sections, vec![Section::Shards]);
        assert!(request.view.wants_extra_columns() && request.issues_only);
        assert_eq!(parse(&words("")).unwrap().sections.len(), 4);
        let request = parse(&words(
            "shards node 2 db demo-db extra frag watchdog sort USED_MEMORY ID",
        ))
        .unwrap();
        assert_eq!(request.view.node, Some(2));
        assert_eq!(request.db, Some(DbRef::Name("demo-db".into())));
        assert_eq!(request.view.extras, ["frag", "watchdog"]);
        assert_eq!(request.view.sort, ["USED_MEMORY", "ID"]);
        assert!(parse(&words("extra bogus")).is_err());
        assert!(parse(&words("nodes node 1")).is_err());
        assert!(parse(&words("sort ID")).is_err(), "sort needs one table");
        assert!(parse(&words("bogus")).is_err());
    }

    /// Every table reads the same from the bdb fields its fetch asks for as from whole objects:
    /// a field a table starts to read must join its list.
    #[test]
    fn each_table_reads_only_the_fields_it_asks_for() {
        use crate::test_fixtures::fixture;
        use serde_json::Value;
        let whole: Value = serde_json::from_str(&fixture("bdb_single.json")).unwrap();
        let shards_json = fixture("shards_list.json");
        let snapshot = |bdb: &Value| ClusterSnapshot {
            nodes: serde_json::from_str(&fixture("nodes_list.json")).unwrap(),
            bdbs: vec![serde_json::from_value(bdb.clone()).unwrap()],
            shards: serde_json::from_str(&shards_json).unwrap(),
            node_status: BTreeMap::new(),
        };
        for section in Section::ALL {
            for extra_all in [false, true] {
                let fetch = Fetch::for_sections(&[section], extra_all);
                let selected: serde_json::Map<String, Value> = whole
                    .as_object()
                    .unwrap()
                    .iter()
                    .filter(|(key, _)| fetch.bdb_fields.contains(&key.as_str()))
                    .map(|(key, value)| (key.clone(), value.clone()))
                    .collect();
                let options = StatusOptions {
                    extra_all,
                    issues_only: false,
                    connected_host: None,
                    records: true,
                };
                // The text and the `-o json` document.
                let render = |bdb: &Value| {
                    let rows = section_table(section, &snapshot(bdb), &options);
                    let text = render_section(section, &rows.table);
                    (text, sections_json(&[(section, rows)]))
                };
                assert_eq!(
                    render(&Value::Object(selected)),
                    render(&whole),
                    "{section:?}"
                );
            }
        }
    }

    #[test]
    fn fetches_only_what_the_tables_show() {
        let fetch = Fetch::for_sections(&[Section::Databases], false);
        assert!(!fetch.nodes && !fetch.shards && !fetch.node_status);
        assert_eq!(fetch.bdb_fields, DATABASES_FIELDS);
        let fetch = Fetch::for_sections(&[Section::Nodes], false);
        assert!(fetch.nodes && fetch.node_status && !fetch.shards && fetch.bdb_fields.is_empty());
        assert!(Fetch::for_sections(&[Section::Nodes], true).shards);
        let all = Fetch::for_sections(&Section::ALL, false);
        assert!(all.nodes && all.node_status && all.shards);
        assert_eq!(all.bdb_fields.len(), DATABASES_FIELDS.len() + 2);
    }

    #[test]
    fn finds_the_url_host() {
        assert_eq!(
            url_host("https://127.0.0.1:9443").as_deref(),
            Some("127.0.0.1")
        );
        assert_eq!(url_host("https://[::1]:9443/").as_deref(), Some("::1"));
    }
}
