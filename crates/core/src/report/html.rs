//! The human-readable report inside a logboek: one self-contained HTML page with
//! the same plots as the app.

use std::fmt::Write;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::html::escape;
use crate::i18n::{Lang, Text};
use crate::ledger::{Actor, Entry, SectionName};

use super::plots::{alpha_chart, hotspot_map, leniency_chart, trend_chart};
use super::record::SnapshotRecord;

/// One version of a rubric as the `rubric_versions` section holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RubricVersionInfo {
    pub rubric_key: String,
    pub version: u32,
    /// Set once the version is frozen.
    pub sha256: Option<String>,
    pub frozen_at: Option<String>,
    pub created_at: String,
    pub source_toml: String,
    /// Lint warnings the team accepted when freezing, each with its reason.
    #[serde(default)]
    pub accepted_warnings: Value,
}

pub struct ReportInput<'a> {
    pub lang: Lang,
    pub team_id: &'a str,
    pub team_name: &'a str,
    pub exported_at: &'a str,
    pub exporter: &'a Actor,
    pub fingerprint: &'a str,
    pub with_identities: bool,
    /// Why the team's log was broken at export time; `None` when it was intact.
    pub chain_problem: Option<Text>,
    /// The log up to (not including) the entry that records this export.
    pub entries: &'a [Entry],
    pub sections: &'a [SectionName],
    pub rubric_versions: &'a [RubricVersionInfo],
    pub snapshots: &'a [SnapshotRecord],
    pub decision: Option<&'a Value>,
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2933;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #d9dee3;padding-bottom:.3rem}\
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eef0f2;vertical-align:top}\
.ok{background:#e1f1e6;border-left:4px solid #2f7d4f;padding:.6rem 1rem}.bad{background:#f7e1de;border-left:4px solid #b83227;padding:.6rem 1rem}\
.warn{background:#f9eed8;border-left:4px solid #b7791f;padding:.6rem 1rem}code,.mono{font-family:ui-monospace,monospace;font-size:.88rem}\
figure{margin:1rem 0}svg{max-width:100%;height:auto}pre{white-space:pre-wrap;background:#f5f7f9;padding:.6rem;font-size:.85rem}";

/// The own-party leniency the log recorded at the unblinding, as two tables; nothing
/// before the unblinding, when the log has no such entry.
fn own_party_html(out: &mut String, entries: &[Entry], lang: Lang) {
    use crate::formation::leniency::{AssessorOwnParty, PartyLeniency};
    use crate::stats::Estimate;
    let Some(e) = entries
        .iter()
        .rev()
        .find(|e| e.kind == crate::ledger::EntryKind::OwnPartyLeniency)
    else {
        return;
    };
    let read = |key: &str| e.payload.get(key).cloned().unwrap_or(Value::Null);
    let assessors: Vec<AssessorOwnParty> =
        serde_json::from_value(read("assessors")).unwrap_or_default();
    let parties: Vec<PartyLeniency> = serde_json::from_value(read("parties")).unwrap_or_default();
    let shown = |e: &Estimate| match e {
        Estimate::Value { value, ci95 } => {
            let ci = ci95.map_or_else(String::new, |[lo, hi]| {
                format!(" (95%: {lo:+.2} {} {hi:+.2})", t(lang, "tot", "to"))
            });
            format!("{value:+.2}{ci}")
        }
        Estimate::TooLittleData { reason } => reason.get(lang).to_owned(),
    };
    let row = |cells: &[String], cell: &str| {
        let inner: String = cells
            .iter()
            .map(|c| format!("<{cell}>{}</{cell}>", escape(c)))
            .collect();
        format!("<tr>{inner}</tr>")
    };
    let (party, difference, cells) = (
        t(lang, "Partij", "Party"),
        t(lang, "Verschil", "Difference"),
        t(lang, "Cellen", "Cells"),
    );
    let _ = write!(
        out,
        "<h2>{}</h2><p>{}</p><table>{}",
        t(lang, "Mildheid voor de eigen partij", "Own-party leniency"),
        escape(&t(
            lang,
            &format!("Ronde {}, gemeten bij het opheffen van de anonimisering: verschil in niveaus tussen scores voor kandidaten van de eigen partij en die van beoordelaars van andere partijen.", read("round")),
            &format!("Round {}, measured at the unblinding: difference in levels between scores for candidates of the own party and those of assessors of other parties.", read("round")),
        )),
        row(&[t(lang, "Beoordelaar", "Assessor"), party.clone(), difference.clone(), cells.clone()], "th"),
    );
    for a in &assessors {
        let values = [
            a.assessor.clone(),
            a.party.clone(),
            shown(&a.leniency),
            a.n_cells.to_string(),
        ];
        out.push_str(&row(&values, "td"));
    }
    let _ = write!(
        out,
        "</table><table>{}",
        row(&[party, difference, cells], "th")
    );
    for p in &parties {
        out.push_str(&row(
            &[p.party.clone(), shown(&p.leniency), p.n_cells.to_string()],
            "td",
        ));
    }
    out.push_str("</table>");
}

fn t(lang: Lang, nl: &str, en: &str) -> String {
    Text::new(nl, en).get(lang).to_owned()
}

fn decision_html(out: &mut String, decision: &Value, lang: Lang) {
    let reasons: Option<Vec<&str>> = decision
        .get("reasons")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect());
    if let Some(reasons) = reasons.filter(|r| !r.is_empty()) {
        let _ = write!(out, "<p>{}</p><ul>", t(lang, "Redenen:", "Reasons:"));
        for r in reasons {
            let _ = write!(out, "<li>{}</li>", escape(r));
        }
        out.push_str("</ul>");
    }
    let pretty = serde_json::to_string_pretty(decision).unwrap_or_default();
    let _ = write!(out, "<pre>{}</pre>", escape(&pretty));
}

/// The report as one HTML document in `input.lang`.
pub fn logboek_report(input: &ReportInput<'_>) -> String {
    let lang = input.lang;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{} — {}</title><style>{CSS}</style></head><body>",
        lang.as_str(),
        t(lang, "Logboek", "Logboek"),
        escape(input.team_name)
    );
    let _ = write!(
        out,
        "<h1>{} {}</h1><p>{}</p>",
        t(lang, "Logboek van", "Logboek of"),
        escape(input.team_name),
        t(
            lang,
            "Dit rapport hoort bij een ondertekend logboekbestand van Maatstaf. Het rapport zelf bewijst niets: controleer het bestand met Maatstaf (Logboek openen) of met de opdracht hieronder.",
            "This report belongs to a signed Maatstaf logboek file. The report itself proves nothing: check the file with Maatstaf (Open logboek) or with the command below."
        )
    );

    out.push_str(&format!("<h2>{}</h2>", t(lang, "Samenvatting", "Summary")));
    match &input.chain_problem {
        None => {
            let _ = write!(
                out,
                "<p class=\"ok\">{}</p>",
                escape(
                    Text::new(
                        format!(
                            "Bij de export was de keten van {} vermeldingen intact.",
                            input.entries.len()
                        ),
                        format!(
                            "At export the chain of {} entries was intact.",
                            input.entries.len()
                        ),
                    )
                    .get(lang)
                )
            );
        }
        Some(problem) => {
            let _ = write!(
                out,
                "<p class=\"bad\">{} {}</p>",
                t(
                    lang,
                    "Bij de export was de keten NIET intact:",
                    "At export the chain was NOT intact:"
                ),
                escape(problem.get(lang))
            );
        }
    }
    let identities = if input.with_identities {
        format!(
            "<span class=\"warn\">{}</span>",
            t(
                lang,
                "Opgenomen: dit bestand bevat namen van kandidaten, op uitdrukkelijke keuze van de exporteur. Ga er zorgvuldig mee om (AVG).",
                "Included: this file holds candidate names, by the exporter's explicit choice. Handle it with care (GDPR)."
            )
        )
    } else {
        t(
            lang,
            "Niet opgenomen: dit bestand bevat alleen kandidaatcodes.",
            "Not included: this file holds candidate codes only.",
        )
    };
    let sections: Vec<String> = input
        .sections
        .iter()
        .map(|s| escape(s.label().get(lang)))
        .collect();
    let rows = [
        (
            t(lang, "Team", "Team"),
            format!(
                "{} <span class=\"mono\">({})</span>",
                escape(input.team_name),
                escape(input.team_id)
            ),
        ),
        (
            t(lang, "Geëxporteerd op", "Exported at"),
            escape(input.exported_at),
        ),
        (
            t(lang, "Geëxporteerd door", "Exported by"),
            escape(input.exporter.display().get(lang)),
        ),
        (
            t(lang, "Vingerafdruk van de sleutel", "Key fingerprint"),
            format!("<span class=\"mono\">{}</span>", escape(input.fingerprint)),
        ),
        (t(lang, "Identiteiten", "Identities"), identities),
        (t(lang, "Onderdelen", "Sections"), sections.join(", ")),
    ];
    out.push_str("<table>");
    for (k, v) in rows {
        let _ = write!(out, "<tr><th>{k}</th><td>{v}</td></tr>");
    }
    out.push_str("</table>");
    let _ = write!(
        out,
        "<p>{}</p><pre>maatstaf log verify LOGBOEK.jsonl --key \"{}\"</pre>",
        t(
            lang,
            "Vergelijk de vingerafdruk met die de voorzitter u langs een andere weg (telefoon, papier) geeft. Controleer het bestand met:",
            "Compare the fingerprint with the one the chair gives you another way (phone, paper). Check the file with:"
        ),
        escape(input.fingerprint)
    );

    let _ = write!(out, "<h2>{}</h2>", t(lang, "Beoordelingskader", "Rubric"));
    if input.rubric_versions.is_empty() {
        let _ = write!(
            out,
            "<p>{}</p>",
            t(lang, "Geen versies vastgelegd.", "No versions recorded.")
        );
    } else {
        let _ = write!(
            out,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>SHA-256</th></tr>",
            t(lang, "Kader", "Rubric"),
            t(lang, "Versie", "Version"),
            t(lang, "Vastgezet", "Frozen")
        );
        for r in input.rubric_versions {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"mono\">{}</td></tr>",
                escape(&r.rubric_key),
                r.version,
                escape(r.frozen_at.as_deref().unwrap_or("—")),
                escape(r.sha256.as_deref().unwrap_or("—"))
            );
        }
        out.push_str("</table>");
    }

    let _ = write!(out, "<h2>{}</h2><table>", t(lang, "Tijdlijn", "Timeline"));
    for e in input.entries {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"mono\">{}</td><td>{}</td><td>{}</td></tr>",
            e.seq,
            escape(&e.time),
            escape(e.kind.label().get(lang)),
            escape(e.actor.display().get(lang))
        );
    }
    out.push_str("</table>");

    let _ = write!(out, "<h2>{}</h2>", t(lang, "Consistentie", "Consistency"));
    if input.snapshots.is_empty() {
        let _ = write!(
            out,
            "<p>{}</p>",
            t(lang, "Nog geen metingen.", "No measurements yet.")
        );
    } else {
        let _ = write!(
            out,
            "<figure>{}</figure>",
            trend_chart(input.snapshots, lang)
        );
        for (i, s) in input.snapshots.iter().enumerate() {
            let previous = input.snapshots[..i]
                .iter()
                .rev()
                .find(|p| p.practice == s.practice);
            let c = &s.counts;
            let _ = write!(
                out,
                "<h3>{}</h3><p>{}</p><p class=\"mono\">SHA-256 {}</p>",
                escape(s.label().get(lang)),
                escape(Text::new(
                    format!(
                        "Kader versie {}, {} scores van {} beoordelaars op {} kandidaten en {} criteria; gemeten {}.",
                        s.rubric_version, c.scores, c.assessors, c.candidates, c.criteria, s.recorded_at
                    ),
                    format!(
                        "Rubric version {}, {} scores by {} assessors on {} candidates and {} criteria; measured {}.",
                        s.rubric_version, c.scores, c.assessors, c.candidates, c.criteria, s.recorded_at
                    ),
                )
                .get(lang)),
                s.sha256()
            );
            for svg in [
                alpha_chart(s, previous, lang),
                leniency_chart(s, lang),
                hotspot_map(s, lang),
            ] {
                let _ = write!(out, "<figure>{svg}</figure>");
            }
        }
    }

    let _ = write!(out, "<h2>{}</h2>", t(lang, "Besluit", "Decision"));
    match input.decision {
        Some(d) => decision_html(&mut out, d, lang),
        None => {
            let _ = write!(
                out,
                "<p>{}</p>",
                t(
                    lang,
                    "Nog geen besluit vastgelegd.",
                    "No decision recorded yet."
                )
            );
        }
    }
    own_party_html(&mut out, input.entries, lang);
    out.push_str("</body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::super::record::tests::record;
    use super::*;
    use crate::ledger::{next_entry, EntryKind};
    use serde_json::json;

    fn input<'a>(
        entries: &'a [Entry],
        snapshots: &'a [SnapshotRecord],
        actor: &'a Actor,
        with: bool,
    ) -> ReportInput<'a> {
        ReportInput {
            lang: Lang::Nl,
            team_id: "1",
            team_name: "Gemeente <Voorbeeld>",
            exported_at: "2026-03-05T16:00:00Z",
            exporter: actor,
            fingerprint: "3f2a 09bc 0000 1111 2222 3333 4444 5555",
            with_identities: with,
            chain_problem: None,
            entries,
            sections: &[SectionName::ConsistencySnapshots],
            rubric_versions: &[],
            snapshots,
            decision: None,
        }
    }

    #[test]
    fn the_report_summarises_integrity_identities_and_shows_the_plots() {
        let e = next_entry(
            None,
            "2026-03-05T09:00:00Z",
            Actor::System,
            EntryKind::TeamCreated,
            json!({"team_name": "x"}),
        );
        let actor = Actor::member("1", "Anneke de Wit");
        let snaps = [record(1), record(2)];
        let html = logboek_report(&input(std::slice::from_ref(&e), &snaps, &actor, false));
        assert!(html.contains("keten van 1 vermeldingen intact"));
        assert!(html.contains("alleen kandidaatcodes"));
        assert!(html.contains("Gemeente &lt;Voorbeeld&gt;"));
        assert!(html.contains("Team aangemaakt") && html.contains("Anneke de Wit"));
        assert_eq!(html.matches("<svg").count(), 1 + 3 * 2);
        assert!(html.contains(&record(2).sha256()));
        let with = logboek_report(&input(&[], &snaps, &actor, true));
        assert!(with.contains("bevat namen van kandidaten"));
    }

    #[test]
    fn the_report_shows_own_party_leniency_once_the_log_has_it() {
        let actor = Actor::member("1", "Anneke de Wit");
        let before = logboek_report(&input(&[], &[], &actor, false));
        assert!(!before.contains("Mildheid voor de eigen partij"));
        let e = next_entry(
            None,
            "2026-03-05T09:00:00Z",
            Actor::System,
            EntryKind::OwnPartyLeniency,
            json!({
                "round": 2,
                "assessors": [
                    {"assessor": "Gerrit <Bosma>", "party": "Voorbeeld Lokaal",
                     "leniency": {"kind": "value", "value": 0.5, "ci95": [-0.25, 1.25]}, "n_cells": 6},
                    {"assessor": "Priya Ramdin", "party": "Groen Voorbeeld",
                     "leniency": {"kind": "too_little_data", "reason": {"nl": "Te weinig cellen.", "en": "Too few cells."}},
                     "n_cells": 0}
                ],
                "parties": [
                    {"party": "Voorbeeld Lokaal", "leniency": {"kind": "value", "value": -0.08, "ci95": null},
                     "n_cells": 6, "n_candidates": 1}
                ]
            }),
        );
        let html = logboek_report(&input(std::slice::from_ref(&e), &[], &actor, false));
        assert!(html.contains("<h2>Mildheid voor de eigen partij</h2><p>Ronde 2,"));
        assert!(html.contains("<td>Gerrit &lt;Bosma&gt;</td><td>Voorbeeld Lokaal</td><td>+0.50 (95%: -0.25 tot +1.25)</td><td>6</td>"));
        assert!(html.contains("<td>Te weinig cellen.</td>"));
        assert!(html.contains("<td>Voorbeeld Lokaal</td><td>-0.08</td><td>6</td>"));
    }
}
