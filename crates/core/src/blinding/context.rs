//! Neighbouring words: the clause and sentence around a token. The gender and
//! kinship rules decide from these what a word means.

use super::text::{plain_gap, Token};

pub(crate) struct Ctx<'a, 't> {
    pub text: &'a str,
    pub tokens: &'a [Token<'t>],
}

impl Ctx<'_, '_> {
    /// The next token in the same clause: only spaces between.
    pub(crate) fn next(&self, i: usize) -> Option<usize> {
        (i + 1 < self.tokens.len() && plain_gap(self.text, &self.tokens[i], &self.tokens[i + 1]))
            .then_some(i + 1)
    }

    pub(crate) fn prev(&self, i: usize) -> Option<usize> {
        (i > 0 && plain_gap(self.text, &self.tokens[i - 1], &self.tokens[i])).then(|| i - 1)
    }

    pub(crate) fn word(&self, i: Option<usize>) -> &str {
        i.map_or("", |i| self.tokens[i].folded.as_str())
    }

    /// Tokens of the clause from `i` on, up to punctuation or a line break (at most 20).
    pub(crate) fn clause_after(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut j = i;
        while let Some(n) = self.next(j) {
            out.push(n);
            j = n;
            if out.len() >= 20 {
                break;
            }
        }
        out
    }

    pub(crate) fn clause_before(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut j = i;
        while let Some(p) = self.prev(j) {
            out.push(p);
            j = p;
        }
        out
    }
}

/// Sentence number of each token: a new sentence after `.`, `!`, `?` or a line break.
pub(crate) fn sentence_index(text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut s = 0;
    for (i, t) in tokens.iter().enumerate() {
        let gap = if i > 0 {
            &text[tokens[i - 1].end..t.start]
        } else {
            ""
        };
        // "400.000" and "F.E.A." are not sentence ends.
        let full_stop = gap.contains('.')
            && (gap.len() > 1 || t.starts_upper())
            && !(gap == "." && t.number().is_some());
        if i > 0 && (full_stop || gap.contains(['!', '?', '\n'])) {
            s += 1;
        }
        out.push(s);
    }
    out
}
