//! Where the keys of a command are, learnt from a shard's `COMMAND` reply: key specs (Redis 7:
//! index/keyword begin-search, range/keynum find-keys, subcommands) with the legacy
//! first/last/step triple as the fallback (Redis 6 shards, specs of type "unknown").

use std::collections::HashMap;

use super::errors;
use super::resp::{Args, Reply};

#[derive(Debug, Clone, PartialEq)]
enum BeginSearch {
    Index(i64),
    Keyword { keyword: Vec<u8>, start_from: i64 },
}

#[derive(Debug, Clone, PartialEq)]
enum FindKeys {
    Range {
        last_key: i64,
        key_step: i64,
        limit: i64,
    },
    KeyNum {
        key_num_index: i64,
        first_key: i64,
        key_step: i64,
    },
}

#[derive(Debug, Clone, PartialEq)]
struct KeySpec {
    begin: BeginSearch,
    find: FindKeys,
}

#[derive(Debug, Default)]
struct CommandSpec {
    /// Full lower-case name (`mset`, `cluster|keyslot`), as Redis names it in arity errors.
    name: String,
    /// Redis's arity: N exactly N arguments (name included), -N at least N.
    arity: i64,
    /// Flagged `blocking` (BLPOP, XREAD, WAIT, ...): it may hold its connection indefinitely.
    blocking: bool,
    key_specs: Vec<KeySpec>,
    subcommands: HashMap<Vec<u8>, CommandSpec>,
}

#[derive(Debug, Default)]
pub struct CommandTable {
    commands: HashMap<Vec<u8>, CommandSpec>,
}

#[derive(Debug)]
pub struct CommandTableError(pub String);

/// Value of `name` in a flat `name, value, ...` array (RESP2 form of a map).
fn field<'a>(items: &'a [Reply], name: &str) -> Option<&'a Reply> {
    items
        .chunks_exact(2)
        .find(|pair| pair[0].as_bytes() == Some(name.as_bytes()))
        .map(|pair| &pair[1])
}

fn int_field(items: &[Reply], name: &str) -> Option<i64> {
    field(items, name).and_then(Reply::as_int)
}

fn parse_key_spec(spec: &[Reply]) -> Option<KeySpec> {
    let begin = field(spec, "begin_search")?.as_array()?;
    let begin_spec = field(begin, "spec")?.as_array()?;
    let begin = match field(begin, "type")?.as_bytes()? {
        b"index" => BeginSearch::Index(int_field(begin_spec, "index")?),
        b"keyword" => BeginSearch::Keyword {
            keyword: field(begin_spec, "keyword")?
                .as_bytes()?
                .to_ascii_lowercase(),
            start_from: int_field(begin_spec, "startfrom")?,
        },
        _ => return None,
    };
    let find = field(spec, "find_keys")?.as_array()?;
    let find_spec = field(find, "spec")?.as_array()?;
    let find = match field(find, "type")?.as_bytes()? {
        b"range" => FindKeys::Range {
            last_key: int_field(find_spec, "lastkey")?,
            key_step: int_field(find_spec, "keystep")?,
            limit: int_field(find_spec, "limit")?,
        },
        b"keynum" => FindKeys::KeyNum {
            key_num_index: int_field(find_spec, "keynumidx")?,
            first_key: int_field(find_spec, "firstkey")?,
            key_step: int_field(find_spec, "keystep")?,
        },
        _ => return None,
    };
    Some(KeySpec { begin, find })
}

fn parse_command_entry(entry: &Reply) -> Result<(Vec<u8>, CommandSpec), CommandTableError> {
    let malformed = || CommandTableError(format!("malformed COMMAND entry: {entry:?}"));
    let items = entry.as_array().ok_or_else(malformed)?;
    let name = items
        .first()
        .and_then(Reply::as_bytes)
        .ok_or_else(malformed)?
        .to_ascii_lowercase();
    let legacy: Vec<i64> = items[3..6.min(items.len())]
        .iter()
        .filter_map(Reply::as_int)
        .collect();
    let raw_specs = items.get(8).and_then(Reply::as_array).unwrap_or_default();
    let mut key_specs: Vec<KeySpec> = raw_specs
        .iter()
        .filter_map(|spec| spec.as_array().and_then(parse_key_spec))
        .collect();
    let some_spec_unusable = key_specs.len() != raw_specs.len();
    if let [first, last, step] = legacy[..]
        && first > 0
        && (raw_specs.is_empty() || some_spec_unusable)
    {
        // Legacy triple: keys from `first` to `last` (negative = from the end) every `step`.
        key_specs = vec![KeySpec {
            begin: BeginSearch::Index(first),
            find: FindKeys::Range {
                last_key: if last < 0 { last } else { last - first },
                key_step: step,
                limit: 0,
            },
        }];
    }
    let subcommands = items
        .get(9)
        .and_then(Reply::as_array)
        .unwrap_or_default()
        .iter()
        .map(parse_command_entry)
        .collect::<Result<HashMap<_, _>, _>>()?;
    let blocking = items.get(2).and_then(Reply::as_array).is_some_and(|flags| {
        flags
            .iter()
            .any(|flag| flag.as_bytes() == Some(b"blocking"))
    });
    let arity = items.get(1).and_then(Reply::as_int).unwrap_or(0);
    Ok((
        name.clone(),
        CommandSpec {
            name: String::from_utf8_lossy(&name).into_owned(),
            arity,
            blocking,
            key_specs,
            subcommands,
        },
    ))
}

fn parse_count(arg: &[u8]) -> Option<i64> {
    std::str::from_utf8(arg).ok()?.parse().ok()
}

impl KeySpec {
    /// Mirrors redis `getKeysUsingKeySpecs` for one spec.
    fn key_positions(&self, args: &Args, positions: &mut Vec<usize>) {
        let argc = args.len() as i64;
        let mut first = match &self.begin {
            BeginSearch::Index(index) => *index,
            BeginSearch::Keyword {
                keyword,
                start_from,
            } => {
                let found = if *start_from > 0 {
                    (*start_from..argc).find(|&i| args[i as usize].eq_ignore_ascii_case(keyword))
                } else {
                    (1..=argc + start_from)
                        .rev()
                        .find(|&i| args[i as usize].eq_ignore_ascii_case(keyword))
                };
                match found {
                    Some(index) => index + 1,
                    None => return,
                }
            }
        };
        let (last, step) = match self.find {
            FindKeys::Range {
                last_key,
                key_step,
                limit,
            } => {
                let last = if last_key >= 0 {
                    first + last_key
                } else if limit == 0 {
                    argc + last_key
                } else {
                    first + ((argc - first) / limit + last_key)
                };
                (last, key_step)
            }
            FindKeys::KeyNum {
                key_num_index,
                first_key,
                key_step,
            } => {
                let Some(count) = args
                    .get((first + key_num_index) as usize)
                    .and_then(|arg| parse_count(arg))
                else {
                    return;
                };
                first += first_key;
                (first + count - 1, key_step)
            }
        };
        let mut index = first;
        while index <= last && step > 0 {
            if index >= argc {
                // Too few arguments: the shard reports the arity error itself.
                break;
            }
            positions.push(index as usize);
            index += step;
        }
    }
}

impl CommandTable {
    /// Builds the table from a RESP2 `COMMAND` reply.
    pub fn from_command_reply(reply: &Reply) -> Result<Self, CommandTableError> {
        let entries = reply.as_array().ok_or_else(|| {
            CommandTableError(format!("COMMAND did not return an array: {reply:?}"))
        })?;
        let commands = entries
            .iter()
            .map(parse_command_entry)
            .collect::<Result<HashMap<_, _>, _>>()?;
        Ok(CommandTable { commands })
    }

    /// The spec of this request's command (or subcommand), if the shard knows it.
    fn spec(&self, args: &Args) -> Option<&CommandSpec> {
        let name = args.first()?;
        let mut lower = [0u8; 32];
        let lookup = match name.len() {
            len @ 1..=32 => {
                lower[..len].copy_from_slice(name);
                lower[..len].make_ascii_lowercase();
                self.commands.get(&lower[..len])
            }
            _ => self.commands.get(&name.to_ascii_lowercase()),
        };
        let spec = lookup?;
        match args.get(1) {
            Some(subcommand) if !spec.subcommands.is_empty() => {
                let mut full_name = name.to_ascii_lowercase();
                full_name.push(b'|');
                full_name.extend(subcommand.to_ascii_lowercase());
                spec.subcommands.get(&full_name)
            }
            _ => Some(spec),
        }
    }

    /// Redis's arity check (`processCommand`), for the commands the shards know: the error text
    /// when `args` has a wrong number of arguments.
    pub fn arity_error(&self, args: &Args) -> Option<String> {
        let spec = self.spec(args)?;
        let argc = args.len() as i64;
        let wrong = (spec.arity > 0 && argc != spec.arity) || argc < -spec.arity;
        wrong.then(|| errors::wrong_arity(&spec.name))
    }

    pub fn is_blocking(&self, args: &Args) -> bool {
        self.spec(args).is_some_and(|spec| spec.blocking)
    }

    /// Indices in `args` of the keys of this request, in argument order.
    pub fn key_positions(&self, args: &Args) -> Vec<usize> {
        let mut positions = Vec::new();
        let Some(spec) = self.spec(args) else {
            return positions;
        };
        for key_spec in &spec.key_specs {
            key_spec.key_positions(args, &mut positions);
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}
