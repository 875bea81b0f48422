//! Escaping text for HTML and SVG: the one function every document, plot and
//! training module in this crate writes people's text through.

/// Escapes text for element content and for attribute values in single or
/// double quotes. Control characters other than tab and line breaks become
/// spaces: XML forbids them, so an SVG would no longer parse, and in HTML they
/// are parse errors.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_cannot_break_out_of_content_or_attributes() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(
            escape("&amp;"),
            "&amp;amp;",
            "escaped text is escaped again"
        );
        assert_eq!(escape("Zoë, wethouder"), "Zoë, wethouder");
    }

    #[test]
    fn control_characters_become_spaces_but_line_breaks_stay() {
        assert_eq!(escape("a\u{0}b\u{1b}c\u{85}d"), "a b c d");
        assert_eq!(
            escape("regel 1\nregel 2\r\n\tin"),
            "regel 1\nregel 2\r\n\tin"
        );
    }
}
