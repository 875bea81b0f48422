//! The consistency log, the ledger checks, the logboek export and review mode.

use maatstaf_core::i18n::Lang;
use maatstaf_core::ledger::{
    verify_logboek_against, Checkpoint, CheckpointCode, Fingerprint, Past,
};
use maatstaf_core::report::{review, ConsistencyView, Review};
use maatstaf_store::ledger::LedgerStatus;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::AppState;

/// The largest file review mode reads; a logboek of a whole formation is far smaller.
const MAX_LOGBOEK_BYTES: usize = 64 * 1024 * 1024;

/// Checks every team's log again and remembers the outcome for the banner.
#[tauri::command]
pub fn verify_ledgers(state: State<'_, AppState>) -> Result<Vec<LedgerStatus>, IpcError> {
    let all = state.with_store(|s| Ok(s.verify_ledgers()?))?;
    state.set_ledger_check(&all);
    Ok(all)
}

#[tauri::command]
pub fn consistency_view(
    state: State<'_, AppState>,
    team_id: i64,
    lang: Lang,
) -> Result<ConsistencyView, IpcError> {
    state.with_store(|s| Ok(s.consistency_view(team_id, lang)?))
}

/// The logboek's suggested file name: the team and the day (`date` is RFC 3339).
pub fn logboek_file_name(team: &str, date: &str) -> String {
    let mut slug = String::new();
    for c in deunicode_lite(team).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    format!("logboek-{slug}-{}.jsonl", date.get(..10).unwrap_or(date))
}

/// Dutch names keep their letters in a file name: é → e, ë → e, and so on.
fn deunicode_lite(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            c => c,
        })
        .collect()
}

/// The team's checkpoints (time, milestone, code) for the chair to note in the minutes.
#[tauri::command]
pub fn team_checkpoints(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<Checkpoint>, IpcError> {
    state.with_store(|s| Ok(s.checkpoints(team_id)?))
}

fn too_large(bytes: &[u8]) -> Result<(), IpcError> {
    if bytes.len() > MAX_LOGBOEK_BYTES {
        return Err(
            IpcError::new("logboek_too_large", "the file is too large to be a logboek")
                .with("max_mb", MAX_LOGBOEK_BYTES / (1024 * 1024)),
        );
    }
    Ok(())
}

/// Review mode: verifies a logboek a committee member opened, against the fingerprint
/// they expect, earlier logboeks and codes from the minutes, and shows what it holds.
/// Nothing is stored: the reviewer's own teams never see it.
#[tauri::command]
pub fn open_logboek(
    bytes: Vec<u8>,
    lang: Lang,
    expected_key: Option<String>,
    previous: Vec<Vec<u8>>,
    checkpoints: Vec<String>,
) -> Result<Review, IpcError> {
    too_large(&bytes)?;
    for p in &previous {
        too_large(p)?;
    }
    let expected = expected_key
        .as_deref()
        .filter(|k| !k.trim().is_empty())
        .map(|k| {
            Fingerprint::parse(k)
                .map_err(|e| IpcError::new("fingerprint_invalid", e).with("value", k.trim()))
        })
        .transpose()?;
    let codes = checkpoints
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| {
            CheckpointCode::parse(c)
                .map_err(|e| IpcError::new("checkpoint_invalid", &e).with("value", &e.found))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let past = Past {
        previous: &previous,
        checkpoints: &codes,
    };
    Ok(review(
        verify_logboek_against(&bytes, expected.as_ref(), &past),
        lang,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain_and_dated() {
        assert_eq!(
            logboek_file_name("Gemeente Voorbeeld — formatie 2026", "2026-11-25T09:14:03Z"),
            "logboek-gemeente-voorbeeld-formatie-2026-2026-11-25.jsonl"
        );
        assert_eq!(
            logboek_file_name("Súdwest-Fryslân", "2026-01-02T00:00:00Z"),
            "logboek-sudwest-fryslan-2026-01-02.jsonl"
        );
    }

    #[test]
    fn an_opened_file_that_is_no_logboek_says_so() {
        let r = open_logboek(
            b"dit is geen logboek".to_vec(),
            Lang::Nl,
            None,
            Vec::new(),
            Vec::new(),
        )
        .unwrap();
        assert!(!r.intact);
        assert!(!r.signer_checked);
        assert!(r.problem.is_some());
    }

    #[test]
    fn a_malformed_fingerprint_or_code_is_refused_with_its_value() {
        let bad_key = open_logboek(
            Vec::new(),
            Lang::Nl,
            Some("abc".into()),
            Vec::new(),
            Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            (bad_key.code.as_str(), bad_key.params["value"].as_str()),
            ("fingerprint_invalid", "abc")
        );
        let bad_code = open_logboek(
            Vec::new(),
            Lang::Nl,
            Some("  ".into()),
            Vec::new(),
            vec!["".into(), "ZZZZZ-U".into()],
        )
        .unwrap_err();
        assert_eq!(
            (bad_code.code.as_str(), bad_code.params["value"].as_str()),
            ("checkpoint_invalid", "ZZZZZ-U")
        );
    }
}
