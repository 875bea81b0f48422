//! E-mail addresses, phone numbers, links, social handles and dates: fixed
//! shapes, found with regular expressions.

use std::sync::LazyLock;

use regex::Regex;

use super::{rank, Candidate, Category};
use crate::i18n::Lang;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").unwrap()
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)[^\s<>()]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:nl|com|org|net|eu|be|frl|info|io|social|me)\b(?:/[^\s<>()]*)?").unwrap()
});
static HANDLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"@[A-Za-z0-9_]{2,30}").unwrap());
/// +31 6 1234 5678, 0031 6 12345678, +31 (0)6-12345678: nine digits after the country code.
static PHONE_INTL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\+31|0031)[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?\d){8}").unwrap());
/// 06-12345678, 010-1234567, (010) 123 45 67, 0513 123456: ten digits starting with 0.
static PHONE_NL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(?0[1-9](?:\)?[ -]?\d){8}").unwrap());

const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|may|june|july|august|october";

/// "12 maart 1983", "12 mrt. 1983", "maart 1983", "12 March 1983", "March 12, 1983".
static DATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?:\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?\s+(?:{MONTHS})\b\.?(?:,?\s+\d{{4}})?)|(?:(?:{MONTHS})\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})|(?:(?:{MONTHS})\b\.?\s+\d{{4}}))\b"
    ))
    .unwrap()
});
/// "12-03-1983", "12/3/83", "12.03.1983", "1983-03-12".
static DATE_NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4}|\d{2})|(\d{4})-(\d{2})-(\d{2}))\b")
        .unwrap()
});

fn ok_before(text: &str, start: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_' || c == '@' || c == '/')
}

fn ok_after(text: &str, end: usize) -> bool {
    !text[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

/// Sentence punctuation right after a link belongs to the sentence.
fn trim_link(text: &str, start: usize, mut end: usize) -> usize {
    while end > start && text[..end].ends_with(['.', ',', ';', ':', '!', '?', '\'', '"']) {
        end -= 1;
    }
    end
}

pub(crate) fn find(text: &str, lang: Lang, out: &mut Vec<Candidate>) {
    let mut push = |s: usize, e: usize, cat: Category| {
        out.push(Candidate::new(
            s,
            e,
            cat,
            cat.placeholder(lang),
            rank::CONTACT,
        ))
    };
    for m in EMAIL.find_iter(text) {
        push(m.start(), m.end(), Category::Email);
    }
    for m in URL.find_iter(text) {
        // "o.a." and "i.v.m." are not domains; neither is the domain half of an e-mail address.
        if ok_before(text, m.start()) {
            push(
                m.start(),
                trim_link(text, m.start(), m.end()),
                Category::Link,
            );
        }
    }
    for m in HANDLE.find_iter(text) {
        if ok_before(text, m.start()) {
            push(m.start(), m.end(), Category::Link);
        }
    }
    for re in [&*PHONE_INTL, &*PHONE_NL] {
        for m in re.find_iter(text) {
            let start_ok = !text[..m.start()].chars().next_back().is_some_and(|c| {
                c.is_alphanumeric() || c == '+' || c == '-' || c == '.' || c == ','
            });
            if start_ok && ok_after(text, m.end()) {
                push(m.start(), m.end(), Category::Phone);
            }
        }
    }
    for m in DATE_WORDS.find_iter(text) {
        out.push(Candidate::new(
            m.start(),
            m.end(),
            Category::Date,
            Category::Date.placeholder(lang),
            rank::DATE,
        ));
    }
    for c in DATE_NUM.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let valid = match (c.get(1), c.get(3), c.get(7), c.get(8)) {
            (Some(d), Some(mo), _, _) => {
                let same_sep = c.get(2).map(|x| x.as_str()) == c.get(4).map(|x| x.as_str());
                same_sep && valid_day_month(d.as_str(), mo.as_str())
            }
            (_, _, Some(mo), Some(d)) => valid_day_month(d.as_str(), mo.as_str()),
            _ => false,
        };
        if valid && ok_before(text, m.start()) {
            out.push(Candidate::new(
                m.start(),
                m.end(),
                Category::Date,
                Category::Date.placeholder(lang),
                rank::DATE,
            ));
        }
    }
}

fn valid_day_month(day: &str, month: &str) -> bool {
    let (d, m): (u32, u32) = (day.parse().unwrap_or(0), month.parse().unwrap_or(0));
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, Lang::Nl, &mut out);
        super::super::resolve(out)
            .iter()
            .map(|c| format!("{}:{}", c.category.as_str(), &text[c.start..c.end]))
            .collect()
    }

    #[test]
    fn contact_details() {
        assert_eq!(
            hits("Mail f.elamrani@gmail.com of bel 06-12345678, +31 6 1234 5678 of (010) 123 45 67. Zie www.fatima.nl. @fatima_ea"),
            [
                "email:f.elamrani@gmail.com",
                "phone:06-12345678",
                "phone:+31 6 1234 5678",
                "phone:(010) 123 45 67",
                "link:www.fatima.nl",
                "link:@fatima_ea"
            ]
        );
        assert_eq!(
            hits("Bel 010-1234567 of kijk op linkedin.com/in/fatima-ea."),
            ["phone:010-1234567", "link:linkedin.com/in/fatima-ea"]
        );
    }

    #[test]
    fn dates_but_not_numbers() {
        assert_eq!(
            hits("Geboren op 12 maart 1983 (12-03-1983, 1983-03-12), sinds maart 2019."),
            [
                "date:12 maart 1983",
                "date:12-03-1983",
                "date:1983-03-12",
                "date:maart 2019"
            ]
        );
        assert!(hits("Een budget van € 1.200.000, 3 wethouders, 41% en artikel 41 in 2026; o.a. 0,5 fte; 1.5.3").is_empty());
    }
}
