//! What `status` shows of each table: rladmin's `extra <param>` columns, the `node <id>` and
//! `db <db>` row filters, and `sort <columns>` (RL/status.md). It works on the rendered cells,
//! after the tables are built, so it never changes how a cell's value is computed; each row's
//! `-o json` record goes wherever its cells go.
//!
//! Which columns each `extra` parameter adds is not spelled out by the docs beyond `extra all`
//! (UNCONFIRMED); the mapping below follows the parameter descriptions ("Shows periodic backup
//! status", "Shows watchdog status", ...). `traffic_manually_disabled` adds no column rsadmin has.
//! `sort` is ascending and compares numbers inside cells by value (`2.04MB` < `2.08MB`,
//! `redis:4` < `redis:10`), as the documented examples are ordered.

use std::cmp::Ordering;

use super::status::SectionRows;
use super::table::Table;

/// rladmin's `extra` parameters (RL/status.md).
pub const EXTRA_PARAMETERS: [&str; 10] = [
    "all",
    "backups",
    "frag",
    "nodestats",
    "shardstats",
    "rack_id",
    "redis_version",
    "state_machine",
    "traffic_manually_disabled",
    "watchdog",
];

/// Extra columns and the parameters that show them; every other column is a default one.
const EXTRA_COLUMNS: [(&str, &[&str]); 11] = [
    ("MASTERS", &["nodestats", "shardstats"]),
    ("SLAVES", &["nodestats", "shardstats"]),
    ("OVERBOOKING_DEPTH", &["nodestats", "shardstats"]),
    ("SHA", &["redis_version"]),
    ("RACK-ID", &["rack_id"]),
    ("EXEC_STATE", &["state_machine"]),
    ("EXEC_STATE_MACHINE", &["state_machine"]),
    ("BACKUP_PROGRESS", &["backups"]),
    ("MISSING_BACKUP_TIME", &["backups"]),
    ("REDIS_VERSION", &["redis_version"]),
    ("RAM_FRAG", &["frag"]),
];

/// `WATCHDOG_STATUS` is an extra column everywhere but the shards' `STATUS` stays default.
const WATCHDOG_COLUMN: &str = "WATCHDOG_STATUS";

/// What to show of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableView {
    /// `extra` parameters given (`all` shows every extra column).
    pub extras: Vec<String>,
    /// `node <id>`: rows whose NODE column is `node:<id>`.
    pub node: Option<u64>,
    /// `db <db>` (resolved): rows whose DB:ID column is `db:<uid>`.
    pub db: Option<u64>,
    /// `sort <columns>`: column titles, most significant first.
    pub sort: Vec<String>,
}

impl TableView {
    /// The tables must be built with their extra columns when any `extra` is asked for.
    pub fn wants_extra_columns(&self) -> bool {
        !self.extras.is_empty()
    }

    /// Applies the view; an unknown sort column is a usage error naming the table's columns.
    pub fn apply(&self, rows: SectionRows) -> Result<SectionRows, String> {
        let rows = SectionRows {
            table: self.select_columns(rows.table),
            records: rows.records,
        };
        let mut shown = self.matching_rows(&rows.table);
        self.sort_rows(&rows.table, &mut shown)?;
        Ok(rows.pick_rows(&shown))
    }

    fn shows_extra(&self, column: &str) -> bool {
        if self.extras.iter().any(|extra| extra == "all") {
            return true;
        }
        if column == WATCHDOG_COLUMN {
            return self.extras.iter().any(|extra| extra == "watchdog");
        }
        match EXTRA_COLUMNS.iter().find(|(title, _)| *title == column) {
            Some((_, parameters)) => self
                .extras
                .iter()
                .any(|extra| parameters.contains(&extra.as_str())),
            None => true,
        }
    }

    fn select_columns(&self, table: Table) -> Table {
        let keep: Vec<bool> = table
            .columns
            .iter()
            .map(|column| self.shows_extra(column))
            .collect();
        if keep.iter().all(|keep| *keep) {
            return table;
        }
        let pick = |cells: Vec<String>| -> Vec<String> {
            cells
                .into_iter()
                .zip(&keep)
                .filter_map(|(cell, keep)| keep.then_some(cell))
                .collect()
        };
        let mut selected = Table::new(
            table
                .columns
                .iter()
                .zip(&keep)
                .filter_map(|(column, keep)| keep.then_some(*column))
                .collect(),
        );
        for row in table.rows {
            selected.push(pick(row));
        }
        selected
    }

    /// Indexes of the rows the `node` and `db` filters keep.
    fn matching_rows(&self, table: &Table) -> Vec<usize> {
        let filters: Vec<(usize, String)> = [
            ("NODE", self.node.map(|id| format!("node:{id}"))),
            ("DB:ID", self.db.map(|uid| format!("db:{uid}"))),
        ]
        .into_iter()
        .filter_map(|(column, wanted)| Some((column_index(table, column)?, wanted?)))
        .collect();
        (0..table.rows.len())
            .filter(|row| {
                filters
                    .iter()
                    .all(|(index, wanted)| table.rows[*row].get(*index) == Some(wanted))
            })
            .collect()
    }

    /// Orders `shown` (row indexes) by the `sort` columns; the sort is stable.
    fn sort_rows(&self, table: &Table, shown: &mut [usize]) -> Result<(), String> {
        let indexes = self
            .sort
            .iter()
            .map(|title| {
                column_index(table, title).ok_or_else(|| {
                    format!(
                        "cannot sort by {title:?}: the columns are {}",
                        table.columns.join(" ")
                    )
                })
            })
            .collect::<Result<Vec<usize>, String>>()?;
        shown.sort_by(|left, right| {
            let (left, right) = (&table.rows[*left], &table.rows[*right]);
            indexes
                .iter()
                .map(|index| cell_order(&left[*index], &right[*index]))
                .find(|order| order.is_ne())
                .unwrap_or(Ordering::Equal)
        });
        Ok(())
    }
}

fn column_index(table: &Table, title: &str) -> Option<usize> {
    table.columns.iter().position(|column| *column == title)
}

/// Sizes (`512.00KB`, `2.39MB`) by bytes when both cells are sizes, otherwise [`natural_order`].
fn cell_order(left: &str, right: &str) -> Ordering {
    match (size_bytes(left), size_bytes(right)) {
        (Some(left), Some(right)) => left.total_cmp(&right),
        _ => natural_order(left, right),
    }
}

/// The bytes of a size as status prints it (`2.39MB`); `None` for any other cell.
fn size_bytes(cell: &str) -> Option<f64> {
    let (number, scale) = [("GB", 3), ("MB", 2), ("KB", 1), ("B", 0)]
        .into_iter()
        .find_map(|(unit, scale)| Some((cell.strip_suffix(unit)?, scale)))?;
    if number.is_empty()
        || !number
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'.')
    {
        return None;
    }
    Some(number.parse::<f64>().ok()? * 1024f64.powi(scale))
}

/// Text order, except that runs of digits compare by value.
fn natural_order(left: &str, right: &str) -> Ordering {
    let (mut left, mut right) = (left, right);
    loop {
        let (left_chunk, left_rest) = split_chunk(left);
        let (right_chunk, right_rest) = split_chunk(right);
        let order = match (left_chunk, right_chunk) {
            ("", "") => return Ordering::Equal,
            (a, b) if is_number(a) && is_number(b) => {
                let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
                a.len().cmp(&b.len()).then_with(|| a.cmp(b))
            }
            (a, b) => a.cmp(b),
        };
        if order.is_ne() {
            return order;
        }
        (left, right) = (left_rest, right_rest);
    }
}

fn is_number(chunk: &str) -> bool {
    chunk.starts_with(|c: char| c.is_ascii_digit())
}

/// The leading run of digits, or of other characters.
fn split_chunk(text: &str) -> (&str, &str) {
    let digits = text.starts_with(|c: char| c.is_ascii_digit());
    let end = text
        .find(|c: char| c.is_ascii_digit() != digits)
        .unwrap_or(text.len());
    text.split_at(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shard rows whose records are `{"id": <the ID cell>}`, to see them follow their rows.
    fn shards() -> SectionRows {
        let mut table = Table::new(vec![
            "DB:ID",
            "ID",
            "NODE",
            "USED_MEMORY",
            "RAM_FRAG",
            WATCHDOG_COLUMN,
            "STATUS",
        ]);
        for (db, id, node, memory) in [
            ("db:3", "redis:10", "node:2", "2.08MB"),
            ("db:3", "redis:4", "node:1", "2.08MB"),
            ("db:1", "redis:6", "node:1", "2.04MB"),
        ] {
            table.push(
                [db, id, node, memory, "1MB", "OK", "OK"]
                    .map(str::to_string)
                    .to_vec(),
            );
        }
        let records = table
            .rows
            .iter()
            .map(|row| serde_json::json!({"id": row[1]}))
            .collect();
        SectionRows { table, records }
    }

    fn record_ids(rows: &SectionRows) -> Vec<&str> {
        rows.records
            .iter()
            .filter_map(|record| record["id"].as_str())
            .collect()
    }

    #[test]
    fn sort_compares_numbers_by_value() {
        let view = TableView {
            sort: vec!["USED_MEMORY".into(), "ID".into()],
            ..TableView::default()
        };
        let shown = view.apply(shards()).unwrap();
        let table = &shown.table;
        let ids: Vec<&str> = table.rows.iter().map(|row| row[1].as_str()).collect();
        assert_eq!(ids, ["redis:6", "redis:4", "redis:10"]);
        assert_eq!(record_ids(&shown), ids);
        // Sizes compare by bytes, not by their digits.
        let mut rows = shards();
        rows.table.rows[0][3] = "512.00KB".into();
        rows.table.rows[2][3] = "1.50GB".into();
        let table = view.apply(rows).unwrap().table;
        let ids: Vec<&str> = table.rows.iter().map(|row| row[1].as_str()).collect();
        assert_eq!(ids, ["redis:10", "redis:4", "redis:6"]);
        let bad = TableView {
            sort: vec!["BOGUS".into()],
            ..TableView::default()
        };
        assert!(
            bad.apply(shards())
                .unwrap_err()
                .starts_with("cannot sort by \"BOGUS\"")
        );
    }

    #[test]
    fn filters_keep_matching_rows_and_extras_pick_columns() {
        let view = TableView {
            node: Some(1),
            db: Some(3),
            extras: vec!["watchdog".into()],
            ..TableView::default()
        };
        let shown = view.apply(shards()).unwrap();
        let table = &shown.table;
        assert_eq!(
            table.columns,
            [
                "DB:ID",
                "ID",
                "NODE",
                "USED_MEMORY",
                WATCHDOG_COLUMN,
                "STATUS"
            ]
        );
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0][1], "redis:4");
        assert_eq!(record_ids(&shown), ["redis:4"]);
        let frag = TableView {
            extras: vec!["frag".into()],
            ..TableView::default()
        };
        assert!(
            frag.apply(shards())
                .unwrap()
                .table
                .columns
                .contains(&"RAM_FRAG")
        );
    }

    #[test]
    fn natural_order_reads_numbers() {
        assert_eq!(natural_order("10.73GB", "11.22GB"), Ordering::Less);
        assert_eq!(natural_order("redis:9", "redis:10"), Ordering::Less);
        assert_eq!(natural_order("a", "a"), Ordering::Equal);
    }
}
