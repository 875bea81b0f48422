//! The comparison sheet after the reveal: the same for everyone, with cell statistics,
//! weighted totals, knockouts and the missing and excluded marked.

use super::*;

#[test]
fn after_the_reveal_everyone_sees_the_same_comparison() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 4),
        submitted(&round, &cem(), |_, _| 5),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let for_bram = comparison(view_for(&bram(), &round, &sheets).unwrap());
    for viewer in [chair(), cem(), secretary()] {
        assert_eq!(
            comparison(view_for(&viewer, &round, &sheets).unwrap()),
            for_bram
        );
    }
    let codes: Vec<_> = for_bram
        .candidates
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(codes, ["K-1", "K-2", "K-3", "K-4"]);
    let cell = &for_bram.candidates[0].cells[0];
    assert_eq!(cell.entries.len(), 3);
    assert!(matches!(
        &cell.entries[1],
        CellEntry::Scored { assessor, level: 4, evidence, .. }
            if assessor == "bram" && evidence == "bram-note-K-1-samenwerken"
    ));
}

#[test]
fn cell_statistics_flag_large_disagreement() {
    let mut round = open();
    let sheets = [
        submitted(
            &round,
            &chair(),
            |_, crit| if crit == "bestuurlijk" { 2 } else { 3 },
        ),
        submitted(&round, &bram(), |_, _| 3),
        submitted(
            &round,
            &cem(),
            |_, crit| if crit == "bestuurlijk" { 5 } else { 4 },
        ),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&bram(), &round, &sheets).unwrap());
    let row = &sheet.candidates[0];
    let bestuurlijk = row
        .cells
        .iter()
        .find(|c| c.criterion == "bestuurlijk")
        .unwrap();
    let stats = bestuurlijk.stats.unwrap();
    assert_eq!((stats.n, stats.min, stats.max, stats.spread), (3, 2, 5, 3));
    assert!((stats.mean - 10.0 / 3.0).abs() < 1e-9);
    assert!(bestuurlijk.large_disagreement);
    let communicatie = row
        .cells
        .iter()
        .find(|c| c.criterion == "communicatie")
        .unwrap();
    assert_eq!(communicatie.stats.unwrap().spread, 1);
    assert!(!communicatie.large_disagreement);
}

#[test]
fn weighted_totals_lie_on_zero_to_hundred() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 1),
        submitted(&round, &bram(), |_, _| 5),
        // samenwerken (40%) at 5, bestuurlijk (35%) at 3, communicatie (25%) at 1:
        // 40·1 + 35·0.5 + 25·0 = 57.5
        submitted(&round, &cem(), |_, crit| match crit {
            "samenwerken" => 5,
            "bestuurlijk" => 3,
            _ => 1,
        }),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&cem(), &round, &sheets).unwrap());
    let row = &sheet.candidates[2];
    let totals: Vec<_> = row.totals.iter().map(|t| t.total.unwrap()).collect();
    assert_eq!(totals[0], 0.0);
    assert_eq!(totals[1], 100.0);
    assert!((totals[2] - 57.5).abs() < 1e-9);
    assert!((row.mean_total.unwrap() - 157.5 / 3.0).abs() < 1e-9);
}

#[test]
fn knockouts_go_by_the_mean_and_warn_on_single_assessors() {
    // samenwerken has knockout 3: a mean below 3 rules out; a single score below 3 warns.
    let mut round = open();
    let level = |who: &'static str| {
        move |cand: &str, crit: &str| match (cand, crit, who) {
            ("K-1", "samenwerken", "anna") => 2, // mean (2+3+4)/3 = 3: warning
            ("K-2", "samenwerken", _) => 2,      // everyone 2: out
            ("K-3", "samenwerken", "cem") => 1,  // mean (3+3+1)/3 < 3: out
            _ => 3,
        }
    };
    let sheets = [
        submitted(&round, &chair(), level("anna")),
        submitted(&round, &bram(), |c, k| {
            if (c, k) == ("K-1", "samenwerken") {
                3
            } else {
                level("bram")(c, k)
            }
        }),
        submitted(&round, &cem(), |c, k| {
            if (c, k) == ("K-1", "samenwerken") {
                4
            } else {
                level("cem")(c, k)
            }
        }),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&chair(), &round, &sheets).unwrap());
    let samen = |i: usize| &sheet.candidates[i].cells[0];
    assert_eq!(
        samen(0).knockout,
        Knockout::Warning {
            assessors: vec!["anna".into()]
        }
    );
    assert!(!sheet.candidates[0].knocked_out);
    assert_eq!(samen(1).knockout, Knockout::Out);
    assert!(sheet.candidates[1].knocked_out);
    assert_eq!(samen(2).knockout, Knockout::Out);
    assert_eq!(samen(3).knockout, Knockout::Clear);
    assert!(!sheet.candidates[3].knocked_out);
    // No knockout level on the other criteria: never flagged, even at the bottom.
    assert_eq!(sheet.candidates[1].cells[1].knockout, Knockout::Clear);
}

#[test]
fn missing_and_excluded_assessors_are_marked_and_left_out_of_totals() {
    let mut round = Round::open(&chair(), setup(vec![exclusion("bram", "K-2")]), seed(1)).unwrap();
    let sheets = [
        submitted(&round, &chair(), |_, _| 4),
        submitted(&round, &bram(), |_, _| 2),
        filled(&round, &cem(), |_, _| 5), // never submitted
    ];
    round.close(&chair(), &sheets).unwrap();
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&cem(), &round, &sheets).unwrap());
    assert_eq!(
        sheet.assessors,
        [
            AssessorColumn {
                assessor: "anna".into(),
                submitted: true
            },
            AssessorColumn {
                assessor: "bram".into(),
                submitted: true
            },
            AssessorColumn {
                assessor: "cem".into(),
                submitted: false
            },
        ]
    );
    let k2 = &sheet.candidates[1];
    assert_eq!(k2.code, "K-2");
    assert_eq!(
        k2.cells[0].entries[1],
        CellEntry::Excluded {
            assessor: "bram".into()
        }
    );
    assert_eq!(
        k2.cells[0].entries[2],
        CellEntry::Missing {
            assessor: "cem".into()
        }
    );
    assert_eq!(k2.cells[0].stats.unwrap().n, 1);
    assert_eq!(k2.totals[1].total, None);
    assert_eq!(k2.totals[2].total, None);
    assert_eq!(k2.mean_total, Some(75.0));
    // The draft of the missing assessor shows nowhere.
    assert!(!serde_json::to_string(&sheet).unwrap().contains("cem-note"));
    // Where bram did score, the mean is over anna and bram.
    assert_eq!(sheet.candidates[0].mean_total, Some((75.0 + 25.0) / 2.0));
}
