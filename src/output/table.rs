//! A tiny aligner for rladmin's borderless tables: every column as wide as its widest cell,
//! one space between columns, values left-justified, blank padding for empty cells, and no
//! trailing whitespace.

/// One table, e.g. the `DATABASES:` section of `status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(columns: Vec<&'static str>) -> Self {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The header line and one line per row, each ending in `\n`.
    pub fn render(&self) -> String {
        self.render_with_gap(" ")
    }

    /// Like `render`, with `gap` between columns (crdb-cli's tables use two spaces).
    pub fn render_with_gap(&self, gap: &str) -> String {
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(index, title)| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(index))
                    .map(|cell| cell.chars().count())
                    .chain([title.len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let header: Vec<String> = self.columns.iter().map(|title| title.to_string()).collect();
        std::iter::once(&header)
            .chain(self.rows.iter())
            .map(|cells| {
                let line: Vec<String> = widths
                    .iter()
                    .enumerate()
                    .map(|(index, width)| {
                        let cell = cells.get(index).map(String::as_str).unwrap_or("");
                        format!("{cell:<width$}")
                    })
                    .collect();
                format!("{}\n", line.join(gap).trim_end())
            })
            .collect()
    }

    /// Rows as JSON objects keyed by column title.
    pub fn to_json(&self) -> serde_json::Value {
        self.rows
            .iter()
            .map(|row| {
                self.columns
                    .iter()
                    .zip(row)
                    .map(|(title, cell)| {
                        (title.to_string(), serde_json::Value::from(cell.as_str()))
                    })
                    .collect::<serde_json::Map<_, _>>()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_left_with_blank_cells_and_no_trailing_space() {
        let mut table = Table::new(vec!["NODE:ID", "ADDRESS", "EXTERNAL_ADDRESS", "STATUS"]);
        table.push(vec![
            "node:1".into(),
            "127.0.1.1".into(),
            "".into(),
            "OK".into(),
        ]);
        table.push(vec![
            "node:2".into(),
            "127.0.1.2".into(),
            "127.0.2.2".into(),
            "".into(),
        ]);
        assert_eq!(
            table.render(),
            "NODE:ID ADDRESS   EXTERNAL_ADDRESS STATUS\n\
             node:1  127.0.1.1                  OK\n\
             node:2  127.0.1.2 127.0.2.2\n"
        );
    }
}
