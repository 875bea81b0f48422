//! Problems in content files, pinned to a line and column of the original file.

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::{Lang, Text};

/// One problem in a content file. `line` and `column` are 1-based; the column
/// counts characters, as editors show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Diagnostic {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: Text,
}

impl Diagnostic {
    /// `path:line:column: message`, the shape compilers use, so editors can jump to it.
    pub fn display(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}",
            self.path,
            self.line,
            self.column,
            self.message.get(lang)
        )
    }
}

/// A file's text with its line starts, to turn byte offsets into line:column.
pub(crate) struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Source<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            path,
            text,
            line_starts,
        }
    }

    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }

    pub fn diagnostic(&self, offset: usize, message: Text) -> Diagnostic {
        let (line, column) = self.position(offset);
        Diagnostic {
            path: self.path.to_owned(),
            line,
            column,
            message,
        }
    }
}

/// Where a piece of TOML embedded in a file (front matter, an exercise block)
/// sits in that file. The text may have been put together from several source
/// ranges (a fenced block inside a list loses its indentation), so we keep one
/// anchor per piece: (offset in the TOML, offset in the file).
pub(crate) struct Embedded {
    pieces: Vec<(usize, usize)>,
}

impl Embedded {
    pub fn at(file_offset: usize) -> Embedded {
        Embedded {
            pieces: vec![(0, file_offset)],
        }
    }

    pub fn from_pieces(pieces: Vec<(usize, usize)>) -> Embedded {
        Embedded { pieces }
    }

    pub fn file_offset(&self, toml_offset: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|&(start, _)| start <= toml_offset)
            .saturating_sub(1);
        match self.pieces.get(i) {
            Some(&(start, file)) => file + toml_offset.saturating_sub(start),
            None => toml_offset,
        }
    }
}

/// A place in the TOML text and what to say about it; the callers map it into the file.
pub(crate) struct TomlProblem {
    pub offset: usize,
    pub message: Text,
}

impl TomlProblem {
    pub fn new(offset: usize, message: Text) -> TomlProblem {
        TomlProblem { offset, message }
    }

    pub fn into_diagnostic(self, source: &Source, embedded: &Embedded) -> Diagnostic {
        source.diagnostic(embedded.file_offset(self.offset), self.message)
    }
}

/// A TOML syntax or shape error, with its message in both languages. The toml
/// crate and serde speak English; the common cases are translated, the rest
/// keep the original detail behind a Dutch lead-in.
pub(crate) fn toml_error(error: &toml::de::Error) -> TomlProblem {
    let offset = error.span().map_or(0, |span| span.start);
    TomlProblem::new(offset, translate_toml_message(error.message().trim()))
}

fn translate_toml_message(message: &str) -> Text {
    let expected = |rest: &str| -> String {
        rest.trim_start_matches("one of ")
            .replace("there are no fields", "geen")
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Text::new(
            format!(
                "onbekende sleutel {field}; toegestaan: {}",
                expected(allowed)
            ),
            format!(
                "unknown key {field}; allowed: {}",
                allowed.trim_start_matches("one of ")
            ),
        );
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return Text::new(
            format!("verplichte sleutel {field} ontbreekt"),
            format!("required key {field} is missing"),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Text::new(
            format!(
                "onbekende waarde {value}; toegestaan: {}",
                expected(allowed)
            ),
            format!(
                "unknown value {value}; allowed: {}",
                allowed.trim_start_matches("one of ")
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return Text::new(
            format!("verkeerd soort waarde: {found}, verwacht {wanted}"),
            format!("wrong kind of value: {found}, expected {wanted}"),
        );
    }
    Text::new(
        format!("ongeldige TOML: {message}"),
        format!("invalid TOML: {message}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let source = Source::new("x.md", "ab\néé x\n\nz");
        assert_eq!(source.position(0), (1, 1));
        assert_eq!(source.position(3), (2, 1));
        // "éé " is five bytes but three characters.
        assert_eq!(source.position(3 + 5), (2, 4));
        assert_eq!(source.position(10), (3, 1));
        assert_eq!(source.position(11), (4, 1));
    }

    #[test]
    fn embedded_pieces_map_back_into_the_file() {
        let embedded = Embedded::from_pieces(vec![(0, 100), (10, 220)]);
        assert_eq!(embedded.file_offset(3), 103);
        assert_eq!(embedded.file_offset(10), 220);
        assert_eq!(embedded.file_offset(15), 225);
    }

    #[test]
    fn serde_messages_are_translated() {
        let text = translate_toml_message("unknown field `qestion`, expected one of `id`, `kind`");
        assert_eq!(
            text.nl,
            "onbekende sleutel `qestion`; toegestaan: `id`, `kind`"
        );
        assert_eq!(text.en, "unknown key `qestion`; allowed: `id`, `kind`");
        let text = translate_toml_message("missing field `question`");
        assert_eq!(text.nl, "verplichte sleutel `question` ontbreekt");
    }

    #[test]
    fn diagnostics_display_like_a_compiler() {
        let d = Source::new("m.md", "a\nb").diagnostic(2, Text::new("fout", "error"));
        assert_eq!(d.display(Lang::Nl), "m.md:2:1: fout");
        assert_eq!(d.display(Lang::En), "m.md:2:1: error");
    }
}
