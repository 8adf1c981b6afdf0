/*!
Plain-text tables for the terminal: columns padded to their widest cell, long
cells cut with an ellipsis so that one record stays on one line.
*/

use std::io::{self, Write};

/// Longest cell shown before it is cut.
const MAX_CELL_CHARS: usize = 70;

/// Writes `rows` under `headers`, columns separated by two spaces; nothing when there are
/// no rows.
pub fn write(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let cut: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| shorten(cell)).collect())
        .collect();
    let mut widths: Vec<usize> = headers
        .iter()
        .map(|header| header.chars().count())
        .collect();
    for row in &cut {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let header_cells: Vec<String> = headers.iter().map(|header| header.to_string()).collect();
    for row in std::iter::once(&header_cells).chain(&cut) {
        let mut line = String::new();
        for (idx, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if idx + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<width$}  "));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn shorten(cell: &str) -> String {
    let cell = cell.replace(['\n', '\t'], " ");
    if cell.chars().count() <= MAX_CELL_CHARS {
        return cell;
    }
    let mut short: String = cell.chars().take(MAX_CELL_CHARS - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_and_long_cells_are_cut() {
        let rows = vec![
            vec!["a".to_string(), "x".repeat(100)],
            vec!["longer".to_string(), "y".to_string()],
        ];
        let mut out = Vec::new();
        write(&mut out, &["key", "value"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "key     value");
        assert!(lines[1].starts_with("a       xxx") && lines[1].ends_with('…'));
        assert_eq!(lines[1].chars().count(), 8 + MAX_CELL_CHARS);
        assert_eq!(lines[2], "longer  y");
        let mut empty = Vec::new();
        write(&mut empty, &["key"], &[]).unwrap();
        assert!(empty.is_empty());
    }
}
