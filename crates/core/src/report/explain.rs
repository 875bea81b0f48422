//! What each number means and what a team can do about it, in plain Dutch (and English).

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::Text;
use crate::stats::{CriterionConsistency, RaterLeniency};

use super::svg::num;

/// One number of the consistency view, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Explanation {
    /// Stable key: `alpha`, `interval`, `overall`, `icc`, `leniency`, `halo`, `hotspots`, `trend`.
    pub id: String,
    pub title: Text,
    pub meaning: Text,
    pub action: Text,
    pub source: Option<Text>,
}

fn explanation(
    id: &str,
    title: Text,
    meaning: Text,
    action: Text,
    source: Option<Text>,
) -> Explanation {
    Explanation {
        id: id.to_owned(),
        title,
        meaning,
        action,
        source,
    }
}

const KRIPPENDORFF: &str =
    "Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, p. 241.";

pub fn explanations() -> Vec<Explanation> {
    vec![
        explanation(
            "alpha",
            Text::new("Overeenstemming per criterium (alfa)", "Agreement per criterion (alpha)"),
            Text::new(
                "Krippendorffs alfa zegt hoe eensgezind de beoordelaars dezelfde kandidaat op dit criterium scoren, gecorrigeerd voor toeval. 1 is volledige overeenstemming, 0 is niet beter dan willekeurig scoren. Vanaf 0,800 kunt u op de scores bouwen; tussen 0,667 en 0,800 alleen voorzichtig; daaronder zijn ze niet betrouwbaar.",
                "Krippendorff's alpha tells how alike the assessors score the same candidate on this criterion, corrected for chance. 1 is full agreement, 0 is no better than scoring at random. From 0.800 you may build on the scores; between 0.667 and 0.800 only cautiously; below that they are not reliable.",
            ),
            Text::new(
                "Ligt een criterium onder 0,667, dan lezen de beoordelaars de gedragsankers verschillend. Herkalibreer: neem samen één kandidaat door, lees per niveau het anker hardop, spreek af welk gedrag bij welk niveau hoort, scherp zo nodig het anker aan (een nieuwe versie van het beoordelingskader) en scoor opnieuw.",
                "If a criterion lies below 0.667, the assessors read its behavioural anchors differently. Recalibrate: go through one candidate together, read each level's anchor aloud, agree which behaviour belongs to which level, sharpen the anchor if needed (a new rubric version) and score again.",
            ),
            Some(Text::new(KRIPPENDORFF, KRIPPENDORFF)),
        ),
        explanation(
            "interval",
            Text::new("De streep: het 95%-interval", "The bar: the 95% interval"),
            Text::new(
                "De streep rond de stip laat zien hoe zeker het getal is (bootstrap, 1000 trekkingen). Met weinig kandidaten is de streep breed: het echte getal kan dan flink hoger of lager liggen. Kijk vooral naar de ondergrens.",
                "The bar around the dot shows how certain the number is (bootstrap, 1,000 resamples). With few candidates the bar is wide: the true value may lie well above or below. Look above all at the lower end.",
            ),
            Text::new(
                "Een brede streep is geen oordeel over het team maar over de hoeveelheid gegevens. Trek er geen harde conclusies uit; een oefenronde met een casus geeft extra gegevens.",
                "A wide bar is not a verdict on the team but on the amount of data. Draw no firm conclusions from it; a practice round on a case adds data.",
            ),
            None,
        ),
        explanation(
            "icc",
            Text::new("ICC(2,1) en ICC(2,k)", "ICC(2,1) and ICC(2,k)"),
            Text::new(
                "De intraklassecorrelatie zegt hoeveel van de verschillen tussen scores echte verschillen tussen kandidaten zijn. ICC(2,1) geldt voor één beoordelaar, ICC(2,k) voor het gemiddelde van het hele team. Onder 0,50 zwak, 0,50–0,75 matig, 0,75–0,90 goed, boven 0,90 uitstekend.",
                "The intraclass correlation tells how much of the differences between scores are real differences between candidates. ICC(2,1) holds for one assessor, ICC(2,k) for the mean of the whole team. Below 0.50 poor, 0.50–0.75 moderate, 0.75–0.90 good, above 0.90 excellent.",
            ),
            Text::new(
                "Is ICC(2,k) goed maar ICC(2,1) zwak, vertrouw dan op het gemiddelde van het team en niet op één beoordelaar.",
                "If ICC(2,k) is good but ICC(2,1) poor, rely on the team's mean and not on a single assessor.",
            ),
            Some(Text::new(
                "Koo & Li (2016), Journal of Chiropractic Medicine 15(2), 155–163.",
                "Koo & Li (2016), Journal of Chiropractic Medicine 15(2), 155–163.",
            )),
        ),
        explanation(
            "leniency",
            Text::new("Mildheid per beoordelaar", "Leniency per assessor"),
            Text::new(
                "Hoeveel schaalpunten iemand gemiddeld hoger (+) of lager (−) scoort dan de anderen op dezelfde cellen. n is het aantal cellen dat die beoordelaar met anderen deelt. Binnen een halve punt is gewoon verschil.",
                "How many scale points someone scores on average above (+) or below (−) the others on the same cells. n is the number of cells that assessor shares with others. Within half a point is ordinary difference.",
            ),
            Text::new(
                "Ligt iemand stelselmatig hoger of lager (en raakt de streep nul niet), bespreek dan samen wat een 3 en een 4 betekent. Niemand past een score aan zonder nieuw argument; het gaat om dezelfde maat, niet om dezelfde mening.",
                "If someone lies consistently higher or lower (and the bar does not touch zero), discuss together what a 3 and a 4 mean. Nobody changes a score without a new argument; the aim is the same yardstick, not the same opinion.",
            ),
            None,
        ),
        explanation(
            "halo",
            Text::new("Halo", "Halo"),
            Text::new(
                "Positief: deze beoordelaar geeft een kandidaat op verschillende criteria meer dezelfde score dan de anderen doen. Dat is het teken van één algemene indruk die alle criteria kleurt.",
                "Positive: this assessor gives a candidate more alike scores across criteria than the others do. That is the signature of one overall impression colouring every criterion.",
            ),
            Text::new(
                "Scoor criterium voor criterium over alle kandidaten heen (eerst iedereen op criterium 1, dan op 2), in plaats van kandidaat voor kandidaat.",
                "Score criterion by criterion across all candidates (everyone on criterion 1, then on 2), instead of candidate by candidate.",
            ),
            Some(Text::new(
                "Thorndike, E. L. (1920). A constant error in psychological ratings. Journal of Applied Psychology 4, 25–29.",
                "Thorndike, E. L. (1920). A constant error in psychological ratings. Journal of Applied Psychology 4, 25–29.",
            )),
        ),
        explanation(
            "hotspots",
            Text::new("Brandhaarden", "Hotspots"),
            Text::new(
                "Cellen van het vergelijkingsblad waar de beoordelaars twee of meer niveaus uit elkaar liggen. Een gemiddelde verstopt zo'n verschil.",
                "Cells of the comparison sheet where the assessors are two or more levels apart. An average hides such a difference.",
            ),
            Text::new(
                "Bespreek deze cellen eerst: laat ieder het bewijs uit de notities noemen, niet het oordeel. Verandert iemand daarna een score, dan legt Maatstaf de reden vast.",
                "Discuss these cells first: let everyone name the evidence from their notes, not their verdict. If someone then changes a score, Maatstaf records the reason.",
            ),
            None,
        ),
        explanation(
            "trend",
            Text::new("Verloop over de rondes", "Trend over the rounds"),
            Text::new(
                "De overeenstemming per ronde. Oefensessies (een andere casus, vaak met andere mensen) staan links apart op een grijze band, als losse vierkantjes; alleen de echte rondes zijn met een lijn verbonden. Een ronde na de bespreking laat zien wat het gesprek met de overeenstemming deed.",
                "Agreement per round. Practice sessions (another case, often other people) stand apart on the left on a grey band, as loose squares; only live rounds are joined by a line. A round after the discussion shows what the discussion did to agreement.",
            ),
            Text::new(
                "Stijgt de overeenstemming na een bespreking, dan leest het team de ankers nu gelijker. Daalt ze, kijk dan of een anker of een kandidaat het gesprek domineerde.",
                "If agreement rises after a discussion, you now read the anchors more alike. If it falls, check whether one anchor or one candidate dominated the talk.",
            ),
            None,
        ),
    ]
}

/// The verdict on one criterion and what to do, in a sentence or two.
pub fn criterion_advice(c: &CriterionConsistency) -> Text {
    let name = &c.criterion;
    let Some(v) = c.alpha_ordinal.value() else {
        let reason = c
            .alpha_ordinal
            .reason()
            .cloned()
            .unwrap_or_else(|| Text::new("", ""));
        return Text::new(
            format!(
                "{name}: geen alfa. {} Er zijn meer kandidaten of beoordelaars nodig.",
                reason.nl
            ),
            format!(
                "{name}: no alpha. {} More candidates or assessors are needed.",
                reason.en
            ),
        );
    };
    let (vn, ve) = (num(v, crate::i18n::Lang::Nl), num(v, crate::i18n::Lang::En));
    let mut text = match c.alpha_band.as_deref() {
        Some("reliable") => Text::new(
            format!("{name}: betrouwbaar (α = {vn}). De beoordelaars lezen de ankers hetzelfde."),
            format!("{name}: reliable (α = {ve}). The assessors read the anchors alike."),
        ),
        Some("tentative") => Text::new(
            format!("{name}: voorlopig (α = {vn}). Trek alleen voorzichtige conclusies en bespreek eerst de cellen met de grootste verschillen."),
            format!("{name}: tentative (α = {ve}). Draw only cautious conclusions and discuss the cells with the largest differences first."),
        ),
        _ => Text::new(
            format!("{name}: niet betrouwbaar (α = {vn}). De ankers van dit criterium worden verschillend gelezen: herkalibreer met een voorbeeldkandidaat en scoor opnieuw."),
            format!("{name}: not reliable (α = {ve}). The anchors of this criterion are read differently: recalibrate on an example candidate and score again."),
        ),
    };
    if let Some([lo, hi]) = c.alpha_ordinal.ci95().filter(|[lo, hi]| hi - lo > 0.5) {
        let n = c.n_units;
        text.nl.push_str(&format!(
            " Het interval is breed ({} tot {}): met {n} kandidaten zegt dit getal nog weinig.",
            num(lo, crate::i18n::Lang::Nl),
            num(hi, crate::i18n::Lang::Nl)
        ));
        text.en.push_str(&format!(
            " The interval is wide ({} to {}): with {n} candidates this number says little yet.",
            num(lo, crate::i18n::Lang::En),
            num(hi, crate::i18n::Lang::En)
        ));
    }
    text
}

/// A sentence for an assessor who scores consistently higher or lower than the rest;
/// `None` when the difference is within half a point or not clearly away from zero.
pub fn leniency_advice(r: &RaterLeniency) -> Option<Text> {
    let v = r.leniency.value()?;
    let [lo, hi] = r.leniency.ci95()?;
    if v.abs() < 0.5 || (lo <= 0.0 && hi >= 0.0) {
        return None;
    }
    let (vn, ve) = (
        num(v.abs(), crate::i18n::Lang::Nl),
        num(v.abs(), crate::i18n::Lang::En),
    );
    let name = &r.rater;
    Some(if v > 0.0 {
        Text::new(
            format!("{name} scoort stelselmatig hoger dan de anderen (gemiddeld {vn} punt, over {} cellen). Bespreek samen wat de niveaus betekenen.", r.n_cells),
            format!("{name} scores consistently higher than the others ({ve} points on average, over {} cells). Discuss together what the levels mean.", r.n_cells),
        )
    } else {
        Text::new(
            format!("{name} scoort stelselmatig lager dan de anderen (gemiddeld {vn} punt, over {} cellen). Bespreek samen wat de niveaus betekenen.", r.n_cells),
            format!("{name} scores consistently lower than the others ({ve} points on average, over {} cells). Discuss together what the levels mean.", r.n_cells),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::record::tests::record;
    use super::*;

    #[test]
    fn every_explanation_says_what_to_do_in_both_languages() {
        let all = explanations();
        assert!(all.len() >= 6);
        for e in &all {
            assert!(!e.title.nl.is_empty() && !e.title.en.is_empty());
            for t in [&e.meaning, &e.action] {
                assert!(
                    !t.nl.is_empty() && !t.en.is_empty() && t.nl != t.en,
                    "{}",
                    e.id
                );
            }
        }
        let alpha = all.iter().find(|e| e.id == "alpha").unwrap();
        assert!(alpha.meaning.nl.contains("0,800") && alpha.action.nl.contains("Herkalibreer"));
    }

    #[test]
    fn a_criterion_read_differently_gets_the_advice_to_recalibrate() {
        let r = record(1);
        let integrity = r
            .snapshot
            .criteria
            .iter()
            .find(|c| c.criterion == "Integriteit")
            .unwrap();
        assert_eq!(integrity.alpha_band.as_deref(), Some("not_reliable"));
        let advice = criterion_advice(integrity);
        assert!(
            advice.nl.starts_with("Integriteit: niet betrouwbaar"),
            "{}",
            advice.nl
        );
        assert!(advice.nl.contains("herkalibreer"), "{}", advice.nl);
    }

    #[test]
    fn only_the_assessor_who_stands_out_gets_a_leniency_note() {
        let r = record(2);
        let notes: Vec<Text> = r
            .snapshot
            .leniency
            .iter()
            .filter_map(leniency_advice)
            .collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0]
            .nl
            .starts_with("Marloes Kuipers scoort stelselmatig hoger"));
    }
}
