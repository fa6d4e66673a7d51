//! `status [databases|nodes|shards|endpoints] [node <id>] [db <db>] [extra <param>...]
//! [sort <column>...] [issues_only]`: one request per resource type, never one per database; the
//! filters, extra columns and sort apply to the built tables (`output::status_view`).

use crate::api::ApiClient;
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

fn snapshot(client: &ApiClient) -> CliResult<ClusterSnapshot> {
    Ok(ClusterSnapshot {
        nodes: client.nodes()?,
        bdbs: client.bdbs()?,
        shards: client.shards_with_used_memory()?,
        node_status: client.nodes_status()?,
    })
}

pub fn run(ctx: &Context, args: StatusArgs) -> CliResult<()> {
    let mut request = parse(&args.words)?;
    let client = ctx.client()?;
    if let Some(db) = &request.db {
        request.view.db = Some(resolve_db(&client, db)?.uid);
    }
    let snapshot = snapshot(&client)?;
    let options = StatusOptions {
        extra_all: request.view.wants_extra_columns(),
        issues_only: request.issues_only,
        connected_host: url_host(client.base_url()),
    };
    let sections = request
        .sections
        .iter()
        .map(|section| {
            let rows = section_table(*section, &snapshot, &options);
            Ok((*section, request.view.apply(rows).map_err(usage)?))
        })
        .collect::<CliResult<Vec<_>>>()?;
    if ctx.json() {
        print_json(&sections_json(&sections));
        return Ok(());
    }
    let sections: Vec<String> = sections
        .iter()
        .map(|(section, rows)| render_section(*section, &rows.table))
        .collect();
    print!("{}", sections.join("\n"));
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

    #[test]
    fn finds_the_url_host() {
        assert_eq!(
            url_host("https://127.0.0.1:9443").as_deref(),
            Some("127.0.0.1")
        );
        assert_eq!(url_host("https://[::1]:9443/").as_deref(), Some("::1"));
    }
}
