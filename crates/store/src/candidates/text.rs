//! Checking and tidying what a secretary types: length limits, printable text, blank
//! fields, and the UTF-16 positions the UI's redaction spans use.

use maatstaf_core::blinding::IsoDate;
use maatstaf_core::scoring::SectionKind;
use maatstaf_core::team::clean_name;

use super::{
    err, CandidateError, IdentityInput, MaterialInput, MAX_CRITERION_CHARS, MAX_FIELD_CHARS,
    MAX_TEXT_CHARS,
};
use crate::error::Result;

/// UTF-16 position of a byte offset that lies on a character boundary.
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

/// Byte offset of a UTF-16 position; `None` inside a character or past the end.
pub fn utf16_to_byte(text: &str, unit: usize) -> Option<usize> {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units == unit {
            return Some(byte);
        }
        if units > unit {
            return None;
        }
        units += c.len_utf16();
    }
    (units == unit).then_some(text.len())
}

pub(super) fn check_text(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(err(CandidateError::TooLong {
            field: field.to_owned(),
            max,
        }));
    }
    Ok(())
}

/// Trimmed, bounded, printable; blank becomes `None`.
fn optional_field(field: &str, raw: Option<&str>) -> Result<Option<String>> {
    let Some(value) = raw.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    check_text(field, value, MAX_FIELD_CHARS)?;
    // Contact details may span lines; nothing else may carry control characters.
    if value
        .chars()
        .any(|c| c.is_control() && !(field == "contact" && c == '\n'))
    {
        return Err(err(CandidateError::ControlCharacter {
            field: field.to_owned(),
        }));
    }
    Ok(Some(value.to_owned()))
}

fn list_field(field: &str, raw: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for item in raw {
        if let Some(v) = optional_field(field, Some(item))? {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    Ok(out)
}

/// The identity as it will be stored: checked and tidied.
pub(super) fn clean_identity(input: &IdentityInput) -> Result<IdentityInput> {
    let birth_date = match input.birth_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(
            IsoDate::parse(raw)
                .ok_or_else(|| err(CandidateError::BadBirthDate(raw.to_owned())))?
                .to_string(),
        ),
    };
    Ok(IdentityInput {
        name: clean_name(&input.name)?,
        aliases: list_field("aliases", &input.aliases)?,
        party: optional_field("party", input.party.as_deref())?,
        contact: optional_field("contact", input.contact.as_deref())?,
        birth_date,
        birth_place: optional_field("birth_place", input.birth_place.as_deref())?,
        extra: list_field("extra", &input.extra)?,
    })
}

/// Drops empty sections, checks the rest.
pub(super) fn clean_material(input: &[MaterialInput]) -> Result<Vec<MaterialInput>> {
    let mut out: Vec<MaterialInput> = Vec::new();
    for m in input {
        if m.text.trim().is_empty() {
            continue;
        }
        check_text("text", &m.text, MAX_TEXT_CHARS)?;
        let criterion = optional_field("criterion", m.criterion.as_deref())?;
        if let Some(c) = &criterion {
            check_text("criterion", c, MAX_CRITERION_CHARS)?;
        }
        if m.kind == SectionKind::WrittenAnswer {
            let Some(c) = &criterion else {
                return Err(err(CandidateError::MissingCriterion));
            };
            if out
                .iter()
                .any(|o| o.kind == SectionKind::WrittenAnswer && o.criterion.as_ref() == Some(c))
            {
                return Err(err(CandidateError::DuplicateCriterion(c.clone())));
            }
        }
        out.push(MaterialInput {
            kind: m.kind,
            criterion,
            // Line endings from a paste are normalised; the text is otherwise kept as typed.
            text: m.text.replace("\r\n", "\n"),
        });
    }
    if out.is_empty() {
        return Err(err(CandidateError::NoMaterial));
    }
    Ok(out)
}
