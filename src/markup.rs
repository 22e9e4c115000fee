//! Markup written as text: for the few pieces the app hands to the DOM (and the pre-renderer
//! to the page) as one string, where a thousand nodes would otherwise be adopted one by one
//! (a map's idle shapes, every row's sources), and for the snippets the Embed dialogs show.

/// Text for an HTML attribute value between double quotes.
pub fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Text for an element's content.
pub fn text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_end_the_value_or_open_a_tag() {
        assert_eq!(
            attribute(r#"a "b" <c> & d"#),
            "a &quot;b&quot; &lt;c> &amp; d"
        );
        assert_eq!(
            text(r#"a "b" <script> & d"#),
            "a \"b\" &lt;script&gt; &amp; d"
        );
        assert_eq!(text("&amp;"), "&amp;amp;", "escaped once, as written");
    }
}
