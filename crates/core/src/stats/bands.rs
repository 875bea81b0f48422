//! Published interpretation bands, kept as data so the UI can show the source
//! next to the verdict.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;

/// One band: values from `from` (inclusive when `from_inclusive`) up to the next band's start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Band {
    /// Stable key for code and tests, e.g. `"reliable"` or `"good"`.
    pub id: String,
    /// Where the band starts; `None` for the lowest band.
    pub from: Option<f64>,
    pub from_inclusive: bool,
    pub label: Text,
}

/// A set of bands, lowest first, with the publication it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Bands {
    pub source: Text,
    pub bands: Vec<Band>,
}

impl Bands {
    /// The band `value` falls in.
    pub fn classify(&self, value: f64) -> Option<&Band> {
        self.bands.iter().rev().find(|band| match band.from {
            None => true,
            Some(from) if band.from_inclusive => value >= from,
            Some(from) => value > from,
        })
    }
}

fn band(id: &str, from: Option<f64>, from_inclusive: bool, nl: &str, en: &str) -> Band {
    Band {
        id: id.to_owned(),
        from,
        from_inclusive,
        label: Text::new(nl, en),
    }
}

/// Krippendorff's conventions: rely on data with α ≥ .800; draw only tentative
/// conclusions for .667 ≤ α < .800; below .667 the data are not reliable.
pub fn krippendorff_bands() -> Bands {
    Bands {
        source: Text::new(
            "Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2e druk), p. 241; Krippendorff (2011), Computing Krippendorff's Alpha-Reliability.",
            "Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), p. 241; Krippendorff (2011), Computing Krippendorff's Alpha-Reliability.",
        ),
        bands: vec![
            band("not_reliable", None, true, "niet betrouwbaar", "not reliable"),
            band("tentative", Some(0.667), true, "voorlopig (alleen voorzichtige conclusies)", "tentative (tentative conclusions only)"),
            band("reliable", Some(0.800), true, "betrouwbaar", "reliable"),
        ],
    }
}

/// Koo & Li (2016) for ICC: below .50 poor, .50–.75 moderate, .75–.90 good,
/// above .90 excellent. They advise judging by the 95% interval, not the point value.
pub fn icc_bands() -> Bands {
    Bands {
        source: Text::new(
            "Koo, T. K. & Li, M. Y. (2016). A Guideline of Selecting and Reporting Intraclass Correlation Coefficients for Reliability Research. Journal of Chiropractic Medicine 15(2), 155–163.",
            "Koo, T. K. & Li, M. Y. (2016). A Guideline of Selecting and Reporting Intraclass Correlation Coefficients for Reliability Research. Journal of Chiropractic Medicine 15(2), 155–163.",
        ),
        bands: vec![
            band("poor", None, true, "zwak", "poor"),
            band("moderate", Some(0.50), true, "matig", "moderate"),
            band("good", Some(0.75), true, "goed", "good"),
            band("excellent", Some(0.90), false, "uitstekend", "excellent"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_edges_follow_the_sources() {
        let k = krippendorff_bands();
        assert_eq!(k.classify(0.800).unwrap().id, "reliable");
        assert_eq!(k.classify(0.7999).unwrap().id, "tentative");
        assert_eq!(k.classify(0.667).unwrap().id, "tentative");
        assert_eq!(k.classify(0.6669).unwrap().id, "not_reliable");
        assert_eq!(k.classify(-0.5).unwrap().id, "not_reliable");
        let i = icc_bands();
        assert_eq!(i.classify(0.49).unwrap().id, "poor");
        assert_eq!(i.classify(0.50).unwrap().id, "moderate");
        assert_eq!(i.classify(0.75).unwrap().id, "good");
        assert_eq!(i.classify(0.90).unwrap().id, "good");
        assert_eq!(i.classify(0.901).unwrap().id, "excellent");
    }
}
