//! `bind [db <db>] endpoint <db>:<n> policy <policy>` and `... include|exclude <proxy ids>`
//! (the older verbs `add`/`remove` mean include/exclude).
//! REST: `PUT /v1/bdbs/<id> {"endpoint": "<uid>", "proxy_policy": ...}` or
//! `{"endpoint": "<uid>", "include_proxies": [ids]}` / `"exclude_proxies"`.

use serde_json::Value;

use crate::cli::bind::BindArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::ops;
use crate::ops::bind::Binding;
use crate::ops::execute::execute;
use crate::output::plan::Done;
use crate::resolve::{DbRef, EndpointRef, resolve_db};

const PROXY_POLICIES: [&str; 3] = ["single", "all-master-shards", "all-nodes"];

const USAGE: &str = "Usage: rsadmin bind [db <db>] endpoint <db>:<n> policy single|all-master-shards|all-nodes, \
                     or: rsadmin bind [db <db>] endpoint <db>:<n> include|exclude <proxy id>...";

#[derive(Debug, Clone, PartialEq, Eq)]
enum BindAction {
    Policy(String),
    Include(Vec<u64>),
    Exclude(Vec<u64>),
}

impl BindAction {
    fn field(&self) -> &'static str {
        match self {
            BindAction::Policy(_) => "proxy_policy",
            BindAction::Include(_) => "include_proxies",
            BindAction::Exclude(_) => "exclude_proxies",
        }
    }

    fn wanted(&self) -> Value {
        match self {
            BindAction::Policy(policy) => Value::from(policy.as_str()),
            BindAction::Include(ids) | BindAction::Exclude(ids) => Value::from(ids.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct BindRequest {
    db: Option<DbRef>,
    endpoint: EndpointRef,
    action: BindAction,
}

fn usage(problem: &str) -> CliError {
    CliError::usage(format!("{problem}. {USAGE}"))
}

fn proxy_ids(words: &[&str]) -> CliResult<Vec<u64>> {
    if words.is_empty() {
        return Err(usage("no proxy ids given"));
    }
    words
        .iter()
        .map(|word| {
            word.strip_prefix("proxy:")
                .unwrap_or(word)
                .parse::<u64>()
                .map_err(|_| {
                    usage(&format!(
                        "invalid proxy id {word:?} (a number, see `rsadmin info node`)"
                    ))
                })
        })
        .collect()
}

fn parse(words: &[String]) -> CliResult<BindRequest> {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let (db, rest) = match words.as_slice() {
        ["db", db, rest @ ..] => (Some(DbRef::parse(db)?), rest),
        rest => (None, rest),
    };
    let (endpoint, verb, arguments) = match rest {
        ["endpoint", endpoint, verb, arguments @ ..] => {
            (EndpointRef::parse(endpoint)?, *verb, arguments)
        }
        _ => return Err(usage("expected `endpoint <db>:<n>` and an action")),
    };
    let action = match (verb, arguments) {
        ("policy", [policy]) if PROXY_POLICIES.contains(policy) => {
            BindAction::Policy(policy.to_string())
        }
        ("policy", _) => {
            return Err(usage(&format!(
                "invalid policy {:?}: expected one of {}",
                arguments.join(" "),
                PROXY_POLICIES.join(", ")
            )));
        }
        ("include" | "add", ids) => BindAction::Include(proxy_ids(ids)?),
        ("exclude" | "remove", ids) => BindAction::Exclude(proxy_ids(ids)?),
        (other, _) => return Err(usage(&format!("unknown action {other:?}"))),
    };
    if let Some(DbRef::Id(id)) = &db
        && *id != endpoint.bdb_uid
    {
        return Err(usage(&format!(
            "endpoint {} belongs to db:{}, not db:{id}",
            endpoint.uid, endpoint.bdb_uid
        )));
    }
    Ok(BindRequest {
        db,
        endpoint,
        action,
    })
}

pub fn run(ctx: &Context, args: BindArgs) -> CliResult<()> {
    let request = parse(&args.words)?;
    let client = ctx.client()?;
    let db_ref = request
        .db
        .clone()
        .unwrap_or(DbRef::Id(request.endpoint.bdb_uid));
    let db = resolve_db(&client, &db_ref)?;
    if db.uid != request.endpoint.bdb_uid {
        return Err(usage(&format!(
            "endpoint {} belongs to db:{}, not {}",
            request.endpoint.uid,
            request.endpoint.bdb_uid,
            db.subject()
        )));
    }
    let binding = Binding {
        endpoint: request.endpoint.uid.clone(),
        field: request.action.field(),
        wanted: request.action.wanted(),
    };
    let plan = ops::bind::plan(&client, &db, &binding)?;
    execute(
        &client,
        &plan,
        &ctx.run_options(&args.change, Done::Finished),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitKind;
    use crate::test_fixtures::words;

    #[test]
    fn parses_every_rladmin_form() {
        let request = parse(&words("db db:1 endpoint 1:1 policy all-master-shards")).unwrap();
        assert_eq!(
            request.action,
            BindAction::Policy("all-master-shards".into())
        );
        let request = parse(&words("endpoint 6:1 exclude 2")).unwrap();
        assert_eq!(request.endpoint.uid, "6:1");
        assert_eq!(request.action, BindAction::Exclude(vec![2]));
        assert_eq!(
            parse(&words("endpoint 1:1 add 3 4")).unwrap().action,
            BindAction::Include(vec![3, 4])
        );
        assert_eq!(
            parse(&words("bind db orders endpoint 2:1 policy all-nodes"))
                .unwrap_err()
                .kind,
            ExitKind::Usage
        );
        assert_eq!(
            parse(&words("db orders endpoint 2:1 policy all-nodes"))
                .unwrap()
                .db,
            Some(DbRef::Name("orders".into()))
        );
    }

    #[test]
    fn rejects_bad_forms() {
        for bad in [
            "endpoint 1:1 policy some",
            "endpoint 1:1 include",
            "endpoint 1:1 include x",
            "endpoint 1 policy single",
            "db db:2 endpoint 1:1 policy single",
            "policy single",
        ] {
            assert_eq!(
                parse(&words(bad)).unwrap_err().kind,
                ExitKind::Usage,
                "{bad}"
            );
        }
    }
}
