//! rladmin's borderless tables, laid out by comfy-table: every column as wide as its widest cell,
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
        self.render_with_gap(1)
    }

    /// Like `render`, with `gap` spaces between columns (crdb-cli's tables use two).
    pub fn render_with_gap(&self, gap: u16) -> String {
        let mut table = comfy_table::Table::new();
        table
            .load_style(comfy_table::presets::NOTHING)
            .set_header(self.columns.iter().copied())
            .add_rows(
                self.rows
                    .iter()
                    .map(|row| row.iter().take(self.columns.len())),
            );
        let last = self.columns.len().saturating_sub(1);
        for (index, column) in table.column_iter_mut().enumerate() {
            column.set_padding((0, if index == last { 0 } else { gap }));
        }
        table
            .lines()
            .map(|line| line.trim_end().to_string() + "\n")
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
