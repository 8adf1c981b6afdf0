/*!
Publication dates as articles, meta tags, datelines and command lines write them.
*/

use jiff::civil::Date;
use jiff::fmt::strtime;

/// Formats tried, in order, after ISO 8601.
const FORMATS: [&str; 8] = [
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%Y/%m/%d",
    "%d/%m/%Y",
];

/// Parses a publication date: `2024-12-10`, an ISO timestamp (`2024-12-10T08:30:00+06:30`,
/// whose calendar date is taken as written), `10 December 2024`, `Dec. 10, 2024`...
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if text.len() >= 10 && text.is_char_boundary(10) {
        if let Ok(date) = text[..10].parse::<Date>() {
            let rest = &text[10..];
            if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
                return Some(date);
            }
        }
    }
    let cleaned = text.replace("Sept.", "Sep.").replace("Sept ", "Sep ");
    FORMATS
        .iter()
        .find_map(|format| strtime::parse(format, &cleaned).ok()?.to_date().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_forms() {
        let expected = Date::new(2024, 12, 10).unwrap();
        for text in [
            "2024-12-10",
            "2024-12-10T08:30:00+06:30",
            "2024-12-10 08:30",
            "10 December 2024",
            "10 Dec 2024",
            "December 10, 2024",
            "Dec. 10, 2024",
        ] {
            assert_eq!(parse_date(text), Some(expected), "{text}");
        }
        assert_eq!(parse_date("Sept. 29, 2024"), Date::new(2024, 9, 29).ok());
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-13-45"), None);
        assert_eq!(parse_date(""), None);
    }
}
