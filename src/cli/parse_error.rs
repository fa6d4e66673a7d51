//! clap's own errors span several lines (the error, tips, usage, "For more information"). The
//! contract is one `error:` line a script can read, so the error moves to the end as one line
//! and clap's other lines stay above it, unchanged.

/// `rendered` is clap's plain-text error: its `error:` block (up to the first blank line) is
/// folded into one line and printed last.
pub fn error_line_last(rendered: &str) -> String {
    let rendered = rendered.trim_end();
    let (block, rest) = rendered
        .split_once("\n\n")
        .map_or((rendered, ""), |(block, rest)| (block, rest));
    let mut lines = block.lines();
    let first = lines
        .next()
        .unwrap_or("error: invalid arguments")
        .trim_end();
    let continuation: Vec<&str> = lines
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let error = match continuation.as_slice() {
        [] => first.to_string(),
        items if first.ends_with(':') => format!("{first} {}", items.join(", ")),
        items => format!("{first} {}", items.join(" ")),
    };
    if rest.is_empty() {
        format!("{error}\n")
    } else {
        format!("{rest}\n{error}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_becomes_the_last_and_only_error_line() {
        assert_eq!(
            error_line_last(
                "error: the following required arguments were not provided:\n  --name <NAME>\n  \
                 --memory-size <SIZE>\n\nUsage: rsadmin crdb create --name <NAME>\n\nFor more \
                 information, try '--help'.\n"
            ),
            "Usage: rsadmin crdb create --name <NAME>\n\nFor more information, try '--help'.\n\
             error: the following required arguments were not provided: --name <NAME>, \
             --memory-size <SIZE>\n"
        );
        assert_eq!(
            error_line_last(
                "error: invalid value 'xml' for '--output <OUTPUT>'\n  [possible values: text, \
                 json]\n\nFor more information, try '--help'.\n"
            ),
            "For more information, try '--help'.\nerror: invalid value 'xml' for '--output \
             <OUTPUT>' [possible values: text, json]\n"
        );
    }
}
