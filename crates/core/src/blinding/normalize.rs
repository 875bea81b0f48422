//! The text as the rules read it. A soft hyphen or a zero-width space inside
//! "Hoek­stra" looks the same on screen but breaks every word match, and
//! full-width or ligature letters ("ﬁ") do too. The rules therefore run on
//! an NFKC-normalised copy without Unicode format characters (category Cf),
//! and every range they find is mapped back to the original text, so the
//! invisible characters disappear together with the word they hid in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use crate::i18n::Text;

/// The format characters (Unicode general category Cf): invisible, and
/// meaningless for matching words.
const FORMAT_CHARS: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{0600}', '\u{0605}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{06DD}', '\u{06DD}'),
    ('\u{070F}', '\u{070F}'),
    ('\u{0890}', '\u{0891}'),
    ('\u{08E2}', '\u{08E2}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

pub(crate) fn is_format(c: char) -> bool {
    FORMAT_CHARS.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// A normalised copy of a text and, per byte of the copy, the range of the
/// original it came from.
pub(crate) struct Normalized {
    pub text: String,
    origin: Vec<(usize, usize)>,
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut segment = String::new();
        let mut seg_start = 0;
        let mut flush = |segment: &mut String, start: usize, end: usize| {
            for c in segment.nfkc() {
                let mut buf = [0u8; 4];
                text.push_str(c.encode_utf8(&mut buf));
                origin.extend(std::iter::repeat_n((start, end), c.len_utf8()));
            }
            segment.clear();
        };
        // A segment is a starter with the combining marks after it: NFKC
        // composes within it, so each output character has one origin.
        for (i, c) in original.char_indices() {
            if canonical_combining_class(c) == 0 && !segment.is_empty() {
                flush(&mut segment, seg_start, i);
            }
            if segment.is_empty() {
                seg_start = i;
            }
            if !is_format(c) {
                segment.push(c);
            }
        }
        flush(&mut segment, seg_start, original.len());
        Normalized { text, origin }
    }

    /// The original range behind `start..end` of the normalised text.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        (self.origin[start].0, self.origin[end - 1].1)
    }
}

/// Something the secretary should know about a text before reviewing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntakeWarning {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    pub message: Text,
}

/// Runs of invisible format characters, which can hide a name from a reader
/// and from a search; the assistant reads through them, the secretary should
/// know they are there.
pub fn intake_warnings(text: &str) -> Vec<IntakeWarning> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, c) in text.char_indices().filter(|&(_, c)| is_format(c)) {
        match runs.last_mut() {
            Some(run) if run.1 == i => run.1 = i + c.len_utf8(),
            _ => runs.push((i, i + c.len_utf8())),
        }
    }
    runs.into_iter()
        .map(|(start, end)| {
            let codes: Vec<String> = text[start..end]
                .chars()
                .map(|c| format!("U+{:04X}", u32::from(c)))
                .collect();
            let word_start = text[..start]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |i| i + 1);
            let word_end = text[end..]
                .find(|c: char| c.is_whitespace())
                .map_or(text.len(), |i| end + i);
            let word: String = text[word_start..word_end]
                .chars()
                .filter(|&c| !is_format(c))
                .collect();
            let codes = codes.join(" ");
            IntakeWarning {
                start,
                end,
                message: Text::new(
                    format!("onzichtbaar teken ({codes}) in \"{word}\": het is op het scherm niet te zien, maar kan een naam verbergen voor wie zoekt. Het voorstel leest erdoorheen; haal het bij twijfel weg uit de brontekst."),
                    format!("invisible character ({codes}) in \"{word}\": it does not show on screen but can hide a name from a search. The proposals read through it; when in doubt, remove it from the source text."),
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_characters_go_and_offsets_map_back() {
        let original = "Hoek\u{AD}stra en Hoek\u{200B}stra, \u{FB01}ets";
        let n = Normalized::new(original);
        assert_eq!(n.text, "Hoekstra en Hoekstra, fiets");
        let second = n.text.rfind("Hoekstra").unwrap();
        let (s, e) = n.original(second, second + "Hoekstra".len());
        assert_eq!(&original[s..e], "Hoek\u{200B}stra");
        let (s, e) = n.original(0, 8);
        assert_eq!(&original[s..e], "Hoek\u{AD}stra");
    }

    #[test]
    fn combining_marks_compose_with_their_letter() {
        let original = "Cafe\u{301} Ö";
        let n = Normalized::new(original);
        assert_eq!(n.text, "Café Ö");
        let (s, e) = n.original(3, 5);
        assert_eq!(&original[s..e], "e\u{301}");
    }

    #[test]
    fn invisible_characters_are_reported_once_per_run() {
        let w = intake_warnings("Piet Hoek\u{AD}\u{200B}stra en gewone tekst");
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].start, w[0].end), (9, 14));
        assert!(
            w[0].message.nl.contains("\"Hoekstra\""),
            "{}",
            w[0].message.nl
        );
        assert!(intake_warnings("Gewone tekst, met é en ĳ.").is_empty());
    }
}
