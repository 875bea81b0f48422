//! Structure rules: what a criterion needs before two assessors can score
//! it the same way (a definition, observable indicators, behavioural
//! anchors, sane weights), and what a rubric needs as a whole.

use std::collections::{BTreeMap, HashSet};

use super::lexicon::{Kind, Lexicon};
use super::matcher::{find, tokenize};
use super::{guess_lang, Finding, Rule, Severity};
use crate::i18n::Text;
use crate::rubric::{Criterion, Rubric, MAX_WEIGHT};

pub(crate) const MIN_CRITERIA: usize = 3;
pub(crate) const MAX_CRITERIA: usize = 7;
pub(crate) const MIN_INDICATORS: usize = 2;

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn invalid_id(id: &str) -> Finding {
    Finding::new(
        Rule::InvalidId,
        Severity::Error,
        Text::new(
            format!("id \"{id}\" mag alleen kleine letters, cijfers en streepjes bevatten en niet leeg zijn: casussen en scoreformulieren verwijzen ernaar"),
            format!("id \"{id}\" must be non-empty and use only lowercase letters, digits and hyphens: cases and score sheets refer to it"),
        ),
    )
    .suggest(Text::new("Bijvoorbeeld: begrotingsinzicht of communicatie-inwoners.", "For example: budget-insight or resident-communication."))
}

/// Findings about the rubric as a whole.
pub(crate) fn rubric_findings(rubric: &Rubric) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !valid_id(&rubric.id) {
        findings.push(invalid_id(&rubric.id).at(None, "id"));
    }
    let n = rubric.criteria.len();
    if !(MIN_CRITERIA..=MAX_CRITERIA).contains(&n) {
        findings.push(
            Finding::new(
                Rule::CriteriaCount,
                // Without criteria there is nothing to score at all.
                if n == 0 { Severity::Error } else { Severity::Warning },
                Text::new(
                    format!("de rubriek heeft {n} criteria; gebruik er {MIN_CRITERIA} tot {MAX_CRITERIA}. Met minder valt de keuze op één indruk, met meer kunnen beoordelaars ze niet meer uit elkaar houden en gaat de algemene indruk alle scores kleuren"),
                    format!("the rubric has {n} criteria; use {MIN_CRITERIA} to {MAX_CRITERIA}. With fewer the choice rests on one impression; with more, assessors can no longer tell them apart and the overall impression colours every score"),
                ),
            )
            .at(None, "criteria"),
        );
    }
    let total = rubric.checked_total_weight();
    if n > 0 && total != Some(100) {
        let (nl, en) = match total {
            Some(t) => (t.to_string(), t.to_string()),
            None => (
                format!("meer dan {}", u32::MAX),
                format!("more than {}", u32::MAX),
            ),
        };
        findings.push(
            Finding::new(
                Rule::WeightsSum,
                Severity::Error,
                Text::new(
                    format!("de gewichten tellen op tot {nl} in plaats van 100, dus het gewicht van elk criterium is niet wat er staat"),
                    format!("the weights add up to {en} instead of 100, so no criterion carries the weight it says"),
                ),
            )
            .at(None, "weight")
            .suggest(Text::new(
                "Verdeel 100 punten over de criteria, bijvoorbeeld 80 over de algemene en 20 over de portefeuillecriteria.",
                "Divide 100 points over the criteria, for example 80 over the generic and 20 over the portfolio criteria.",
            )),
        );
    }
    let mut ids = HashSet::new();
    let mut names = HashSet::new();
    for c in &rubric.criteria {
        if !ids.insert(c.id.as_str()) {
            findings.push(
                Finding::new(
                    Rule::DuplicateId,
                    Severity::Error,
                    Text::new(
                        format!("id \"{}\" komt meer dan eens voor; scores zouden bij het verkeerde criterium terechtkomen", c.id),
                        format!("id \"{}\" occurs more than once; scores would end up with the wrong criterion", c.id),
                    ),
                )
                .at(Some(&c.id), "id"),
            );
        }
        let name = c.name.trim().to_lowercase();
        if !name.is_empty() && !names.insert(name) {
            findings.push(
                Finding::new(
                    Rule::DuplicateName,
                    Severity::Error,
                    Text::new(
                        format!("de naam \"{}\" komt meer dan eens voor; beoordelaars kunnen de criteria niet uit elkaar houden", c.name.trim()),
                        format!("the name \"{}\" occurs more than once; assessors cannot tell the criteria apart", c.name.trim()),
                    ),
                )
                .at(Some(&c.id), "name"),
            );
        }
    }
    findings
}

/// Findings about one criterion's structure (its words are linted elsewhere).
pub(crate) fn criterion_findings(
    rubric: &Rubric,
    c: &Criterion,
    lexicon: &Lexicon,
) -> Vec<Finding> {
    let id = Some(c.id.as_str());
    let mut findings = Vec::new();
    if !valid_id(&c.id) {
        findings.push(invalid_id(&c.id).at(id, "id"));
    }
    if c.name.trim().is_empty() {
        findings.push(
            Finding::new(
                Rule::MissingName,
                Severity::Error,
                Text::new("het criterium heeft geen naam", "the criterion has no name"),
            )
            .at(id, "name"),
        );
    }
    if c.definition.trim().is_empty() {
        findings.push(
            Finding::new(
                Rule::MissingDefinition,
                Severity::Error,
                Text::new(
                    "het criterium heeft geen definitie; zonder afgesproken betekenis vult elke beoordelaar het zelf in, en dan wint wie het meest op de beoordelaar lijkt",
                    "the criterion has no definition; without an agreed meaning each assessor fills it in for themselves, and the candidate most like the assessor wins",
                ),
            )
            .at(id, "definition")
            .suggest(Text::new(
                "Beschrijf in één zin welk gedrag in de portefeuille nodig is, bijvoorbeeld: \"Leest een programmabegroting en benoemt risico's voor de portefeuille.\"",
                "Describe in one sentence which behaviour the portfolio needs, for example: \"Reads a programme budget and names the risks for the portfolio.\"",
            )),
        );
    }
    let indicators = c.indicators.iter().filter(|i| !i.trim().is_empty()).count();
    if indicators < MIN_INDICATORS {
        findings.push(
            Finding::new(
                Rule::FewIndicators,
                Severity::Warning,
                Text::new(
                    format!("het criterium heeft te weinig waarneembare indicatoren ({indicators}); met minder dan {MIN_INDICATORS} weet een beoordelaar niet waar hij of zij op moet letten"),
                    format!("the criterion has {indicators} observable indicator(s); with fewer than {MIN_INDICATORS} an assessor does not know what to look for"),
                ),
            )
            .at(id, "indicators")
            .suggest(Text::new(
                "Schrijf 2 tot 4 dingen die u kunt zien of horen, bijvoorbeeld: \"Noemt de drie grootste posten uit een voorgelegd fragment\".",
                "Write 2 to 4 things you can see or hear, for example: \"Names the three largest items in a given extract\".",
            )),
        );
    }
    if c.evidence.as_deref().is_none_or(|e| e.trim().is_empty()) {
        findings.push(
            Finding::new(
                Rule::MissingEvidence,
                Severity::Info,
                Text::new(
                    "er staat niet bij waar het bewijs vandaan komt; spreek vooraf af of u dit toetst met een interviewvraag, een schriftelijk antwoord of een werkopdracht, zodat iedereen hetzelfde beoordeelt",
                    "the criterion does not say where the evidence comes from; agree in advance whether an interview question, a written answer or a work sample tests it, so everyone judges the same thing",
                ),
            )
            .at(id, "evidence"),
        );
    }
    if c.weight > MAX_WEIGHT {
        findings.push(
            Finding::new(
                Rule::WeightsSum,
                Severity::Error,
                Text::new(
                    format!("het gewicht {} is meer dan {MAX_WEIGHT}: één criterium kan niet meer dan het hele totaal wegen", c.weight),
                    format!("the weight {} is more than {MAX_WEIGHT}: one criterion cannot weigh more than the whole total", c.weight),
                ),
            )
            .at(id, "weight"),
        );
    }
    if c.weight == 0 {
        findings.push(
            Finding::new(
                Rule::ZeroWeight,
                Severity::Warning,
                Text::new(
                    "het gewicht is 0: dit criterium telt niet mee, maar beoordelaars besteden er wel tijd en aandacht aan",
                    "the weight is 0: this criterion does not count, yet assessors spend time and attention on it",
                ),
            )
            .at(id, "weight"),
        );
    }
    if let Some(k) = c.knockout {
        let scale = rubric.scale;
        if k <= scale.min || k > scale.max {
            findings.push(
                Finding::new(
                    Rule::KnockoutOutOfScale,
                    Severity::Error,
                    Text::new(
                        format!("knock-outniveau {k} valt buiten de schaal {}..{}: een score onder {k} is dan {} mogelijk", scale.min, scale.max, if k <= scale.min { "nooit" } else { "altijd" }),
                        format!("knockout level {k} is outside the scale {}..{}: a score below {k} is then {} possible", scale.min, scale.max, if k <= scale.min { "never" } else { "always" }),
                    ),
                )
                .at(id, "knockout")
                .suggest(Text::new(
                    format!("Kies een niveau van {} tot en met {}.", scale.min + 1, scale.max),
                    format!("Choose a level from {} up to {}.", scale.min + 1, scale.max),
                )),
            );
        }
    }
    findings.extend(anchor_findings(rubric, c, lexicon));
    findings.extend(super::anchors::off_topic(c));
    findings.extend(compound_findings(c, lexicon));
    findings
}

fn anchor_findings(rubric: &Rubric, c: &Criterion, lexicon: &Lexicon) -> Vec<Finding> {
    let id = Some(c.id.as_str());
    let scale = rubric.scale;
    let mut findings = Vec::new();
    let levels: Vec<(u8, &str)> = c
        .levels()
        .into_iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    for &(level, _) in &levels {
        if !scale.contains(level) {
            findings.push(
                Finding::new(
                    Rule::AnchorOutOfScale,
                    Severity::Error,
                    Text::new(
                        format!("anker {level} ligt buiten de schaal {}..{}; niemand kan dat niveau scoren", scale.min, scale.max),
                        format!("anchor {level} is outside the scale {}..{}; nobody can score that level", scale.min, scale.max),
                    ),
                )
                .at(id, format!("anchors.{level}")),
            );
        }
    }
    let has = |l: u8| levels.iter().any(|(level, _)| *level == l);
    let mut missing = Vec::new();
    if !has(scale.min) {
        missing.push(scale.min.to_string());
    }
    let middle = scale.middle();
    if !middle.iter().any(|&m| has(m)) {
        missing.push(
            middle
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join("/"),
        );
    }
    if !has(scale.max) {
        missing.push(scale.max.to_string());
    }
    if !missing.is_empty() {
        let list = missing.join(", ");
        findings.push(
            Finding::new(
                Rule::MissingAnchors,
                Severity::Error,
                Text::new(
                    format!("gedragsankers ontbreken voor niveau {list}; zonder ankers bij het laagste, middelste en hoogste niveau legt elke beoordelaar de lat ergens anders"),
                    format!("behavioural anchors are missing for level {list}; without anchors at the lowest, middle and highest level each assessor sets the bar somewhere else"),
                ),
            )
            .at(id, "anchors")
            .suggest(Text::new(
                "Beschrijf per niveau wat een kandidaat dan doet of zegt, bijvoorbeeld: 1 = \"Haalt geen posten of risico's uit het fragment.\"",
                "Describe for each level what a candidate then does or says, for example: 1 = \"Finds no items or risks in the extract.\"",
            )),
        );
    }
    let grades: Vec<_> = lexicon.of_kind(Kind::Grade).collect();
    let mut seen: BTreeMap<String, u8> = BTreeMap::new();
    for &(level, text) in &levels {
        let field = format!("anchors.{level}");
        if is_bare_grade(text, &grades) {
            findings.push(
                Finding::new(
                    Rule::GradeAnchor,
                    Severity::Error,
                    Text::new(
                        format!("anker {level} (\"{}\") is een cijfer in woorden, geen gedrag; wat voor de één \"goed\" is, is voor de ander \"voldoende\"", text.trim()),
                        format!("anchor {level} (\"{}\") is a grade in words, not behaviour; what is \"good\" to one assessor is \"adequate\" to another", text.trim()),
                    ),
                )
                .at(id, field.clone())
                .suggest(Text::new(
                    "Beschrijf wat u de kandidaat op dit niveau ziet doen, bijvoorbeeld: \"Noemt de posten en één risico, zonder omvang.\"",
                    "Describe what you see the candidate do at this level, for example: \"Names the items and one risk, without its size.\"",
                )),
            );
        }
        let normal = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches(['.', '!', ';'])
            .to_lowercase();
        if let Some(other) = seen.get(&normal) {
            findings.push(
                Finding::new(
                    Rule::IdenticalAnchors,
                    Severity::Error,
                    Text::new(
                        format!("anker {level} is gelijk aan anker {other}; dan kan niemand uitleggen waarom iemand het ene en niet het andere niveau krijgt"),
                        format!("anchor {level} is the same as anchor {other}; nobody can then explain why a candidate gets one level and not the other"),
                    ),
                )
                .at(id, field),
            );
        } else {
            seen.insert(normal, level);
        }
    }
    findings
}

/// An anchor made only of grade words ("Zeer goed.", "Onvoldoende") and numbers.
fn is_bare_grade(text: &str, grades: &[&super::Entry]) -> bool {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return false;
    }
    let mut covered = vec![false; tokens.len()];
    for entry in grades {
        for (s, e) in find(&entry.pattern, text, &tokens) {
            for (i, t) in tokens.iter().enumerate() {
                if t.start >= s && t.end <= e {
                    covered[i] = true;
                }
            }
        }
    }
    tokens
        .iter()
        .zip(&covered)
        .all(|(t, c)| *c || t.lower.bytes().all(|b| b.is_ascii_digit()))
}

fn compound_findings(c: &Criterion, lexicon: &Lexicon) -> Vec<Finding> {
    let id = Some(c.id.as_str());
    let mut findings = Vec::new();
    for (field, text) in [
        ("name", c.name.as_str()),
        ("definition", c.definition.as_str()),
    ] {
        let joined = joined_competencies(text, lexicon).or_else(|| {
            (field == "name")
                .then(|| joined_name(text, lexicon))
                .flatten()
        });
        if let Some(span) = joined {
            findings.push(Finding {
                span: Some(span),
                ..Finding::new(
                    Rule::CompoundCriterion,
                    Severity::Warning,
                    Text::new(
                        format!("\"{}\" voegt twee vaardigheden samen in één criterium; een kandidaat die de ene wel en de andere niet heeft, krijgt dan een middelmatige score die niets zegt", &text[span.0..span.1]),
                        format!("\"{}\" joins two abilities in one criterion; a candidate who has one but not the other gets a middling score that says nothing", &text[span.0..span.1]),
                    ),
                )
                .at(id, field)
                .suggest(Text::new(
                    "Maak er twee criteria van, elk met eigen indicatoren en ankers, of kies de vaardigheid die de portefeuille het meest nodig heeft.",
                    "Make it two criteria, each with its own indicators and anchors, or choose the ability the portfolio needs most.",
                ))
            });
        }
    }
    findings
}

/// The span from the first to the last ability when one clause joins two or
/// more abilities with "en", "and", "&", "/" or commas. Parenthesised
/// explanations do not count, and "omgang met belangen" is not an ability
/// on its own, so "Integriteit en omgang met belangen" passes.
pub(crate) fn joined_competencies(text: &str, lexicon: &Lexicon) -> Option<(usize, usize)> {
    let tokens = tokenize(text);
    let lang = guess_lang(text);
    let mut depth = 0i32;
    let mut in_parens = vec![false; text.len() + 1];
    // Separators by byte position: (is_conjunction, ends_clause).
    let mut separators: Vec<(usize, bool, bool)> = Vec::new();
    for (i, ch) in text.char_indices() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            ',' | '/' => separators.push((i, false, false)),
            '&' => separators.push((i, true, false)),
            '.' | ';' | ':' | '!' | '?' | '\n' => separators.push((i, false, true)),
            _ => {}
        }
        in_parens[i] = depth > 0;
    }
    for t in &tokens {
        if t.lower == "en" || t.lower == "and" {
            separators.push((t.start, true, false));
        }
    }
    separators.sort_by_key(|s| s.0);

    let mut hits: Vec<(usize, usize)> = lexicon
        .of_kind(Kind::Competency)
        .filter(|e| e.lang.is_none() || lang.is_none() || e.lang == lang)
        .flat_map(|e| find(&e.pattern, text, &tokens))
        .filter(|(s, _)| !in_parens[*s])
        .collect();
    hits.sort_unstable();

    // Walk the clauses; within one, count the parts that name an ability.
    let mut clause_start = 0;
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for &(pos, _, ends) in &separators {
        if ends {
            bounds.push((clause_start, pos));
            clause_start = pos + 1;
        }
    }
    bounds.push((clause_start, text.len()));
    for (start, end) in bounds {
        let seps: Vec<&(usize, bool, bool)> = separators
            .iter()
            .filter(|s| s.0 >= start && s.0 < end && !s.2 && !in_parens[s.0])
            .collect();
        if !seps.iter().any(|s| s.1) {
            continue;
        }
        let part_of = |pos: usize| seps.iter().filter(|s| s.0 < pos).count();
        let in_clause: Vec<&(usize, usize)> = hits
            .iter()
            .filter(|(s, e)| *s >= start && *e <= end)
            .collect();
        let parts: HashSet<usize> = in_clause.iter().map(|(s, _)| part_of(*s)).collect();
        if parts.len() >= 2 {
            let first = in_clause.iter().map(|h| h.0).min()?;
            let last = in_clause.iter().map(|h| h.1).max()?;
            return Some((first, last));
        }
    }
    None
}

/// Prepositions: an "en" after one of them joins the objects of one ability
/// ("Communicatie met inwoners en raad"), not two abilities.
const PREPOSITIONS: &[&str] = &[
    "met", "van", "voor", "op", "in", "aan", "bij", "onder", "over", "tussen", "naar", "binnen",
    "rond", "tegen", "with", "of", "for", "on", "to", "at", "between", "under", "about", "from",
];

/// A criterion name that joins two parts with "en", "and", "&" or "/"
/// outside brackets ("Daadkrachtig en empathisch", "Visie en strategie"):
/// a name is short, so each part names a quality of its own. Names the word
/// lists accept as one quality, with their reason, pass.
fn joined_name(name: &str, lexicon: &Lexicon) -> Option<(usize, usize)> {
    let body_end = name.find(['(', '[']).unwrap_or(name.len());
    let body = &name[..body_end];
    let tokens = tokenize(body);
    let join = tokens
        .iter()
        .position(|t| t.lower == "en" || t.lower == "and")
        .map(|i| (tokens[i].start, i))
        .or_else(|| {
            let at = body.find(['&', '/'])?;
            Some((at, tokens.iter().position(|t| t.start > at)?))
        })?;
    let (at, after) = join;
    let before: Vec<_> = tokens.iter().filter(|t| t.end <= at).collect();
    if before.is_empty()
        || after >= tokens.len()
        || before
            .iter()
            .any(|t| PREPOSITIONS.contains(&t.lower.as_str()))
    {
        return None;
    }
    let accepted = lexicon
        .of_kind(Kind::OneQuality)
        .any(|e| !find(&e.pattern, body, &tokens).is_empty());
    (!accepted).then(|| (before[0].start, tokens[tokens.len() - 1].end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{bundled_lexicon, lint};
    use crate::rubric::parse_rubric;

    const CLEAN: &str = r#"
id = "test"
title = "Testrubriek"
version = 1
scale = { min = 1, max = 5 }

[[criteria]]
id = "begroting"
name = "Begrotingsinzicht"
definition = "Leest een programmabegroting en benoemt de risico's voor de portefeuille."
weight = 40
evidence = "werkopdracht"
indicators = ["Noemt de drie grootste posten uit een voorgelegd fragment", "Benoemt een risico met de omvang ervan"]
anchors = { 1 = "Haalt geen posten of risico's uit het fragment.", 3 = "Noemt de posten en één risico, zonder omvang.", 5 = "Noemt posten, risico's met omvang en een beheersmaatregel." }

[[criteria]]
id = "uitleg"
name = "Uitleg aan inwoners"
definition = "Legt een besluit in gewone taal uit aan inwoners die het er niet mee eens zijn."
weight = 30
evidence = "rollenspel"
indicators = ["Vat de bezwaren van inwoners samen voordat het antwoord komt", "Gebruikt geen ambtelijke afkortingen"]
anchors = { 1 = "Herhaalt het besluit zonder op bezwaren in te gaan.", 3 = "Legt het besluit uit en noemt één bezwaar.", 5 = "Vat alle bezwaren samen, legt de afweging uit en zegt wat er met de bezwaren gebeurt." }

[[criteria]]
id = "regio"
name = "Regionale samenwerking"
definition = "Brengt een gemeentelijk belang in bij een regionaal overleg en sluit een afspraak met buurgemeenten."
weight = 30
evidence = "interviewvraag"
indicators = ["Noemt de regionale overleggen die de portefeuille raken", "Beschrijft een afspraak die beide gemeenten iets oplevert"]
anchors = { 1 = "Noemt geen regionaal overleg.", 3 = "Noemt het overleg maar geen afspraak.", 5 = "Beschrijft een afspraak, wat beide gemeenten ervan hebben en hoe die wordt nagekomen." }
"#;

    fn rules_for(text: &str) -> Vec<(Rule, Option<String>, Option<String>)> {
        let rubric = parse_rubric(text).unwrap();
        lint(&rubric, bundled_lexicon())
            .into_iter()
            .map(|f| (f.rule, f.criterion, f.field))
            .collect()
    }

    fn has(text: &str, rule: Rule, criterion: Option<&str>, field: &str) -> bool {
        rules_for(text)
            .iter()
            .any(|(r, c, f)| *r == rule && c.as_deref() == criterion && f.as_deref() == Some(field))
    }

    #[test]
    fn a_clean_rubric_has_no_findings() {
        assert_eq!(rules_for(CLEAN), vec![]);
    }

    #[test]
    fn missing_definition() {
        let text = CLEAN.replace("definition = \"Leest een programmabegroting en benoemt de risico's voor de portefeuille.\"\n", "");
        assert!(has(
            &text,
            Rule::MissingDefinition,
            Some("begroting"),
            "definition"
        ));
    }

    #[test]
    fn fewer_than_two_indicators() {
        let text = CLEAN.replace(", \"Gebruikt geen ambtelijke afkortingen\"", "");
        assert!(has(
            &text,
            Rule::FewIndicators,
            Some("uitleg"),
            "indicators"
        ));
    }

    #[test]
    fn missing_lowest_middle_or_highest_anchor() {
        let text = CLEAN.replace("3 = \"Noemt het overleg maar geen afspraak.\", ", "");
        assert!(has(&text, Rule::MissingAnchors, Some("regio"), "anchors"));
        let rubric = parse_rubric(&text).unwrap();
        let f = lint(&rubric, bundled_lexicon())
            .into_iter()
            .find(|f| f.rule == Rule::MissingAnchors)
            .unwrap();
        assert!(f.message.nl.contains("niveau 3"), "{}", f.message.nl);
    }

    #[test]
    fn an_even_scale_accepts_either_middle_level() {
        let text = CLEAN.replace("max = 5", "max = 4").replace("5 = ", "4 = ");
        assert!(rules_for(&text).is_empty(), "{:?}", rules_for(&text));
    }

    #[test]
    fn anchors_outside_the_scale() {
        let text = CLEAN.replace(
            "5 = \"Beschrijft een afspraak",
            "6 = \"Beschrijft een afspraak",
        );
        assert!(has(
            &text,
            Rule::AnchorOutOfScale,
            Some("regio"),
            "anchors.6"
        ));
        assert!(has(&text, Rule::MissingAnchors, Some("regio"), "anchors"));
    }

    #[test]
    fn bare_grades_are_not_anchors() {
        for grade in [
            "Uitstekend.",
            "Zeer goed",
            "5 - excellent",
            "Voldoende niveau",
            "Below expectations",
        ] {
            let text = CLEAN.replace("Noemt geen regionaal overleg.", grade);
            assert!(
                has(&text, Rule::GradeAnchor, Some("regio"), "anchors.1"),
                "{grade}"
            );
        }
        let behaviour = CLEAN.replace(
            "Noemt geen regionaal overleg.",
            "Goed: noemt twee overleggen.",
        );
        assert!(!has(
            &behaviour,
            Rule::GradeAnchor,
            Some("regio"),
            "anchors.1"
        ));
    }

    #[test]
    fn identical_anchors() {
        let text = CLEAN.replace(
            "Noemt het overleg maar geen afspraak.",
            "noemt geen  regionaal overleg",
        );
        assert!(has(
            &text,
            Rule::IdenticalAnchors,
            Some("regio"),
            "anchors.3"
        ));
    }

    #[test]
    fn weights_must_add_up_to_100() {
        let text = CLEAN.replace("weight = 40", "weight = 45");
        assert!(has(&text, Rule::WeightsSum, None, "weight"));
        let text = CLEAN.replace("weight = 40", "weight = 0").replace(
            "weight = 30\nevidence = \"rollenspel\"",
            "weight = 70\nevidence = \"rollenspel\"",
        );
        assert!(has(&text, Rule::ZeroWeight, Some("begroting"), "weight"));
        assert!(!has(&text, Rule::WeightsSum, None, "weight"));
    }

    #[test]
    fn between_three_and_seven_criteria() {
        let two = CLEAN
            .split("[[criteria]]")
            .take(3)
            .collect::<Vec<_>>()
            .join("[[criteria]]");
        assert!(has(&two, Rule::CriteriaCount, None, "criteria"));
        let mut eight = CLEAN.to_owned();
        for i in 0..5 {
            let extra = CLEAN
                .split("[[criteria]]")
                .nth(3)
                .unwrap()
                .replace("id = \"regio\"", &format!("id = \"regio-{i}\""))
                .replace(
                    "Regionale samenwerking",
                    &format!("Regionale samenwerking {i}"),
                );
            eight.push_str("[[criteria]]");
            eight.push_str(&extra);
        }
        assert!(has(&eight, Rule::CriteriaCount, None, "criteria"));

        let none = parse_rubric(CLEAN.split("[[criteria]]").next().unwrap()).unwrap();
        let findings = lint(&none, bundled_lexicon());
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (findings[0].rule, findings[0].severity),
            (Rule::CriteriaCount, Severity::Error)
        );
    }

    #[test]
    fn duplicate_ids_and_names() {
        let text = CLEAN
            .replace("id = \"uitleg\"", "id = \"begroting\"")
            .replace("Uitleg aan inwoners", "begrotingsinzicht");
        assert!(has(&text, Rule::DuplicateId, Some("begroting"), "id"));
        assert!(has(&text, Rule::DuplicateName, Some("begroting"), "name"));
    }

    #[test]
    fn knockout_must_be_a_level_that_can_rule_out() {
        for (k, bad) in [(1, true), (2, false), (5, false), (6, true)] {
            let text = CLEAN.replace("weight = 40", &format!("weight = 40\nknockout = {k}"));
            assert_eq!(
                has(
                    &text,
                    Rule::KnockoutOutOfScale,
                    Some("begroting"),
                    "knockout"
                ),
                bad,
                "knockout {k}"
            );
        }
    }

    #[test]
    fn ids_must_be_simple() {
        let text = CLEAN.replace("id = \"uitleg\"", "id = \"Uitleg aan inwoners\"");
        assert!(has(
            &text,
            Rule::InvalidId,
            Some("Uitleg aan inwoners"),
            "id"
        ));
    }

    #[test]
    fn missing_evidence_is_a_note() {
        let text = CLEAN.replace("evidence = \"rollenspel\"\n", "");
        let rubric = parse_rubric(&text).unwrap();
        let findings = lint(&rubric, bundled_lexicon());
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (findings[0].rule, findings[0].severity),
            (Rule::MissingEvidence, Severity::Info)
        );
    }

    #[test]
    fn two_abilities_in_one_criterion() {
        let lex = bundled_lexicon();
        let joined = |t: &str| joined_competencies(t, lex).map(|(s, e)| t[s..e].to_owned());
        assert_eq!(
            joined("Analytisch vermogen en overtuigingskracht").as_deref(),
            Some("Analytisch vermogen en overtuigingskracht")
        );
        assert!(joined("Leiderschap & communicatie").is_some());
        assert!(joined("Leiderschap, integriteit en visie").is_some());
        assert!(joined("Leadership and communication skills").is_some());
        assert!(joined("Toont leiderschap en zorgt voor goede communicatie.").is_some());
        // One ability, narrowed down or explained:
        assert_eq!(joined("Integriteit en omgang met belangen"), None);
        assert_eq!(joined("Communicatie met inwoners en raad"), None);
        assert_eq!(joined("Regionale oriëntatie en samenwerking"), None);
        assert_eq!(joined("Bestuurlijk vakmanschap (sturen op beleid, werken met de ambtelijke organisatie en communicatie)"), None);
        assert_eq!(
            joined("Leest een programmabegroting en benoemt risico's."),
            None
        );
        // Two abilities in different sentences are not joined:
        assert_eq!(joined("Toont leiderschap. Zorgt voor communicatie."), None);

        let text = CLEAN.replace("Uitleg aan inwoners", "Leiderschap en communicatie");
        assert!(has(&text, Rule::CompoundCriterion, Some("uitleg"), "name"));
    }

    #[test]
    fn weights_above_the_cap_or_past_u32_are_errors() {
        let huge = CLEAN.replacen("weight = 40", "weight = 4294967295", 1);
        let rubric = parse_rubric(&huge).unwrap();
        assert_eq!(rubric.checked_total_weight(), None);
        let findings = lint(&rubric, bundled_lexicon());
        let weight: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == Rule::WeightsSum)
            .map(|f| (f.criterion.as_deref(), f.severity))
            .collect();
        assert_eq!(
            weight,
            [
                (None, Severity::Error),
                (Some("begroting"), Severity::Error)
            ]
        );
    }
}
