//! `status [databases|nodes|shards|endpoints] [extra all] [issues_only]`: one request per
//! resource type, never one per database.

use crate::api::ApiClient;
use crate::cli::status::StatusArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::output::print_json;
use crate::output::status::{
    ClusterSnapshot, Section, StatusOptions, render_section, sections_json,
};

/// The validated request.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StatusRequest {
    sections: Vec<Section>,
    extra_all: bool,
    issues_only: bool,
}

fn parse(words: &[String]) -> CliResult<StatusRequest> {
    let mut request = StatusRequest {
        sections: Section::ALL.to_vec(),
        extra_all: false,
        issues_only: false,
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
    while let Some(word) = words.next() {
        match (word, words.peek()) {
            ("extra", Some(&"all")) => {
                request.extra_all = true;
                words.next();
            }
            ("extra", other) => {
                return Err(CliError::usage(format!(
                    "unsupported `extra {}`: rsadmin supports `extra all`",
                    other.unwrap_or(&"")
                )));
            }
            ("issues_only", _) => request.issues_only = true,
            (other, _) => {
                return Err(CliError::usage(format!(
                    "unexpected {other:?}. Usage: rsadmin status [databases|nodes|shards|endpoints] \
                     [extra all] [issues_only]"
                )));
            }
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
        shards: client.shards()?,
        node_status: client.nodes_status()?,
    })
}

pub fn run(ctx: &Context, args: StatusArgs) -> CliResult<()> {
    let request = parse(&args.words)?;
    let client = ctx.client()?;
    let snapshot = snapshot(&client)?;
    let options = StatusOptions {
        extra_all: request.extra_all,
        issues_only: request.issues_only,
        connected_host: url_host(client.base_url()),
    };
    if ctx.json() {
        print_json(&sections_json(&request.sections, &snapshot, &options));
        return Ok(());
    }
    let sections: Vec<String> = request
        .sections
        .iter()
        .map(|section| render_section(*section, &snapshot, &options))
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
        assert!(request.extra_all && request.issues_only);
        assert_eq!(parse(&words("")).unwrap().sections.len(), 4);
        assert!(parse(&words("extra frag")).is_err());
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
