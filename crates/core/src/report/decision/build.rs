//! From the gathered data to the report's blocks, in the order the issue sets:
//! procedure, candidates and scores, agreement and revisions, the decision, the
//! integrity track, the log.

use super::{AllocationInput, Block, DecisionReportInput, OwnPartyInput, ReportDoc};
use crate::formation::{Allocation, AssignmentAnalysis};
use crate::i18n::Lang;
use crate::report::plots::alpha_drawing;
use crate::report::{criterion_advice, SnapshotRecord};
use crate::scoring::{CellStats, Knockout};
use crate::stats::{Estimate, RecognitionAgreement};

/// Picks the Dutch or the English text.
fn t<'a>(lang: Lang, nl: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A decimal number with the language's separator.
fn dec(lang: Lang, x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2026-12-02T09:14:03Z" as "2 december 2026"; anything else as it is.
pub(super) fn day(lang: Lang, rfc3339: &str) -> String {
    let parts: Vec<&str> = rfc3339.get(..10).unwrap_or("").split('-').collect();
    let parsed = match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d)) => Some((y.to_string(), m, d)),
            _ => None,
        },
        _ => None,
    };
    match parsed {
        Some((y, m, d)) => match lang {
            Lang::Nl => format!("{d} {} {y}", MONTHS_NL[m - 1]),
            Lang::En => format!("{d} {} {y}", MONTHS_EN[m - 1]),
        },
        None => rfc3339.to_owned(),
    }
}

/// The day and the time of an RFC 3339 moment, as the moment itself gives it (the
/// store gives local times), with its offset: "2 december 2026, 10:14 (UTC+01:00)".
pub(super) fn moment(lang: Lang, rfc3339: &str) -> String {
    let Some(hm) = rfc3339.get(11..16) else {
        return day(lang, rfc3339);
    };
    // After the seconds (and any fraction): "Z" or "+01:00".
    let zone = rfc3339
        .get(16..)
        .and_then(|rest| rest.find(['Z', 'z', '+', '-']).map(|i| &rest[i..]))
        .unwrap_or("");
    match zone {
        "" | "Z" | "z" | "+00:00" | "-00:00" => format!("{}, {hm} UTC", day(lang, rfc3339)),
        offset => format!("{}, {hm} (UTC{offset})", day(lang, rfc3339)),
    }
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn para(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

fn table(caption: impl Into<String>, header: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        caption: caption.into(),
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    }
}

fn estimate(lang: Lang, e: &Estimate) -> (String, String) {
    let value = e
        .value()
        .map_or_else(|| "—".to_owned(), |v| dec(lang, v, 2));
    let ci = e.ci95().map_or_else(
        || "—".to_owned(),
        |[lo, hi]| format!("{} – {}", dec(lang, lo, 2), dec(lang, hi, 2)),
    );
    (value, ci)
}

/// A plain reading of the overall alpha, with Krippendorff's bands (0.80, 0.67).
fn overall_reading(e: &Estimate, lang: Lang) -> &'static str {
    match e.value() {
        Some(v) if v >= 0.80 => t(
            lang,
            "De beoordelaars lazen de ankers in het algemeen hetzelfde.",
            "On the whole the assessors read the anchors alike.",
        ),
        Some(v) if v >= 0.67 => t(
            lang,
            "Dat is voorlopig: de conclusies verdienen voorzichtigheid.",
            "That is tentative: the conclusions call for caution.",
        ),
        Some(_) => t(
            lang,
            "Dat is niet betrouwbaar: de beoordelaars lazen de ankers verschillend, en kleine verschillen in de totalen zeggen weinig.",
            "That is not reliable: the assessors read the anchors differently, and small differences in the totals mean little.",
        ),
        None => t(
            lang,
            "Er waren te weinig scores om dit te meten.",
            "There were too few scores to measure this.",
        ),
    }
}

/// The report of `input`'s round in `lang`.
pub fn decision_report(input: &DecisionReportInput, lang: Lang) -> ReportDoc {
    let label = |code: &str| match input.names.get(code) {
        Some(name) => format!("{code} ({name})"),
        None => code.to_owned(),
    };
    let sheet = &input.comparison;
    let title = format!(
        "{} — {}",
        t(lang, "Besluitverslag", "Decision report"),
        input.team_name
    );
    let mut b = vec![heading(1, title.clone())];
    b.push(para(match lang {
        Lang::Nl => format!(
            "Dit verslag is op {} door Maatstaf gemaakt uit de gegevens van het team, over scoringsronde {}. Niets erin is met de hand getypt, behalve de redenen en notities die leden zelf vastlegden.",
            moment(lang, &input.generated_at),
            sheet.round
        ),
        Lang::En => format!(
            "Maatstaf made this report on {} from the team's data, about scoring round {}. Nothing in it was typed by hand, except the reasons and notes members recorded themselves.",
            moment(lang, &input.generated_at),
            sheet.round
        ),
    }));
    b.push(para(if input.names.is_empty() {
        t(
            lang,
            "Kandidaten staan in dit verslag alleen met hun code.",
            "Candidates appear in this report by their code only.",
        )
        .to_owned()
    } else {
        t(
            lang,
            "De namen achter de codes zijn na het besluit geopend; op verzoek van de functionaris staan ze in dit verslag achter de code.",
            "The names behind the codes were opened after the decision; at the officer's request they follow the code in this report.",
        )
        .to_owned()
    }));

    procedure(&mut b, input, lang);
    scores(&mut b, input, lang, &label);
    agreement(&mut b, input, lang, &label);
    decision(&mut b, input, lang, &label);
    integrity(&mut b, input, lang, &label);
    log(&mut b, input, lang);

    ReportDoc {
        lang,
        title,
        round: sheet.round,
        generated_at: input.generated_at.clone(),
        blocks: b,
    }
}

fn procedure(b: &mut Vec<Block>, input: &DecisionReportInput, lang: Lang) {
    b.push(heading(2, t(lang, "1. De procedure", "1. The procedure")));
    b.push(heading(3, t(lang, "Training", "Training")));
    let tr = &input.training;
    if tr.modules.is_empty() {
        b.push(para(t(
            lang,
            "Er zijn geen trainingsmodules gelezen.",
            "No training modules were read.",
        )));
    } else {
        b.push(table(
            t(lang, "Gelezen trainingsmodules", "Training modules read"),
            &[
                t(lang, "Module", "Module"),
                t(lang, "Gelezen door", "Read by"),
            ],
            tr.modules
                .iter()
                .map(|(title, n)| {
                    vec![
                        title.clone(),
                        match lang {
                            Lang::Nl => format!("{n} van {} leden", tr.members),
                            Lang::En => format!("{n} of {} members", tr.members),
                        },
                    ]
                })
                .collect(),
        ));
    }
    let mut items = Vec::new();
    if tr.practice_cases.is_empty() {
        items.push(
            t(
                lang,
                "Er is geen oefensessie afgerond.",
                "No practice session was finished.",
            )
            .to_owned(),
        );
    } else {
        for case in &tr.practice_cases {
            items.push(match lang {
                Lang::Nl => format!("Oefensessie afgerond met de casus ‘{case}’."),
                Lang::En => format!("Practice session finished with the case ‘{case}’."),
            });
        }
    }
    items.push(match (tr.best_agreement, tr.min_agreement) {
        (Some(best), Some(min)) => match lang {
            Lang::Nl => format!(
                "Hoogste overeenstemming in de oefening: α = {} (het minimum van de trainer: {}).",
                dec(lang, best, 2),
                dec(lang, min, 2)
            ),
            Lang::En => format!(
                "Highest agreement in practice: α = {} (the trainer's minimum: {}).",
                dec(lang, best, 2),
                dec(lang, min, 2)
            ),
        },
        (Some(best), None) => match lang {
            Lang::Nl => format!(
                "Hoogste overeenstemming in de oefening: α = {}; de trainer stelde geen minimum in.",
                dec(lang, best, 2)
            ),
            Lang::En => format!(
                "Highest agreement in practice: α = {}; the trainer set no minimum.",
                dec(lang, best, 2)
            ),
        },
        (None, _) => t(
            lang,
            "Er is geen overeenstemming in de oefening gemeten.",
            "No practice agreement was measured.",
        )
        .to_owned(),
    });
    b.push(Block::List { items });

    b.push(heading(
        3,
        t(lang, "Profiel en rubriek", "Profile and rubric"),
    ));
    let r = &input.rubric;
    b.push(table(
        t(lang, "De rubriek van de ronde", "The round's rubric"),
        &[t(lang, "Gegeven", "Item"), t(lang, "Waarde", "Value")],
        vec![
            vec![t(lang, "Rubriek", "Rubric").into(), r.title.clone()],
            vec![t(lang, "Versie", "Version").into(), r.version.to_string()],
            vec![
                t(lang, "Vastgezet op", "Frozen on").into(),
                r.frozen_at
                    .as_deref()
                    .map_or_else(|| "—".to_owned(), |at| moment(lang, at)),
            ],
            vec![
                t(lang, "Controlegetal (SHA-256)", "SHA-256").into(),
                r.sha256.clone(),
            ],
            vec![
                t(lang, "Schaal", "Scale").into(),
                format!(
                    "{} – {}",
                    input.comparison.scale.min, input.comparison.scale.max
                ),
            ],
        ],
    ));
    b.push(table(
        t(lang, "Criteria", "Criteria"),
        &[
            t(lang, "Criterium", "Criterion"),
            t(lang, "Gewicht", "Weight"),
            t(lang, "Knock-out onder", "Knock-out below"),
            t(lang, "Omschrijving", "Definition"),
        ],
        input
            .comparison
            .criteria
            .iter()
            .map(|c| {
                let definition = r
                    .definitions
                    .iter()
                    .find(|(name, _)| *name == c.name)
                    .map(|(_, d)| d.clone())
                    .unwrap_or_default();
                vec![
                    c.name.clone(),
                    weight_text(input, lang, &c.id, c.weight),
                    c.knockout.map_or_else(|| "—".to_owned(), |k| k.to_string()),
                    definition,
                ]
            })
            .collect(),
    ));
    b.push(heading(3, t(lang, "Posten", "Posts")));
    if !input.comparison.posts.is_empty() {
        b.push(para(t(
            lang,
            "De ronde scoorde deze posten, elk met een vastgezette rubriek. Wat de posten delen is één keer gescoord; het weegt per post met de gewichten van die post.",
            "The round scored these posts, each with a frozen rubric. What the posts share was scored once; it weighs per post by that post's weights.",
        )));
        if input.post_rubrics.is_empty() {
            b.push(Block::List {
                items: input
                    .comparison
                    .posts
                    .iter()
                    .map(|p| p.name.clone())
                    .collect(),
            });
        } else {
            b.push(table(
                t(
                    lang,
                    "De posten met hun rubriek",
                    "The posts with their rubric",
                ),
                &[
                    t(lang, "Post", "Post"),
                    t(lang, "Rubriek", "Rubric"),
                    t(lang, "Versie", "Version"),
                    t(lang, "Vastgezet op", "Frozen on"),
                    t(lang, "Controlegetal (SHA-256)", "SHA-256"),
                ],
                input
                    .post_rubrics
                    .iter()
                    .map(|(post, r)| {
                        vec![
                            post.clone(),
                            r.title.clone(),
                            r.version.to_string(),
                            r.frozen_at
                                .as_deref()
                                .map_or_else(|| "—".to_owned(), |at| moment(lang, at)),
                            r.sha256.clone(),
                        ]
                    })
                    .collect(),
            ));
        }
        return;
    }
    match &input.selection.decision {
        Some(d) => b.push(Block::List {
            items: d.choices.iter().map(|c| c.portfolio.clone()).collect(),
        }),
        None => b.push(para(t(
            lang,
            "De posten staan in het besluit; dat is nog niet vastgelegd.",
            "The posts are named in the decision, which is not recorded yet.",
        ))),
    }
}

fn knockout_text(lang: Lang, k: &Knockout) -> String {
    match k {
        Knockout::Clear => "—".to_owned(),
        Knockout::Warning { assessors } => match (lang, assessors.len()) {
            (Lang::Nl, 1) => "waarschuwing (1 beoordelaar eronder)".to_owned(),
            (Lang::Nl, n) => format!("waarschuwing ({n} beoordelaars eronder)"),
            (Lang::En, 1) => "warning (1 assessor below)".to_owned(),
            (Lang::En, n) => format!("warning ({n} assessors below)"),
        },
        Knockout::Out => t(lang, "afgevallen", "ruled out").to_owned(),
    }
}

fn spread_text(lang: Lang, s: &CellStats, large: bool) -> String {
    let base = s.spread.to_string();
    if large {
        format!("{base} — {}", t(lang, "groot verschil", "large difference"))
    } else {
        base
    }
}

fn scores(
    b: &mut Vec<Block>,
    input: &DecisionReportInput,
    lang: Lang,
    label: &dyn Fn(&str) -> String,
) {
    let sheet = &input.comparison;
    b.push(heading(
        2,
        t(lang, "2. Kandidaten en scores", "2. Candidates and scores"),
    ));
    let submitted = sheet.assessors.iter().filter(|a| a.submitted).count();
    b.push(para(match lang {
        Lang::Nl => format!(
            "{} kandidaten, beoordeeld door {submitted} van de {} beoordelaars in ronde {}. Elke beoordelaar scoorde eerst alleen; de scores werden pas daarna tegelijk zichtbaar.",
            sheet.candidates.len(),
            sheet.assessors.len(),
            sheet.round
        ),
        Lang::En => format!(
            "{} candidates, assessed by {submitted} of the {} assessors in round {}. Every assessor scored alone first; the scores became visible together only afterwards.",
            sheet.candidates.len(),
            sheet.assessors.len(),
            sheet.round
        ),
    }));
    if !sheet.posts.is_empty() {
        post_totals(b, input, lang, label);
    } else {
        b.push(table(
            t(
                lang,
                "Gewogen totalen (0–100, gemiddelde van de beoordelaars)",
                "Weighted totals (0–100, mean of the assessors)",
            ),
            &[
                t(lang, "Kandidaat", "Candidate"),
                t(lang, "Gewogen totaal", "Weighted total"),
                t(lang, "Knock-out", "Knock-out"),
            ],
            sheet
                .candidates
                .iter()
                .map(|c| {
                    let mut name = label(&c.code);
                    if c.withdrawn {
                        name.push_str(t(lang, " (teruggetrokken)", " (withdrawn)"));
                    }
                    vec![
                        name,
                        c.mean_total.map_or_else(|| "—".into(), |v| dec(lang, v, 1)),
                        if c.knocked_out {
                            t(lang, "afgevallen", "ruled out").to_owned()
                        } else {
                            "—".to_owned()
                        },
                    ]
                })
                .collect(),
        ));
    }
    for (i, criterion) in sheet.criteria.iter().enumerate() {
        let caption = if sheet.posts.is_empty() {
            None
        } else {
            let weights = weight_text(input, lang, &criterion.id, criterion.weight);
            Some(match (lang, criterion.knockout) {
                (Lang::Nl, Some(k)) => format!(
                    "{} (gewicht: {weights}; knock-out onder {k})",
                    criterion.name
                ),
                (Lang::Nl, None) => format!("{} (gewicht: {weights})", criterion.name),
                (Lang::En, Some(k)) => format!(
                    "{} (weight: {weights}; knock-out below {k})",
                    criterion.name
                ),
                (Lang::En, None) => format!("{} (weight: {weights})", criterion.name),
            })
        };
        let caption = caption.unwrap_or_else(|| match (lang, criterion.knockout) {
            (Lang::Nl, Some(k)) => format!(
                "{} (gewicht {} %, knock-out onder {k})",
                criterion.name, criterion.weight
            ),
            (Lang::Nl, None) => format!("{} (gewicht {} %)", criterion.name, criterion.weight),
            (Lang::En, Some(k)) => format!(
                "{} (weight {} %, knock-out below {k})",
                criterion.name, criterion.weight
            ),
            (Lang::En, None) => format!("{} (weight {} %)", criterion.name, criterion.weight),
        });
        let rows = sheet
            .candidates
            .iter()
            .filter_map(|c| {
                let cell = c.cells.get(i)?;
                Some(match &cell.stats {
                    Some(s) => vec![
                        label(&c.code),
                        dec(lang, s.mean, 1),
                        format!("{} – {}", s.min, s.max),
                        spread_text(lang, s, cell.large_disagreement),
                        s.n.to_string(),
                        knockout_text(lang, &cell.knockout),
                    ],
                    None => vec![
                        label(&c.code),
                        "—".into(),
                        "—".into(),
                        "—".into(),
                        "0".into(),
                        knockout_text(lang, &cell.knockout),
                    ],
                })
            })
            .collect();
        b.push(table(
            caption,
            &[
                t(lang, "Kandidaat", "Candidate"),
                t(lang, "Gemiddelde", "Mean"),
                t(lang, "Laagste – hoogste", "Lowest – highest"),
                t(lang, "Spreiding", "Spread"),
                t(lang, "Scores", "Scores"),
                t(lang, "Knock-out", "Knock-out"),
            ],
            rows,
        ));
    }
    if let Some(allocation) = &input.allocation {
        allocation_advice(b, input, lang, label, allocation);
    }
}

/// A criterion's weight: "20 %", or in a round with posts its weight in each post
/// that has it: "Financiën 20 %, Wonen 10 %".
fn weight_text(input: &DecisionReportInput, lang: Lang, criterion: &str, weight: u32) -> String {
    let posts = &input.comparison.posts;
    if posts.is_empty() {
        return format!("{weight} %");
    }
    let per_post: Vec<String> = posts
        .iter()
        .filter_map(|p| {
            let w = p.weights.iter().find(|w| w.criterion == criterion)?;
            Some(format!("{} {} %", p.name, w.weight))
        })
        .collect();
    if per_post.is_empty() {
        t(lang, "geen post", "no post").to_owned()
    } else {
        per_post.join(", ")
    }
}

/// The post's name for its short name (as the allocation names posts).
fn post_name(input: &DecisionReportInput, post: &str) -> String {
    input
        .comparison
        .posts
        .iter()
        .find(|p| p.post == post)
        .map_or_else(|| post.to_owned(), |p| p.name.clone())
}

/// Per post: each candidate's weighted total for that post (the mean of the
/// assessors' totals, with the lowest and highest) and whether a knock-out
/// criterion of the post ruled the candidate out for it.
fn post_totals(
    b: &mut Vec<Block>,
    input: &DecisionReportInput,
    lang: Lang,
    label: &dyn Fn(&str) -> String,
) {
    let sheet = &input.comparison;
    b.push(para(t(
        lang,
        "Een gewogen totaal hoort bij één post: de gewichten verschillen per post. Daarom volgt per post het gewogen totaal van elke kandidaat.",
        "A weighted total belongs to one post: the weights differ per post. So for each post every candidate's weighted total follows.",
    )));
    for post in &sheet.posts {
        b.push(heading(
            3,
            match lang {
                Lang::Nl => format!("Post {}", post.name),
                Lang::En => format!("Post {}", post.name),
            },
        ));
        b.push(table(
            match lang {
                Lang::Nl => format!(
                    "Gewogen totalen voor {} (0–100, gemiddelde van de beoordelaars)",
                    post.name
                ),
                Lang::En => format!(
                    "Weighted totals for {} (0–100, mean of the assessors)",
                    post.name
                ),
            },
            &[
                t(lang, "Kandidaat", "Candidate"),
                t(lang, "Gewogen totaal", "Weighted total"),
                t(lang, "Laagste – hoogste", "Lowest – highest"),
                t(lang, "Knock-out", "Knock-out"),
            ],
            post.candidates
                .iter()
                .map(|c| {
                    let mut name = label(&c.code);
                    if sheet
                        .candidates
                        .iter()
                        .any(|row| row.code == c.code && row.withdrawn)
                    {
                        name.push_str(t(lang, " (teruggetrokken)", " (withdrawn)"));
                    }
                    let given: Vec<f64> = c.totals.iter().filter_map(|t| t.total).collect();
                    let range = match (
                        given.iter().copied().reduce(f64::min),
                        given.iter().copied().reduce(f64::max),
                    ) {
                        (Some(lo), Some(hi)) => {
                            format!("{} – {}", dec(lang, lo, 1), dec(lang, hi, 1))
                        }
                        _ => "—".to_owned(),
                    };
                    vec![
                        name,
                        c.mean_total.map_or_else(|| "—".into(), |v| dec(lang, v, 1)),
                        range,
                        if c.knocked_out {
                            t(lang, "afgevallen voor deze post", "ruled out for this post")
                                .to_owned()
                        } else {
                            "—".to_owned()
                        },
                    ]
                })
                .collect(),
        ));
    }
}

/// An allocation as "Financiën: K-1, Wonen: K-2".
fn allocation_words(
    input: &DecisionReportInput,
    label: &dyn Fn(&str) -> String,
    a: &Allocation,
) -> String {
    a.pairs
        .iter()
        .map(|p| format!("{}: {}", post_name(input, &p.post), label(&p.candidate)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The allocation advice of a round with posts: the best allocation with its
/// total, the runners-up, how robust it is and which cells decide it. It advises;
/// the decision is the team's.
fn allocation_advice(
    b: &mut Vec<Block>,
    input: &DecisionReportInput,
    lang: Lang,
    label: &dyn Fn(&str) -> String,
    allocation: &AllocationInput,
) {
    b.push(heading(
        3,
        t(
            lang,
            "Advies voor de verdeling over de posten",
            "Allocation advice over the posts",
        ),
    ));
    b.push(para(t(
        lang,
        "Maatstaf zocht de verdeling van kandidaten over de posten met het hoogste totaal: elke post één kandidaat, elke kandidaat hoogstens één post, met per paar het gemiddelde gewogen totaal voor die post. Wie op een knock-outcriterium van een post afviel, komt voor die post niet in aanmerking. Maatstaf heeft dit alleen geadviseerd; het besluit is aan het team.",
        "Maatstaf looked for the allocation of candidates to posts with the highest total: one candidate per post, each candidate at most one post, every pair counting its mean weighted total for that post. A candidate ruled out on a knock-out criterion of a post does not qualify for that post. Maatstaf only advised this; the decision is the team's.",
    )));
    let a: &AssignmentAnalysis = match allocation {
        AllocationInput::Advice(a) => a,
        AllocationInput::Unavailable(reason) => {
            b.push(para(match lang {
                Lang::Nl => format!("Er is geen verdeling te adviseren: {}", reason.get(lang)),
                Lang::En => format!("No allocation can be advised: {}", reason.get(lang)),
            }));
            return;
        }
    };
    let mut rows = vec![vec![
        t(lang, "Beste verdeling", "Best allocation").to_owned(),
        allocation_words(input, label, &a.best),
        dec(lang, a.best.total, 1),
    ]];
    for (i, r) in a.runners_up.iter().enumerate() {
        rows.push(vec![
            match lang {
                Lang::Nl => format!("Alternatief {}", i + 1),
                Lang::En => format!("Runner-up {}", i + 1),
            },
            allocation_words(input, label, r),
            dec(lang, r.total, 1),
        ]);
    }
    b.push(table(
        t(
            lang,
            "De beste verdeling en de alternatieven",
            "The best allocation and the runners-up",
        ),
        &[
            t(lang, "Verdeling", "Allocation"),
            t(lang, "Kandidaat per post", "Candidate per post"),
            t(lang, "Totaal", "Total"),
        ],
        rows,
    ));
    match &a.robustness {
        Some(r) => {
            let share = |n: u32| {
                if r.resamples == 0 {
                    0.0
                } else {
                    100.0 * f64::from(n) / f64::from(r.resamples)
                }
            };
            let mut text = match lang {
                Lang::Nl => format!(
                    "Robuustheid: in {} van de {} trekkingen uit de beoordelaars (met teruglegging; {} %) is dezelfde verdeling de beste.",
                    r.same,
                    r.resamples,
                    dec(lang, share(r.same), 0)
                ),
                Lang::En => format!(
                    "Robustness: in {} of {} resamples of the assessors (with replacement; {} %) the same allocation is the best.",
                    r.same,
                    r.resamples,
                    dec(lang, share(r.same), 0)
                ),
            };
            if r.no_allocation > 0 {
                text.push_str(&match lang {
                    Lang::Nl => format!(
                        " In {} trekkingen vulde geen verdeling elke post.",
                        r.no_allocation
                    ),
                    Lang::En => format!(
                        " In {} resamples no allocation filled every post.",
                        r.no_allocation
                    ),
                });
            }
            b.push(para(text));
        }
        None => b.push(para(t(
            lang,
            "Robuustheid: niet berekend; daarvoor zijn minstens twee beoordelaars nodig.",
            "Robustness: not computed; that needs at least two assessors.",
        ))),
    }
    b.push(table(
        t(
            lang,
            "Beslissende cellen: hoeveel het beste totaal daalt zonder dit paar",
            "Decisive cells: how much the best total drops without this pair",
        ),
        &[
            t(lang, "Post", "Post"),
            t(lang, "Kandidaat", "Candidate"),
            t(lang, "Gewogen totaal", "Weighted total"),
            t(lang, "Marge", "Margin"),
            t(lang, "Behouden in trekkingen", "Kept in resamples"),
        ],
        a.decisive
            .iter()
            .map(|d| {
                let kept = a
                    .robustness
                    .as_ref()
                    .and_then(|r| {
                        r.pairs
                            .iter()
                            .find(|(c, p, _)| *c == d.candidate && *p == d.post)
                    })
                    .map_or_else(
                        || "—".to_owned(),
                        |(_, _, share)| format!("{} %", dec(lang, 100.0 * share, 0)),
                    );
                vec![
                    post_name(input, &d.post),
                    label(&d.candidate),
                    dec(lang, d.score, 1),
                    d.margin.map_or_else(
                        || {
                            t(
                                lang,
                                "zonder dit paar vult geen verdeling elke post",
                                "without this pair no allocation fills every post",
                            )
                            .to_owned()
                        },
                        |m| dec(lang, m, 1),
                    ),
                    kept,
                ]
            })
            .collect(),
    ));
}

fn agreement(
    b: &mut Vec<Block>,
    input: &DecisionReportInput,
    lang: Lang,
    label: &dyn Fn(&str) -> String,
) {
    b.push(heading(
        2,
        t(
            lang,
            "3. Overeenstemming en herzieningen",
            "3. Agreement and revisions",
        ),
    ));
    match &input.agreement {
        Some(record) => {
            let snapshot = &record.snapshot;
            b.push(para(t(
                lang,
                "Hoe gelijk de beoordelaars de ankers lazen, per criterium: Krippendorffs alfa (ordinaal) met een 95%-interval uit de bootstrap. Vanaf 0,80 is een criterium betrouwbaar, vanaf 0,67 voorlopig.",
                "How alike the assessors read the anchors, per criterion: Krippendorff's alpha (ordinal) with a 95% bootstrap interval. From 0.80 a criterion is reliable, from 0.67 tentative.",
            )));
            b.push(table(
                t(
                    lang,
                    "Overeenstemming per criterium",
                    "Agreement per criterion",
                ),
                &[
                    t(lang, "Criterium", "Criterion"),
                    "α",
                    t(lang, "95%-interval", "95% interval"),
                    t(lang, "Wat dit betekent", "What this means"),
                ],
                snapshot
                    .criteria
                    .iter()
                    .map(|c| {
                        // The snapshot knows criteria by id; the report names them.
                        let mut named = c.clone();
                        if let Some(known) = input
                            .comparison
                            .criteria
                            .iter()
                            .find(|k| k.id == c.criterion)
                        {
                            named.criterion = known.name.clone();
                        }
                        let (value, ci) = estimate(lang, &named.alpha_ordinal);
                        vec![
                            named.criterion.clone(),
                            value,
                            ci,
                            criterion_advice(&named).get(lang).to_owned(),
                        ]
                    })
                    .collect(),
            ));
            let (value, ci) = estimate(lang, &snapshot.overall.alpha_ordinal);
            b.push(para(match lang {
                Lang::Nl => format!(
                    "Over alle criteria samen: α = {value} (95%-interval {ci}). {}",
                    overall_reading(&snapshot.overall.alpha_ordinal, lang)
                ),
                Lang::En => format!(
                    "Over all criteria together: α = {value} (95% interval {ci}). {}",
                    overall_reading(&snapshot.overall.alpha_ordinal, lang)
                ),
            }));
            b.push(alpha_figure(input, record, lang));
            recognition(b, record.recognition.as_ref(), lang);
        }
        None => b.push(para(t(
            lang,
            "Voor deze ronde is geen meting van de overeenstemming vastgelegd.",
            "No agreement measurement was recorded for this round.",
        ))),
    }
    if input.selection.unblinded.is_some() {
        if let Some(own) = &input.own_party {
            own_party(b, own, lang);
        }
    }
    b.push(heading(3, t(lang, "Herziene scores", "Revised scores")));
    if input.revisions.is_empty() {
        b.push(para(t(
            lang,
            "Geen beoordelaar heeft een score herzien.",
            "No assessor revised a score.",
        )));
    } else {
        b.push(table(
            t(
                lang,
                "Elke herziening met de reden die de beoordelaar gaf",
                "Every revision with the reason the assessor gave",
            ),
            &[
                t(lang, "Ronde", "Round"),
                t(lang, "Kandidaat", "Candidate"),
                t(lang, "Criterium", "Criterion"),
                t(lang, "Van – naar", "From – to"),
                t(lang, "Reden", "Reason"),
            ],
            input
                .revisions
                .iter()
                .map(|r| {
                    let criterion = input
                        .comparison
                        .criteria
                        .iter()
                        .find(|c| c.id == r.criterion)
                        .map_or_else(|| r.criterion.clone(), |c| c.name.clone());
                    vec![
                        r.round.to_string(),
                        label(&r.candidate),
                        criterion,
                        format!("{} → {}", r.old, r.new),
                        r.reason.clone(),
                    ]
                })
                .collect(),
        ));
    }
}

fn decision(
    b: &mut Vec<Block>,
    input: &DecisionReportInput,
    lang: Lang,
    label: &dyn Fn(&str) -> String,
) {
    b.push(heading(2, t(lang, "4. Het besluit", "4. The decision")));
    match &input.selection.decision {
        Some(d) => {
            b.push(para(match lang {
                Lang::Nl => format!(
                    "Vastgelegd op {} door {}, op grond van ronde {}.",
                    moment(lang, &d.at),
                    d.recorded_by,
                    d.round
                ),
                Lang::En => format!(
                    "Recorded on {} by {}, on the basis of round {}.",
                    moment(lang, &d.at),
                    d.recorded_by,
                    d.round
                ),
            }));
            b.push(table(
                t(
                    lang,
                    "Keuze per post, met redenen",
                    "Choice per post, with reasons",
                ),
                &[
                    t(lang, "Post", "Post"),
                    t(lang, "Gekozen", "Chosen"),
                    t(lang, "Redenen", "Reasons"),
                ],
                d.choices
                    .iter()
                    .map(|c| {
                        let chosen = if c.candidates.is_empty() {
                            t(lang, "niemand", "nobody").to_owned()
                        } else {
                            c.candidates
                                .iter()
                                .map(|code| label(code))
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        vec![c.portfolio.clone(), chosen, c.reason.clone()]
                    })
                    .collect(),
            ));
        }
        None => b.push(para(t(
            lang,
            "Het besluit is nog niet vastgelegd.",
            "The decision is not recorded yet.",
        ))),
    }
    b.push(heading(3, t(lang, "Afwijkende meningen", "Dissent")));
    if input.dissents.is_empty() {
        b.push(para(t(
            lang,
            "Geen lid heeft vastgelegd het met het besluit oneens te zijn.",
            "No member recorded that they disagree with the decision.",
        )));
    } else {
        b.push(Block::List {
            items: input
                .dissents
                .iter()
                .map(|d| format!("{} ({}): {}", d.member, day(lang, &d.at), d.text))
                .collect(),
        });
    }
    b.push(heading(
        3,
        t(lang, "Het openen van de namen", "The unblinding"),
    ));
    b.push(para(match &input.selection.unblinded {
        Some(u) => match lang {
            Lang::Nl => format!(
                "De namen achter de codes zijn na het besluit geopend op {} door {}.",
                moment(lang, &u.at),
                u.by
            ),
            Lang::En => format!(
                "The names behind the codes were opened after the decision on {} by {}.",
                moment(lang, &u.at),
                u.by
            ),
        },
        None => t(
            lang,
            "De namen achter de codes zijn nog niet geopend.",
            "The names behind the codes have not been opened yet.",
        )
        .to_owned(),
    }));
}

fn integrity(
    b: &mut Vec<Block>,
    input: &DecisionReportInput,
    lang: Lang,
    label: &dyn Fn(&str) -> String,
) {
    b.push(heading(
        2,
        t(lang, "5. Het integriteitsspoor", "5. The integrity track"),
    ));
    b.push(para(t(
        lang,
        "De risicoanalyse van de burgemeester staat los van de vergelijking. Dit verslag zegt alleen of hij is gedaan, nooit wat eruit kwam.",
        "The burgemeester's risk analysis is kept apart from the comparison. This report only says whether it was done, never what it found.",
    )));
    if input.integrity.is_empty() {
        b.push(para(t(
            lang,
            "Er is nog geen kandidaat gekozen voor wie de risicoanalyse nodig is.",
            "No candidate has been chosen yet for whom the risk analysis is needed.",
        )));
    } else {
        b.push(table(
            t(
                lang,
                "Risicoanalyse per gekozen kandidaat",
                "Risk analysis per chosen candidate",
            ),
            &[
                t(lang, "Kandidaat", "Candidate"),
                t(lang, "Risicoanalyse", "Risk analysis"),
            ],
            input
                .integrity
                .iter()
                .map(|i| {
                    vec![
                        label(&i.code),
                        if i.done {
                            t(lang, "gedaan", "done")
                        } else {
                            t(lang, "niet gedaan", "not done")
                        }
                        .to_owned(),
                    ]
                })
                .collect(),
        ));
    }
}

fn log(b: &mut Vec<Block>, input: &DecisionReportInput, lang: Lang) {
    b.push(heading(2, t(lang, "6. Het logboek", "6. The log")));
    b.push(para(match &input.fingerprint {
        Some(fp) => match lang {
            Lang::Nl => format!(
                "Het logboek van het team is ondertekend met de sleutel met vingerafdruk {fp}. Met de controlecodes hieronder is dit verslag aan dat logboek te koppelen: een commissie vindt dezelfde codes in het logboek terug."
            ),
            Lang::En => format!(
                "The team's logbook is signed with the key with fingerprint {fp}. The checkpoint codes below tie this report to that logbook: a committee finds the same codes in the logbook."
            ),
        },
        None => t(
            lang,
            "Met de controlecodes hieronder is dit verslag aan het logboek van het team te koppelen.",
            "The checkpoint codes below tie this report to the team's logbook.",
        )
        .to_owned(),
    }));
    b.push(table(
        t(
            lang,
            "Controlecodes van de mijlpalen",
            "Checkpoint codes of the milestones",
        ),
        &[
            t(lang, "Mijlpaal", "Milestone"),
            t(lang, "Tijd", "Time"),
            t(lang, "Controlecode", "Checkpoint code"),
        ],
        input
            .checkpoints
            .iter()
            .map(|c| {
                vec![
                    c.label.get(lang).to_owned(),
                    moment(lang, &c.time),
                    c.code.as_str().to_owned(),
                ]
            })
            .collect(),
    ));
}

/// The app's agreement plot, criteria by name.
fn alpha_figure(input: &DecisionReportInput, record: &SnapshotRecord, lang: Lang) -> Block {
    let mut named = record.clone();
    for c in &mut named.snapshot.criteria {
        if let Some(known) = input
            .comparison
            .criteria
            .iter()
            .find(|k| k.id == c.criterion)
        {
            c.criterion = known.name.clone();
        }
    }
    let drawing = alpha_drawing(&named, None, lang);
    Block::Figure {
        caption: drawing.label.clone(),
        alt: t(
            lang,
            "Grafiek: per criterium en voor alle criteria samen een punt voor alfa met een streep voor het 95%-interval, tegen de grenzen 0,667 (voorlopig) en 0,800 (betrouwbaar). De getallen staan ook in de tabel hierboven.",
            "Chart: per criterion and for all criteria together a dot for alpha with a bar for the 95% interval, against the thresholds 0.667 (tentative) and 0.800 (reliable). The numbers are also in the table above.",
        )
        .to_owned(),
        svg: drawing.to_svg(),
        drawing,
    }
}

/// An estimate in words: the value with its interval, or why there is none.
fn estimate_words(lang: Lang, e: &Estimate, signed: bool) -> String {
    let num = |v: f64| {
        let s = dec(lang, v, 2);
        if signed && v > 0.0 {
            format!("+{s}")
        } else {
            s
        }
    };
    match (e.value(), e.ci95()) {
        (Some(v), Some([lo, hi])) => match lang {
            Lang::Nl => format!("{} (95%-interval {} tot {})", num(v), num(lo), num(hi)),
            Lang::En => format!("{} (95% interval {} to {})", num(v), num(lo), num(hi)),
        },
        (Some(v), None) => num(v),
        (None, _) => match e.reason() {
            Some(reason) => format!(
                "{}: {}",
                t(lang, "te weinig gegevens", "too little data"),
                reason.get(lang)
            ),
            None => t(lang, "te weinig gegevens", "too little data").to_owned(),
        },
    }
}

/// Agreement with and without the scores of assessors who recognised the candidate.
fn recognition(b: &mut Vec<Block>, rec: Option<&RecognitionAgreement>, lang: Lang) {
    b.push(heading(
        3,
        t(
            lang,
            "Overeenstemming en herkenning",
            "Agreement and recognition",
        ),
    ));
    let Some(rec) = rec else {
        b.push(para(t(
            lang,
            "Voor deze ronde is niet gemeten hoe de overeenstemming is zonder de scores van beoordelaars die een kandidaat herkenden.",
            "For this round the agreement without the scores of assessors who recognised a candidate was not measured.",
        )));
        return;
    };
    b.push(table(
        t(
            lang,
            "Overeenstemming (alfa, alle criteria) met en zonder herkende kandidaten",
            "Agreement (alpha, all criteria) with and without recognised candidates",
        ),
        &[
            t(lang, "Welke scores", "Which scores"),
            "α",
            t(
                lang,
                "Cellen met twee of meer scores",
                "Cells with two or more scores",
            ),
        ],
        vec![
            vec![
                t(lang, "Alle scores", "All scores").to_owned(),
                estimate_words(lang, &rec.all, false),
                rec.n_units_all.to_string(),
            ],
            vec![
                t(
                    lang,
                    "Zonder scores van beoordelaars die de kandidaat herkenden",
                    "Without scores of assessors who recognised the candidate",
                )
                .to_owned(),
                estimate_words(lang, &rec.unrecognised, false),
                rec.n_units_unrecognised.to_string(),
            ],
        ],
    ));
    let reading = if rec.recognised_scores == 0 {
        t(
            lang,
            "Niemand heeft gemeld een kandidaat te herkennen: beide getallen zijn gelijk.",
            "Nobody declared recognising a candidate: both numbers are the same.",
        )
        .to_owned()
    } else {
        let count = match lang {
            Lang::Nl if rec.recognised_scores == 1 => {
                "1 score kwam van een beoordelaar die de kandidaat herkende.".to_owned()
            }
            Lang::Nl => format!(
                "{} scores kwamen van beoordelaars die de kandidaat herkenden.",
                rec.recognised_scores
            ),
            Lang::En if rec.recognised_scores == 1 => {
                "1 score came from an assessor who recognised the candidate.".to_owned()
            }
            Lang::En => format!(
                "{} scores came from assessors who recognised the candidate.",
                rec.recognised_scores
            ),
        };
        let verdict = match (rec.all.value(), rec.unrecognised.value()) {
            (Some(a), Some(u)) if (a - u).abs() < 0.10 => t(
                lang,
                "Zonder die scores verandert de overeenstemming weinig (minder dan 0,10): niets wijst erop dat herkenning de scores kleurde.",
                "Without those scores the agreement changes little (less than 0.10): nothing suggests that recognition coloured the scores.",
            ),
            (Some(_), Some(_)) => t(
                lang,
                "Zonder die scores verandert de overeenstemming met 0,10 of meer: de anonimisering hield niet overal stand, en het is aan het team om te wegen of dat de scores kleurde.",
                "Without those scores the agreement changes by 0.10 or more: the blinding did not hold everywhere, and whether that coloured the scores is for the team to weigh.",
            ),
            _ => t(
                lang,
                "Er zijn te weinig scores om de twee getallen te vergelijken; dit zegt dus niets over het effect van herkenning.",
                "There are too few scores to compare the two numbers, so this says nothing about the effect of recognition.",
            ),
        };
        format!("{count} {verdict}")
    };
    b.push(para(reading));
}

/// Own-party leniency, measured at the unblinding: never printed before it.
fn own_party(b: &mut Vec<Block>, own: &OwnPartyInput, lang: Lang) {
    b.push(heading(
        3,
        t(lang, "Mildheid voor de eigen partij", "Own-party leniency"),
    ));
    b.push(para(match lang {
        Lang::Nl => format!(
            "Gemeten op ronde {} bij het openen van de namen, niet eerder: hoeveel niveaus beoordelaars kandidaten van hun eigen partij hoger (+) of lager (−) scoorden dan beoordelaars van andere partijen dezelfde cellen scoorden. Ligt 0 binnen het 95%-interval, dan is er geen aantoonbaar verschil.",
            own.round
        ),
        Lang::En => format!(
            "Measured on round {} when the names were opened, not before: how many levels assessors scored candidates of their own party higher (+) or lower (−) than assessors of other parties scored the same cells. When 0 lies within the 95% interval, there is no demonstrable difference.",
            own.round
        ),
    }));
    let l = &own.leniency;
    if l.parties.is_empty() && l.assessors.is_empty() {
        b.push(para(t(
            lang,
            "Te weinig gegevens: geen beoordelaar met een partij scoorde een kandidaat van die partij.",
            "Too little data: no assessor with a party scored a candidate of that party.",
        )));
        return;
    }
    let reading = |e: &Estimate| -> String {
        match (e.value(), e.ci95()) {
            (Some(_), Some([lo, _])) if lo > 0.0 => t(
                lang,
                "hoger voor de eigen partij",
                "higher for the own party",
            ),
            (Some(_), Some([_, hi])) if hi < 0.0 => t(
                lang,
                "lager voor de eigen partij",
                "lower for the own party",
            ),
            (Some(_), Some(_)) => t(
                lang,
                "geen aantoonbaar verschil",
                "no demonstrable difference",
            ),
            _ => t(lang, "te weinig gegevens", "too little data"),
        }
        .to_owned()
    };
    b.push(table(
        t(lang, "Per partij", "Per party"),
        &[
            t(lang, "Partij", "Party"),
            t(lang, "Verschil in niveaus", "Difference in levels"),
            t(lang, "Cellen", "Cells"),
            t(lang, "Wat dit betekent", "What this means"),
        ],
        l.parties
            .iter()
            .map(|p| {
                vec![
                    p.party.clone(),
                    estimate_words(lang, &p.leniency, true),
                    p.n_cells.to_string(),
                    reading(&p.leniency),
                ]
            })
            .collect(),
    ));
    b.push(table(
        t(lang, "Per beoordelaar", "Per assessor"),
        &[
            t(lang, "Beoordelaar", "Assessor"),
            t(lang, "Partij", "Party"),
            t(lang, "Verschil in niveaus", "Difference in levels"),
            t(lang, "Cellen", "Cells"),
        ],
        l.assessors
            .iter()
            .map(|a| {
                vec![
                    a.assessor.clone(),
                    a.party.clone(),
                    estimate_words(lang, &a.leniency, true),
                    a.n_cells.to_string(),
                ]
            })
            .collect(),
    ));
}
