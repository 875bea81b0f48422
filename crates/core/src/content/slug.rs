//! Stable anchor ids for headings: "Eén of twee zinnen" becomes `een-of-twee-zinnen`.

use std::collections::HashSet;

/// Hands out slugs, adding `-2`, `-3` … when a heading text repeats, so that
/// the same Markdown always gets the same ids.
#[derive(Default)]
pub(crate) struct SlugSet {
    used: HashSet<String>,
}

impl SlugSet {
    pub fn assign(&mut self, text: &str) -> String {
        let base = slugify(text);
        let base = if base.is_empty() {
            "sectie".to_owned()
        } else {
            base
        };
        let mut slug = base.clone();
        let mut n = 2;
        while self.used.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(slug.clone());
        slug
    }
}

pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase).map(fold_accent) {
        if c.is_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c);
        } else {
            gap = true;
        }
    }
    slug
}

/// Dutch and the neighbouring languages mostly use these; other letters stay as they are.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_folded_and_hyphenated() {
        assert_eq!(slugify("Eén of twee zinnen"), "een-of-twee-zinnen");
        assert_eq!(
            slugify("  Regionale oriëntatie & samenwerking! "),
            "regionale-orientatie-samenwerking"
        );
        assert_eq!(slugify("`code` in kop"), "code-in-kop");
    }

    #[test]
    fn repeated_headings_get_numbered_slugs() {
        let mut set = SlugSet::default();
        assert_eq!(set.assign("Bronnen"), "bronnen");
        assert_eq!(set.assign("Bronnen"), "bronnen-2");
        assert_eq!(set.assign("Bronnen"), "bronnen-3");
        assert_eq!(set.assign("!!!"), "sectie");
    }
}
