/*!
HTML pages: the main text by Readability (the `dom_smoothie` crate), the title,
and the publication date from the page's metadata (`article:published_time`
and the like, or JSON-LD `datePublished`).
*/

use dom_smoothie::{Config, Readability, TextMode};

/// What a page yields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// The page's title.
    pub title: Option<String>,
    /// The publication time as the page writes it.
    pub published: Option<String>,
    /// The canonical URL, when the page gives one.
    pub url: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
}

/// Extracts the main text and metadata of a page; `Err` says why nothing could be extracted.
pub fn extract(html: &str) -> Result<Page, String> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(config)).map_err(|err| err.to_string())?;
    let article = readability
        .parse()
        .map_err(|err| format!("no main text found: {err}"))?;
    let text = tidy_paragraphs(&article.text_content);
    let non_empty = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
    Ok(Page {
        text,
        title: non_empty(Some(article.title)),
        published: non_empty(article.published_time),
        url: non_empty(article.url),
        site_name: non_empty(article.site_name),
    })
}

/// Trims each line and keeps one blank line between paragraphs.
fn tidy_paragraphs(text: &str) -> String {
    let paragraphs: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_title_and_date_from_a_news_page() {
        let html = r#"<!doctype html><html><head><title>Ferry resumes on the Ayeyarwady | River Post</title>
<meta property="article:published_time" content="2025-03-02T09:15:00+06:30">
<meta property="og:site_name" content="River Post"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry resumes on the Ayeyarwady</h1>
<p>The ferry between two river towns resumed service on Saturday after a pause of three weeks, the operator said in a statement to reporters.</p>
<p>Passengers said the crossing took longer than before because of low water, and several boats waited near the bank for hours.</p>
<p>The operator said it would add a second boat next month if demand holds, and that tickets would cost the same as last year.</p></article>
<footer>Copyright River Post</footer></body></html>"#;
        let page = extract(html).unwrap();
        assert!(
            page.text.starts_with("The ferry between two river towns"),
            "{}",
            page.text
        );
        assert!(page.text.contains("\n\nPassengers said"));
        assert!(!page.text.contains("Copyright"));
        assert_eq!(page.published.as_deref(), Some("2025-03-02T09:15:00+06:30"));
        assert_eq!(page.site_name.as_deref(), Some("River Post"));
    }

    #[test]
    fn soup_does_not_panic() {
        for html in [
            "",
            "<",
            "<p>unclosed <b>tags <i>everywhere",
            "<html><body></body></html>",
            "\u{0}\u{1}<<>>",
        ] {
            let _ = extract(html);
        }
    }
}
