//! What a passphrase must be, and a strength hint the officer reads while typing it.

use serde::Serialize;
use ts_rs::TS;
use zxcvbn::feedback::Warning;
use zxcvbn::Score;

use crate::i18n::Text;

/// At least this many characters, or [`MIN_WORDS`] words.
pub const MIN_CHARS: usize = 12;
pub const MIN_WORDS: usize = 4;
/// A word counts when it has at least this many letters or digits.
const MIN_WORD_CHARS: usize = 2;

/// How hard the passphrase is to guess, from zxcvbn's estimate (guesses needed:
/// weak up to a million, fair up to 10^8, good up to 10^10, strong beyond).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StrengthLevel {
    Weak,
    Fair,
    Good,
    Strong,
}

/// The hint shown under the passphrase field.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Strength {
    pub level: StrengthLevel,
    /// Whether the passphrase may be used: long enough and not weak.
    pub acceptable: bool,
    pub hint: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PassphraseError {
    #[error("a passphrase needs at least 12 characters or 4 words")]
    TooShort,
    #[error("this passphrase is too easy to guess")]
    TooWeak,
    #[error("the two passphrases differ")]
    Mismatch,
}

impl PassphraseError {
    pub fn text(&self) -> Text {
        match self {
            PassphraseError::TooShort => Text::new(
                "Een wachtwoordzin heeft minstens 12 tekens of 4 woorden.",
                "A passphrase needs at least 12 characters or 4 words.",
            ),
            PassphraseError::TooWeak => Text::new(
                "Deze wachtwoordzin is te makkelijk te raden. Kies bijvoorbeeld vier losse woorden die niet bij elkaar horen.",
                "This passphrase is too easy to guess. Try, for example, four unrelated words.",
            ),
            PassphraseError::Mismatch => Text::new(
                "De twee wachtwoordzinnen zijn niet gelijk.",
                "The two passphrases differ.",
            ),
        }
    }
}

/// The strength of `passphrase`; `personal` are words an attacker would try first
/// (the member's name, the team's name).
pub fn strength(passphrase: &str, personal: &[&str]) -> Strength {
    let long_enough = long_enough(passphrase);
    // zxcvbn compares the lowercased passphrase with these words as given.
    let personal: Vec<String> = personal
        .iter()
        .flat_map(|p| p.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
    let estimate = zxcvbn::zxcvbn(passphrase, &personal);
    let level = match estimate.score() {
        _ if mostly_personal(passphrase, &personal) => StrengthLevel::Weak,
        Score::Zero | Score::One => StrengthLevel::Weak,
        Score::Two => StrengthLevel::Fair,
        Score::Three => StrengthLevel::Good,
        _ => StrengthLevel::Strong,
    };
    let warning = if mostly_personal(passphrase, &personal) {
        Some(Warning::NamesAndSurnamesByThemselvesAreEasyToGuess)
    } else {
        estimate.feedback().and_then(|f| f.warning())
    };
    let hint = if !long_enough {
        PassphraseError::TooShort.text()
    } else {
        match (level, warning) {
            (StrengthLevel::Weak, Some(w)) => warning_text(w),
            (StrengthLevel::Weak, None) => PassphraseError::TooWeak.text(),
            (StrengthLevel::Fair, _) => Text::new(
                "nog een woord erbij maakt hem veel sterker.",
                "one more word makes it much stronger.",
            ),
            (StrengthLevel::Good, _) => Text::new("moeilijk te raden.", "hard to guess."),
            (StrengthLevel::Strong, _) => {
                Text::new("zeer moeilijk te raden.", "very hard to guess.")
            }
        }
    };
    Strength {
        level,
        acceptable: long_enough && level != StrengthLevel::Weak,
        hint,
    }
}

/// Accepts `passphrase` for a new key slot, or says why not.
pub fn check_passphrase(
    passphrase: &str,
    repeated: &str,
    personal: &[&str],
) -> Result<(), PassphraseError> {
    if !long_enough(passphrase) {
        return Err(PassphraseError::TooShort);
    }
    if !strength(passphrase, personal).acceptable {
        return Err(PassphraseError::TooWeak);
    }
    if passphrase != repeated {
        return Err(PassphraseError::Mismatch);
    }
    Ok(())
}

fn long_enough(passphrase: &str) -> bool {
    let words = passphrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS)
        .count();
    passphrase.chars().count() >= MIN_CHARS || words >= MIN_WORDS
}

/// Whether little is left once the personal words are taken out: "Annemarie Jansen"
/// as Annemarie Jansen's passphrase. zxcvbn alone scores that as good.
fn mostly_personal(passphrase: &str, personal: &[&str]) -> bool {
    let mut rest = passphrase.to_lowercase();
    for word in personal.iter().filter(|w| w.chars().count() >= 3) {
        rest = rest.replace(word, "");
    }
    rest.chars().filter(|c| c.is_alphanumeric()).count() < 6
}

fn warning_text(warning: Warning) -> Text {
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess | Warning::ShortKeyboardPatternsAreEasyToGuess => {
            Text::new(
                "Toetsen naast elkaar op het toetsenbord zijn makkelijk te raden.",
                "Keys next to each other on the keyboard are easy to guess.",
            )
        }
        Warning::RepeatsLikeAaaAreEasyToGuess
        | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => Text::new(
            "Herhalingen zoals 'aaa' of 'abcabc' zijn makkelijk te raden.",
            "Repeats such as 'aaa' or 'abcabc' are easy to guess.",
        ),
        Warning::SequencesLikeAbcAreEasyToGuess => Text::new(
            "Reeksen zoals 'abc' of '1234' zijn makkelijk te raden.",
            "Sequences such as 'abc' or '1234' are easy to guess.",
        ),
        Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess => Text::new(
            "Jaartallen en data zijn makkelijk te raden.",
            "Years and dates are easy to guess.",
        ),
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
        | Warning::CommonNamesAndSurnamesAreEasyToGuess => Text::new(
            "Namen zijn makkelijk te raden, zeker uw eigen naam of die van het team.",
            "Names are easy to guess, above all your own or the team's.",
        ),
        _ => Text::new(
            "Dit lijkt op een veelgebruikt wachtwoord. Kies bijvoorbeeld vier losse woorden die niet bij elkaar horen.",
            "This resembles a common password. Try, for example, four unrelated words.",
        ),
    }
}
