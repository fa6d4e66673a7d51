//! rladmin's borderless tables, laid out by comfy-table: every column as wide as its widest cell,
//! one space between columns, values left-justified, blank padding for empty cells, and no
//! trailing whitespace.

/// The widest cell laid out without comfy-table (it measures widths in `u16`).
const PLAIN_CELL_MAX: usize = u16::MAX as usize;

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
        match self.plain_widths() {
            Some(widths) => self.render_plain(&widths, usize::from(gap)),
            None => self.render_with_comfy_table(gap),
        }
    }

    /// The column widths when the table is plain: a header, every row filling every column, and
    /// every cell one line of printable ASCII (one byte is one column) no wider than comfy-table
    /// measures. Such a table is laid out directly, as comfy-table would: at `status` on 60,000
    /// shards its per-cell copies cost a second and hundreds of MB.
    fn plain_widths(&self) -> Option<Vec<usize>> {
        let plain = |text: &str| {
            text.len() <= PLAIN_CELL_MAX
                && text
                    .bytes()
                    .all(|byte| byte.is_ascii_graphic() || byte == b' ')
        };
        if self.columns.is_empty() || !self.columns.iter().all(|title| plain(title)) {
            return None;
        }
        let mut widths: Vec<usize> = self.columns.iter().map(|title| title.len()).collect();
        for row in &self.rows {
            if row.len() < widths.len() {
                return None;
            }
            for (width, cell) in widths.iter_mut().zip(row) {
                if !plain(cell) {
                    return None;
                }
                *width = (*width).max(cell.len());
            }
        }
        Some(widths)
    }

    fn render_plain(&self, widths: &[usize], gap: usize) -> String {
        let line_width: usize = widths.iter().sum::<usize>() + gap * widths.len() + 1;
        let mut text = String::with_capacity(line_width * (self.rows.len() + 1));
        let mut push_line = |cells: &mut dyn Iterator<Item = &str>| {
            let start = text.len();
            for (cell, width) in cells.zip(widths) {
                text.push_str(cell);
                text.extend(std::iter::repeat_n(' ', width - cell.len() + gap));
            }
            let content = text[start..].trim_end().len();
            text.truncate(start + content);
            text.push('\n');
        };
        push_line(&mut self.columns.iter().copied());
        for row in &self.rows {
            push_line(&mut row.iter().map(String::as_str));
        }
        text
    }

    fn render_with_comfy_table(&self, gap: u16) -> String {
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

    /// The direct layout of plain tables is comfy-table's, cell for cell: random tables of
    /// printable ASCII (spaces at the ends included), empty cells, surplus cells, both gaps.
    #[test]
    fn plain_tables_render_as_comfy_table_does() {
        let cell = |rng: &mut fastrand::Rng| -> String {
            (0..rng.usize(0..12))
                .map(|_| match rng.u8(0..8) {
                    0 => ' ',
                    _ => char::from(rng.u8(b'!'..=b'~')),
                })
                .collect()
        };
        let mut rng = fastrand::Rng::with_seed(16);
        for _ in 0..500 {
            let titles = ["A", "LONG_TITLE", "ID", "X Y", "STATUS"];
            let columns = titles[..rng.usize(1..=titles.len())].to_vec();
            let mut table = Table::new(columns.clone());
            for _ in 0..rng.usize(0..6) {
                let cells = columns.len() + rng.usize(0..2);
                table.push((0..cells).map(|_| cell(&mut rng)).collect());
            }
            assert!(table.plain_widths().is_some());
            for gap in [1, 2] {
                assert_eq!(
                    table.render_with_gap(gap),
                    table.render_with_comfy_table(gap),
                    "{table:?}"
                );
            }
        }
    }

    #[test]
    fn other_tables_go_through_comfy_table() {
        let table = |cells: &[&str]| {
            let mut table = Table::new(vec!["NAME", "STATUS"]);
            table.push(cells.iter().map(|cell| cell.to_string()).collect());
            table
        };
        let accented = table(&["caf\u{e9}", "OK"]);
        assert!(accented.plain_widths().is_none());
        assert_eq!(accented.render(), "NAME STATUS\ncaf\u{e9} OK\n");
        assert!(table(&["two\nlines", "OK"]).plain_widths().is_none());
        assert!(table(&["short row"]).plain_widths().is_none());
    }
}
