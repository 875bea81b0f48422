//! A candidate's own copy of what the team holds on them (AVG art. 15): the data as
//! plain values, and a readable standalone page. Assessors are never named: in each
//! round they are "beoordelaar 1, 2, …" in the comparison sheet's column order, so a
//! candidate sees every score and note about them without learning who gave it.
//!
//! Pure: the store gathers the values (opening what is sealed) and logs the export.
//! Every value that came from a person goes through [`escape`].

use std::fmt::Write;

use serde::Serialize;

use super::comparison_sheet::page;
use crate::assessor::{ConflictAction, ConflictKind};
use crate::html::escape;
use crate::i18n::Lang;
use crate::rubric::Scale;
use crate::scoring::{CellEntry, ComparisonSheet, Knockout, SectionKind};

/// Everything the team holds on one candidate, as the copy shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonalCopyData {
    /// The team (formation) that holds the data.
    pub team: String,
    pub code: String,
    /// RFC 3339 UTC: when this copy was made.
    pub made_at: String,
    /// When the candidate's name and texts were erased, if they were.
    pub erased_at: Option<String>,
    /// Null when the identity was erased.
    pub identity: Option<CopyIdentity>,
    pub material: Vec<CopyMaterial>,
    /// Revealed rounds that scored the candidate.
    pub rounds: Vec<CopyRound>,
    /// Rounds that include the candidate but are not revealed yet: their scores are
    /// not known to anyone, the team included, until the reveal.
    pub rounds_not_revealed: Vec<u32>,
    pub conflicts: Vec<CopyConflict>,
    /// The recorded decision, with the choices that mention the candidate's code.
    pub decision: Option<CopyDecision>,
}

/// The identity as taken in at intake.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyIdentity {
    pub name: String,
    pub aliases: Vec<String>,
    pub party: Option<String>,
    pub contact: Option<String>,
    pub birth_date: Option<String>,
    pub birth_place: Option<String>,
    pub extra: Vec<String>,
}

/// One piece of material: the original (null once erased) and what the assessors read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyMaterial {
    pub kind: SectionKind,
    /// The criterion a written answer answers: its id, and its name when known.
    pub criterion: Option<String>,
    pub criterion_name: Option<String>,
    pub original: Option<String>,
    pub blinded_text: Option<String>,
    pub blinded_sha256: Option<String>,
    pub frozen_at: Option<String>,
}

/// The candidate's part of one revealed round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyRound {
    pub round: u32,
    pub scale: Scale,
    /// How many assessors the round had.
    pub assessors: usize,
    pub criteria: Vec<CopyCriterion>,
    /// Each assessor's weighted total (0–100), null when they did not score the candidate.
    pub totals: Vec<CopyTotal>,
    pub mean_total: Option<f64>,
    pub knocked_out: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyCriterion {
    pub id: String,
    pub name: String,
    pub weight: u32,
    pub knockout: Option<u8>,
    pub scores: Vec<CopyScore>,
    pub mean: Option<f64>,
    /// The mean level lies below the criterion's knockout level.
    pub below_knockout: bool,
}

/// One assessor's part of a cell; `assessor` is their number in this round (1, 2, …).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CopyScore {
    Scored {
        assessor: u32,
        level: u8,
        evidence: String,
        /// Why the level changed since the previous round.
        reason: Option<String>,
    },
    /// The assessor did not score the candidate (a conflict of interest).
    Excluded { assessor: u32 },
    /// The assessor's sheet was not submitted.
    Missing { assessor: u32 },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyTotal {
    pub assessor: u32,
    pub total: Option<f64>,
}

/// A declared tie with the candidate, without who declared it or their note (which
/// could tell who they are).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyConflict {
    pub kind: ConflictKind,
    /// What it led to: the assessor did not score the candidate, or it was only recorded.
    pub action: ConflictAction,
    /// The chair changed the team's rule for this declaration.
    pub overridden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyDecision {
    pub round: u32,
    pub at: String,
    pub choices: Vec<CopyChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyChoice {
    pub portfolio: String,
    /// The candidate is among the codes chosen.
    pub chosen: bool,
    pub candidates: Vec<String>,
    pub reason: String,
}

impl CopyRound {
    /// The candidate `code`'s row of a revealed round's comparison sheet, with the
    /// assessors numbered in column order; `None` when the round did not include them.
    pub fn from_sheet(sheet: &ComparisonSheet, code: &str) -> Option<CopyRound> {
        let row = sheet.candidates.iter().find(|r| r.code == code)?;
        let number = |id: &str| {
            sheet
                .assessors
                .iter()
                .position(|a| a.assessor == id)
                .map_or(0, |i| i as u32 + 1)
        };
        let criteria = sheet
            .criteria
            .iter()
            .zip(&row.cells)
            .map(|(c, cell)| CopyCriterion {
                id: c.id.clone(),
                name: c.name.clone(),
                weight: c.weight,
                knockout: c.knockout,
                scores: cell
                    .entries
                    .iter()
                    .map(|e| match e {
                        CellEntry::Scored {
                            assessor,
                            level,
                            evidence,
                            reason,
                        } => CopyScore::Scored {
                            assessor: number(assessor),
                            level: *level,
                            evidence: evidence.clone(),
                            reason: reason.clone(),
                        },
                        CellEntry::Excluded { assessor } => CopyScore::Excluded {
                            assessor: number(assessor),
                        },
                        CellEntry::Missing { assessor } => CopyScore::Missing {
                            assessor: number(assessor),
                        },
                    })
                    .collect(),
                mean: cell.stats.map(|s| s.mean),
                below_knockout: cell.knockout == Knockout::Out,
            })
            .collect();
        Some(CopyRound {
            round: sheet.round,
            scale: sheet.scale,
            assessors: sheet.assessors.len(),
            criteria,
            totals: row
                .totals
                .iter()
                .map(|t| CopyTotal {
                    assessor: number(&t.assessor),
                    total: t.total,
                })
                .collect(),
            mean_total: row.mean_total,
            knocked_out: row.knocked_out,
        })
    }
}

fn say(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn number(lang: Lang, x: f64) -> String {
    let s = format!("{x:.1}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

fn assessor(lang: Lang, n: u32) -> String {
    format!("{} {n}", say(lang, "beoordelaar", "assessor"))
}

fn kind_label(lang: Lang, kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::WrittenAnswer => say(lang, "Schriftelijk antwoord", "Written answer"),
        SectionKind::Motivation => say(lang, "Motivatie", "Motivation"),
        SectionKind::CvSummary => say(lang, "Samenvatting cv", "CV summary"),
        SectionKind::WorkSample => say(lang, "Werkvoorbeeld", "Work sample"),
    }
}

fn conflict_label(lang: Lang, kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::SameFraction => {
            say(lang, "zelfde fractie of partij", "same fraction or party")
        }
        ConflictKind::Family => say(lang, "familie", "family"),
        ConflictKind::BusinessTie => say(lang, "zakelijke band", "business tie"),
        ConflictKind::FormerColleague => say(lang, "oud-collega", "former colleague"),
        ConflictKind::Other => say(lang, "andere band", "another tie"),
        ConflictKind::RecognisesPerson => say(
            lang,
            "herkent de kandidaat in het geanonimiseerde materiaal",
            "recognises the candidate in the blinded material",
        ),
    }
}

/// A definition-list row; `value` is escaped here.
fn row(b: &mut String, label: &str, value: &str) {
    let _ = writeln!(b, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(value));
}

/// Text with its line breaks kept, escaped.
fn text_block(b: &mut String, text: &str) {
    let _ = writeln!(b, "<div class=\"text\">{}</div>", escape(text));
}

/// The copy as a standalone page in `lang`: no scripts, nothing remote.
pub fn personal_copy_html(data: &PersonalCopyData, lang: Lang) -> String {
    let erased = say(lang, "gewist", "erased");
    let mut b = String::new();
    let title = format!(
        "{} {}",
        say(lang, "Uw gegevens bij", "Your data held by"),
        data.team
    );
    let _ = writeln!(b, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        b,
        "<p>{}</p>",
        say(
            lang,
            "Dit is een kopie van alle gegevens die het formatieteam over u bewaart (AVG artikel 15). In het team bent u bekend onder een code; wie u beoordeelde staat er niet in: per ronde heten de beoordelaars beoordelaar 1, 2, enzovoort.",
            "This is a copy of all the data the formation team holds on you (GDPR article 15). In the team you are known by a code; who assessed you is not in it: in each round the assessors are called assessor 1, 2 and so on.",
        )
    );
    b.push_str("<dl>\n");
    row(&mut b, say(lang, "Code", "Code"), &data.code);
    row(&mut b, say(lang, "Gemaakt op", "Made on"), &data.made_at);
    if let Some(at) = &data.erased_at {
        row(
            &mut b,
            say(
                lang,
                "Naam en teksten gewist op",
                "Name and texts erased on",
            ),
            at,
        );
    }
    b.push_str("</dl>\n");

    let _ = writeln!(b, "<h2>{}</h2>", say(lang, "Identiteit", "Identity"));
    match &data.identity {
        None => {
            let _ = writeln!(
                b,
                "<p class=\"muted\">{}</p>",
                say(
                    lang,
                    "Gewist: het team bewaart uw naam en gegevens niet meer.",
                    "Erased: the team no longer keeps your name and details.",
                )
            );
        }
        Some(i) => {
            b.push_str("<dl>\n");
            row(&mut b, say(lang, "Naam", "Name"), &i.name);
            if !i.aliases.is_empty() {
                row(
                    &mut b,
                    say(lang, "Andere namen", "Other names"),
                    &i.aliases.join(", "),
                );
            }
            let optional = [
                (say(lang, "Partij", "Party"), &i.party),
                (say(lang, "Contactgegevens", "Contact details"), &i.contact),
                (say(lang, "Geboortedatum", "Date of birth"), &i.birth_date),
                (
                    say(lang, "Geboorteplaats", "Place of birth"),
                    &i.birth_place,
                ),
            ];
            for (label, value) in optional {
                if let Some(v) = value {
                    row(&mut b, label, v);
                }
            }
            if !i.extra.is_empty() {
                row(&mut b, say(lang, "Overig", "Other"), &i.extra.join(", "));
            }
            b.push_str("</dl>\n");
        }
    }

    let _ = writeln!(b, "<h2>{}</h2>", say(lang, "Materiaal", "Material"));
    if data.material.is_empty() {
        let _ = writeln!(b, "<p class=\"muted\">{}</p>", say(lang, "Geen.", "None."));
    }
    for m in &data.material {
        let mut heading = kind_label(lang, m.kind).to_owned();
        if let Some(c) = m.criterion_name.as_ref().or(m.criterion.as_ref()) {
            let _ = write!(heading, " ({c})");
        }
        let _ = writeln!(b, "<section><h3>{}</h3>", escape(&heading));
        let _ = writeln!(
            b,
            "<h4>{}</h4>",
            say(lang, "Oorspronkelijke tekst", "Original text")
        );
        match &m.original {
            Some(t) => text_block(&mut b, t),
            None => {
                let _ = writeln!(b, "<p class=\"muted\">{erased}</p>");
            }
        }
        let _ = writeln!(
            b,
            "<h4>{}</h4>",
            say(
                lang,
                "Geanonimiseerde tekst (wat de beoordelaars lazen)",
                "Blinded text (what the assessors read)"
            )
        );
        match &m.blinded_text {
            Some(t) => text_block(&mut b, t),
            None => {
                let _ = writeln!(
                    b,
                    "<p class=\"muted\">{}</p>",
                    say(lang, "nog niet vastgesteld", "not frozen yet")
                );
            }
        }
        if let (Some(sha), Some(at)) = (&m.blinded_sha256, &m.frozen_at) {
            let _ = writeln!(
                b,
                "<p class=\"muted\">SHA-256 {} · {} {}</p>",
                escape(sha),
                say(lang, "vastgesteld op", "frozen on"),
                escape(at)
            );
        }
        b.push_str("</section>\n");
    }

    let _ = writeln!(b, "<h2>{}</h2>", say(lang, "Scores", "Scores"));
    if data.rounds.is_empty() {
        let _ = writeln!(
            b,
            "<p class=\"muted\">{}</p>",
            say(
                lang,
                "Er zijn (nog) geen vrijgegeven scores over u.",
                "There are no revealed scores about you (yet)."
            )
        );
    }
    for r in &data.rounds {
        round_html(&mut b, r, lang);
    }
    if !data.rounds_not_revealed.is_empty() {
        let rounds: Vec<String> = data
            .rounds_not_revealed
            .iter()
            .map(u32::to_string)
            .collect();
        let _ = writeln!(
            b,
            "<p class=\"muted\">{}: {}</p>",
            say(
                lang,
                "Nog niet vrijgegeven (niemand kent deze scores nog, ook het team niet), ronde",
                "Not revealed yet (nobody knows these scores yet, the team included), round"
            ),
            rounds.join(", ")
        );
    }

    let _ = writeln!(
        b,
        "<h2>{}</h2>",
        say(lang, "Gemelde belangen", "Declared ties")
    );
    if data.conflicts.is_empty() {
        let _ = writeln!(b, "<p class=\"muted\">{}</p>", say(lang, "Geen.", "None."));
    } else {
        let _ = writeln!(
            b,
            "<p>{}</p>\n<ul>",
            say(
                lang,
                "Beoordelaars die een band met u meldden (zonder hun naam of toelichting):",
                "Assessors who declared a tie with you (without their name or note):"
            )
        );
        for c in &data.conflicts {
            let effect = match c.action {
                ConflictAction::Exclude => say(
                    lang,
                    "beoordeelde u daarom niet",
                    "therefore did not assess you",
                ),
                ConflictAction::DeclareOnly => say(
                    lang,
                    "beoordeelde u wel; de melding staat vast",
                    "did assess you; the declaration is on record",
                ),
            };
            let _ = write!(b, "<li>{}: {effect}", conflict_label(lang, c.kind));
            if c.overridden {
                let _ = write!(
                    b,
                    " ({})",
                    say(
                        lang,
                        "de voorzitter week af van de regel",
                        "the chair deviated from the rule"
                    )
                );
            }
            b.push_str("</li>\n");
        }
        b.push_str("</ul>\n");
    }

    let _ = writeln!(b, "<h2>{}</h2>", say(lang, "Besluit", "Decision"));
    match &data.decision {
        None => {
            let _ = writeln!(
                b,
                "<p class=\"muted\">{}</p>",
                say(lang, "Nog geen besluit.", "No decision yet.")
            );
        }
        Some(d) => {
            let _ = writeln!(
                b,
                "<p class=\"muted\">{} {} · {}</p>",
                say(lang, "Op basis van ronde", "Based on round"),
                d.round,
                escape(&d.at)
            );
            if d.choices.is_empty() {
                let _ = writeln!(
                    b,
                    "<p>{}</p>",
                    say(
                        lang,
                        "Het besluit noemt uw code niet.",
                        "The decision does not mention your code."
                    )
                );
            }
            for c in &d.choices {
                let verdict = if c.chosen {
                    say(lang, "u bent gekozen", "you were chosen")
                } else {
                    say(lang, "u bent niet gekozen", "you were not chosen")
                };
                let _ = writeln!(
                    b,
                    "<section><h3>{}</h3><p>{verdict}</p>",
                    escape(&c.portfolio)
                );
                let _ = writeln!(b, "<h4>{}</h4>", say(lang, "Reden", "Reason"));
                text_block(&mut b, &c.reason);
                b.push_str("</section>\n");
            }
        }
    }
    page(lang, &title, &b)
}

fn round_html(b: &mut String, r: &CopyRound, lang: Lang) {
    let _ = writeln!(
        b,
        "<section><h3>{} {}</h3>\n<p class=\"muted\">{} {}–{} · {} {}</p>",
        say(lang, "Ronde", "Round"),
        r.round,
        say(lang, "schaal", "scale"),
        r.scale.min,
        r.scale.max,
        r.assessors,
        say(lang, "beoordelaars", "assessors"),
    );
    for c in &r.criteria {
        let _ = write!(
            b,
            "<h4>{} <span class=\"muted\">({}%",
            escape(&c.name),
            c.weight
        );
        if let Some(k) = c.knockout {
            let _ = write!(b, " · {} &lt; {k}", say(lang, "knock-out", "knockout"));
        }
        b.push_str(")</span></h4>\n<ul class=\"notes\">\n");
        for s in &c.scores {
            match s {
                CopyScore::Scored {
                    assessor: n,
                    level,
                    evidence,
                    reason,
                } => {
                    let _ = write!(
                        b,
                        "<li><strong>{} ({level})</strong>: {}",
                        assessor(lang, *n),
                        escape(evidence)
                    );
                    if let Some(reason) = reason {
                        let _ = write!(
                            b,
                            " <em>{}: {}</em>",
                            say(lang, "reden voor wijziging", "reason for change"),
                            escape(reason)
                        );
                    }
                    b.push_str("</li>\n");
                }
                CopyScore::Excluded { assessor: n } => {
                    let _ = writeln!(
                        b,
                        "<li>{}: <span class=\"muted\">{}</span></li>",
                        assessor(lang, *n),
                        say(lang, "uitgesloten (belang)", "excluded (conflict)")
                    );
                }
                CopyScore::Missing { assessor: n } => {
                    let _ = writeln!(
                        b,
                        "<li>{}: <span class=\"muted\">{}</span></li>",
                        assessor(lang, *n),
                        say(lang, "niet ingeleverd", "not submitted")
                    );
                }
            }
        }
        b.push_str("</ul>\n");
        if let Some(mean) = c.mean {
            let _ = write!(
                b,
                "<p class=\"muted\">{} {}",
                say(lang, "gemiddeld", "mean"),
                number(lang, mean)
            );
            if c.below_knockout {
                let _ = write!(
                    b,
                    " · <span class=\"out\">{}</span>",
                    say(lang, "onder de knock-outgrens", "below the knockout level")
                );
            }
            b.push_str("</p>\n");
        }
    }
    let totals: Vec<String> = r
        .totals
        .iter()
        .map(|t| {
            format!(
                "{}: {}",
                assessor(lang, t.assessor),
                t.total.map_or_else(|| "—".to_owned(), |x| number(lang, x))
            )
        })
        .collect();
    let _ = writeln!(
        b,
        "<p>{} (0–100): {}</p>",
        say(lang, "Gewogen totaal", "Weighted total"),
        totals.join(" · ")
    );
    if let Some(mean) = r.mean_total {
        let _ = writeln!(
            b,
            "<p><strong>{} {}</strong></p>",
            say(lang, "Gemiddeld gewogen totaal", "Mean weighted total"),
            number(lang, mean)
        );
    }
    if r.knocked_out {
        let _ = writeln!(
            b,
            "<p class=\"out\">{}</p>",
            say(
                lang,
                "Op minstens één criterium onder de knock-outgrens.",
                "Below the knockout level on at least one criterion."
            )
        );
    }
    b.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(name: &str) -> PersonalCopyData {
        PersonalCopyData {
            team: "Gemeente <b>Test</b>".into(),
            code: "K-ABC".into(),
            made_at: "2026-12-02T09:00:00Z".into(),
            erased_at: None,
            identity: Some(CopyIdentity {
                name: name.into(),
                aliases: vec!["\"J.\" & co".into()],
                party: None,
                contact: Some("<a href='x'>mail</a>".into()),
                birth_date: Some("1980-01-02".into()),
                birth_place: None,
                extra: vec![],
            }),
            material: vec![CopyMaterial {
                kind: SectionKind::Motivation,
                criterion: None,
                criterion_name: None,
                original: Some("Ik ben <img src=x onerror=alert(1)>".into()),
                blinded_text: Some("Ik ben [naam]".into()),
                blinded_sha256: Some("ab".repeat(32)),
                frozen_at: Some("2026-11-01T10:00:00Z".into()),
            }],
            rounds: vec![CopyRound {
                round: 1,
                scale: Scale { min: 1, max: 5 },
                assessors: 2,
                criteria: vec![CopyCriterion {
                    id: "c".into(),
                    name: "Integriteit".into(),
                    weight: 100,
                    knockout: Some(2),
                    scores: vec![
                        CopyScore::Scored {
                            assessor: 1,
                            level: 4,
                            evidence: "<script>x</script> goed".into(),
                            reason: None,
                        },
                        CopyScore::Excluded { assessor: 2 },
                    ],
                    mean: Some(4.0),
                    below_knockout: false,
                }],
                totals: vec![
                    CopyTotal {
                        assessor: 1,
                        total: Some(75.0),
                    },
                    CopyTotal {
                        assessor: 2,
                        total: None,
                    },
                ],
                mean_total: Some(75.0),
                knocked_out: false,
            }],
            rounds_not_revealed: vec![],
            conflicts: vec![CopyConflict {
                kind: ConflictKind::Family,
                action: ConflictAction::Exclude,
                overridden: false,
            }],
            decision: None,
        }
    }

    #[test]
    fn a_script_in_any_value_stays_inert_text() {
        let html = personal_copy_html(&data("<script>alert('naam')</script>"), Lang::Nl);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<a href"), "{html}");
        assert!(!html.contains("<b>Test"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;"));
        assert!(html.contains("&quot;J.&quot; &amp; co"));
        assert!(!html.contains("http"), "nothing remote");
    }

    #[test]
    fn the_page_lists_scores_by_number_in_the_chosen_language() {
        let nl = personal_copy_html(&data("Sanne"), Lang::Nl);
        assert!(nl.contains("lang=\"nl\""));
        assert!(nl.contains("beoordelaar 1 (4)"), "{nl}");
        assert!(nl.contains("beoordelaar 2: <span class=\"muted\">uitgesloten"));
        assert!(nl.contains("gemiddeld 4,0"));
        assert!(nl.contains("familie: beoordeelde u daarom niet"));
        assert!(nl.contains("Nog geen besluit."));
        let en = personal_copy_html(&data("Sanne"), Lang::En);
        assert!(en.contains("lang=\"en\""));
        assert!(en.contains("assessor 1 (4)"), "{en}");
        assert!(en.contains("Mean weighted total 75.0"));
    }

    #[test]
    fn an_erased_candidate_reads_as_erased() {
        let mut d = data("Sanne");
        d.identity = None;
        d.material[0].original = None;
        d.erased_at = Some("2026-12-01T12:00:00Z".into());
        let html = personal_copy_html(&d, Lang::Nl);
        assert!(html.contains("Gewist: het team bewaart uw naam"));
        assert!(html.contains("<p class=\"muted\">gewist</p>"));
        assert!(!html.contains("Sanne"));
    }
}
