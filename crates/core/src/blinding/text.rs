//! Word tokens with byte offsets, and the folding that makes matching
//! case- and diacritics-insensitive ("Özdemir" = "ozdemir" = "Ozdemir").

/// A maximal run of alphanumeric characters. Apostrophes and hyphens split
/// words on purpose: "Fatima's" is `Fatima` + `s`, "Bakker-de Vries" is three
/// tokens, so name forms can be matched part by part.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub folded: String,
}

impl Token<'_> {
    pub fn is(&self, word: &str) -> bool {
        self.folded == word
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.folded.as_str())
    }

    pub fn starts_upper(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn number(&self) -> Option<u32> {
        if self.text.len() <= 4 && self.text.bytes().all(|b| b.is_ascii_digit()) {
            self.text.parse().ok()
        } else {
            None
        }
    }
}

pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            tokens.push(make(text, s, i));
        }
    }
    if let Some(s) = start {
        tokens.push(make(text, s, text.len()));
    }
    tokens
}

fn make(text: &str, start: usize, end: usize) -> Token<'_> {
    let t = &text[start..end];
    Token {
        start,
        end,
        text: t,
        folded: fold(t),
    }
}

/// Lower case without diacritics: "Özdemir" -> "ozdemir", "Wiśniewska" -> "wisniewska".
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(plain) = deunicode::deunicode_char(c) {
            // deunicode turns some letters into spaces or symbols; keep only letters and digits.
            out.extend(
                plain
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .map(|c| c.to_ascii_lowercase()),
            );
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Folded word sequence of a phrase, split the same way `tokenize` splits text.
pub(crate) fn fold_words(phrase: &str) -> Vec<String> {
    tokenize(phrase).into_iter().map(|t| t.folded).collect()
}

/// True when `pos` starts a sentence: only whitespace, quotes or brackets lie
/// between it and the start of the text, a line break, or `.`, `!`, `?`.
pub(crate) fn at_sentence_start(text: &str, pos: usize) -> bool {
    let mut quoted = false;
    for (i, c) in text[..pos].char_indices().rev() {
        match c {
            '.' | '!' | '?' => return true,
            '\n' => return line_ends_statement(&text[..pos], i),
            // `zei: "Fatima ...` starts a quoted sentence.
            ':' => return quoted,
            '"' | '\u{201C}' | '\u{201E}' | '\u{2018}' => {
                quoted = true;
                continue;
            }
            c if c.is_whitespace() => continue,
            '\'' | '(' | '[' | '-' | '\u{2013}' | '*' | '•' => continue,
            _ => return false,
        }
    }
    true
}

/// A line break at byte `nl` starts a new sentence unless it only wraps a
/// paragraph: the line before ends a sentence, or is short (a heading, a list
/// item, a salutation, a field such as "Naam: ...").
fn line_ends_statement(before: &str, nl: usize) -> bool {
    let line = before[..nl].trim_end();
    let last_line = line.rsplit('\n').next().unwrap_or("");
    line.is_empty()
        || line.ends_with(['.', '!', '?', ':', ',', ';'])
        || last_line.chars().count() < 60
}

pub(crate) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text between two tokens is a plain word gap (spaces only), so the two
/// belong to one phrase.
pub(crate) fn plain_gap(text: &str, a: &Token, b: &Token) -> bool {
    a.end <= b.start && {
        let gap = &text[a.end..b.start];
        // A pasted paragraph may be wrapped: one line break before a lower-case word continues the sentence.
        let wrapped = gap.matches('\n').count() == 1 && !b.starts_upper();
        !gap.is_empty()
            && gap
                .chars()
                .all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\r') || (c == '\n' && wrapped))
    }
}

/// The gap between two parts of one name: spaces, a hyphen, an apostrophe or
/// an initial's dot, on one line.
pub(crate) fn name_gap(text: &str, a_end: usize, b_start: usize) -> bool {
    a_end <= b_start && {
        let gap = &text[a_end..b_start];
        !gap.is_empty()
            && gap.chars().count() <= 3
            && gap.chars().all(|c| {
                matches!(
                    c,
                    ' ' | '\t' | '\u{a0}' | '-' | '\u{2010}' | '\'' | '\u{2019}' | '.'
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_diacritics() {
        assert_eq!(fold("Özdemir"), "ozdemir");
        assert_eq!(fold("Wiśniewska"), "wisniewska");
        assert_eq!(fold("Çelik"), "celik");
        assert_eq!(fold("Ĳsselmeer"), "ijsselmeer");
    }

    #[test]
    fn tokens_split_on_apostrophes_and_hyphens() {
        let t: Vec<_> = tokenize("Fatima's Bakker-de Vries, 21e")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, ["Fatima", "s", "Bakker", "de", "Vries", "21e"]);
    }

    #[test]
    fn sentence_starts() {
        let s = "Hij kwam. Zij ging\nHem";
        assert!(at_sentence_start(s, 0));
        assert!(!at_sentence_start(s, 4));
        assert!(at_sentence_start(s, 10));
        assert!(at_sentence_start(s, 19));
    }
}
