//! Plain Dutch: the app's Dutch texts (`ui/src/lib/i18n/nl/*.json`) may not use the
//! technical words a council member does not use, may not address the reader as "je"
//! (the app says "u"), and use one word per concept (DEVELOPERS.md's glossary).
//! Technical details that must be shown (a file's code, a format) are written in the
//! screens behind "Details", not in these texts.

use std::path::Path;

use crate::sh::Result;

/// A word or part of a word that may not appear, and what to write instead.
struct Rule {
    /// Lower case. `whole` rules match a whole word only.
    text: &'static str,
    whole: bool,
    instead: &'static str,
}

const fn part(text: &'static str, instead: &'static str) -> Rule {
    Rule {
        text,
        whole: false,
        instead,
    }
}

const fn word(text: &'static str, instead: &'static str) -> Rule {
    Rule {
        text,
        whole: true,
        instead,
    }
}

const RULES: &[Rule] = &[
    part("toml", "name what the file is for: \"rubriekbestand\""),
    part("sha-256", "\"controlegetal\", and only behind \"Details\""),
    part("sha256", "\"controlegetal\", and only behind \"Details\""),
    part("hash", "\"controlegetal\", or say what it does"),
    part("json", "name what the file is for: \"logboekbestand\""),
    part("markdown", "\"tekstbestand\""),
    part(".md)", "\"tekstbestand\""),
    part("(en)", "write the plural, or the number in words"),
    part("(s)", "write the plural, or the number in words"),
    part("jjjj-mm-dd", "dates are typed DD-MM-JJJJ"),
    word("utc", "local time: \"2 december 2026, 05:28\""),
    word("je", "\"u\": the app says \"u\" throughout"),
    word("jij", "\"u\""),
    word("jou", "\"u\""),
    word("jouw", "\"uw\""),
    word("jezelf", "\"uzelf\""),
    word("jullie", "\"u\" or \"het team\""),
    part("blindeer", "\"anonimiseren\": one word for the concept"),
    part("blinder", "\"anonimiseren\": one word for the concept"),
    part("bevroren", "\"vastgezet\": one word for the concept"),
    part("beoordelingskader", "\"rubriek\": one word for the concept"),
    part(
        "wissel van",
        "\"Aanmelden of wisselen\": one name for the switch",
    ),
];

/// One place where a banned word was found.
#[derive(Debug, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub found: String,
    pub instead: &'static str,
}

/// The string values of a JSON file that keeps one key and value per line, as the
/// i18n files do: `"key": "value",`. Keys are never checked, only what is shown.
/// A text whose key is `details` or ends in `Details` is shown behind "Details" and
/// may name the technical thing (a file format, a controlegetal's method).
fn values(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let (key, rest) = line.split_once("\": \"")?;
        let key = key.trim().trim_start_matches('"');
        if key == "details" || key.ends_with("Details") {
            return None;
        }
        let value = rest.trim_end().trim_end_matches(',').strip_suffix('"')?;
        Some((i + 1, value))
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Every banned word in one text, with its line.
pub fn check_text(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    for (line, value) in values(text) {
        // Placeholders ({hash}) are names in the code, not words on screen.
        let mut shown = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth > 0 => depth -= 1,
                _ if depth == 0 => shown.push(c),
                _ => {}
            }
        }
        let lower = shown.to_lowercase();
        for rule in RULES {
            let mut from = 0;
            while let Some(at) = lower[from..].find(rule.text) {
                let start = from + at;
                let end = start + rule.text.len();
                from = end;
                let before = lower[..start].chars().next_back();
                let after = lower[end..].chars().next();
                if rule.whole
                    && (before.is_some_and(is_word_char) || after.is_some_and(is_word_char))
                {
                    continue;
                }
                found.push(Finding {
                    line,
                    found: shown[start..end].to_owned(),
                    instead: rule.instead,
                });
                break;
            }
        }
    }
    found
}

/// Checks every Dutch text file; fails with each finding and what to write instead.
pub fn check(dir: &Path) -> Result {
    let mut problems = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no Dutch texts found in {}", dir.display()));
    }
    for path in &files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for f in check_text(&text) {
            problems.push(format!(
                "{}:{}: \"{}\": {}",
                path.display(),
                f.line,
                f.found,
                f.instead
            ));
        }
    }
    if problems.is_empty() {
        println!(
            "{} Dutch text files use plain Dutch and the glossary",
            files.len()
        );
        Ok(())
    } else {
        Err(format!(
            "the Dutch texts use words a council member does not use:\n  {}",
            problems.join("\n  ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        check_text(text).into_iter().map(|f| f.found).collect()
    }

    #[test]
    fn technical_words_informal_address_and_bracket_plurals_are_found() {
        assert_eq!(found(r#"  "a": "TOML importeren","#), ["TOML"]);
        assert_eq!(
            found(r#"  "a": "De SHA-256 komt in het logboek (.jsonl).""#),
            ["SHA-256", "json"]
        );
        assert_eq!(found(r#"  "a": "Maatstaf bewaart hem gehasht.""#), ["hash"]);
        assert_eq!(found(r#"  "a": "{n} fout(en)""#), ["(en)"]);
        assert_eq!(
            found(r#"  "a": "Wie ben jij? Kies je naam.""#),
            ["je", "jij"]
        );
        assert_eq!(found(r#"  "a": "Wissel van beoordelaar""#), ["Wissel van"]);
        assert_eq!(found(r#"  "a": "Het is geblindeerd.""#), ["blindeer"]);
    }

    #[test]
    fn words_that_only_contain_a_banned_word_and_placeholders_pass() {
        // "je" inside "jeugd", "bijeen" and "meisje"; "u"; a {hash} placeholder.
        assert!(found(r#"  "a": "Jeugdzorg bijeen, meisje: u kiest.""#).is_empty());
        assert!(found(r#"  "a": "Controlegetal: {hash}""#).is_empty());
        // Keys are not shown, and what is behind "Details" may be technical.
        assert!(found(r#"  "hash": "Controlegetal""#).is_empty());
        assert!(found(r#"  "formatDetails": "Een rubriekbestand is TOML.""#).is_empty());
    }

    #[test]
    fn the_line_of_each_finding_is_given() {
        let text = "{\n  \"a\": \"goed\",\n  \"b\": \"Markdown\"\n}\n";
        assert_eq!(check_text(text)[0].line, 3);
    }
}
