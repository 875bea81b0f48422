//! `maatstaf stats`: inter-rater agreement for a CSV of ratings.
//!
//! The CSV has a header row; the first column is the unit id, every other
//! column one rater (the header holds the rater ids); an empty cell is a
//! missing rating. Values are numbers, or any labels at `--level nominal`.
//! A file whose first line has semicolons and no commas is read with `;` as
//! separator (as Dutch spreadsheets save it); there a decimal comma is accepted.
//!
//! An optional last column headed `recognised` (or `herkend`) lists, per unit, the
//! raters who recognised the candidate, separated by `|`. Alpha is then reported a
//! second time without those ratings, to show whether blinding held.
//!
//! The default level is ordinal: rubric levels are ordered, but the distance
//! between "2" and "3" need not equal that between "4" and "5".

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use maatstaf_core::i18n::Text;
use maatstaf_core::stats::{
    cohen_kappa, fleiss_kappa, gwet_ac, icc, icc_bands, krippendorff_alpha,
    krippendorff_alpha_bootstrap, krippendorff_bands, percent_agreement, reasons, Bands, Estimate,
    Level, RatingMatrix, Weights,
};
use serde_json::{json, Map, Value};

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// CSV: header row, first column the unit id, then one column per rater; empty cell = missing
    pub file: PathBuf,
    /// Level of measurement for Krippendorff's alpha (default: ordinal, the level of rubric scores)
    #[arg(long, default_value = "ordinal", value_parser = parse_level)]
    pub level: Level,
    /// The scale at numeric levels, e.g. 1..5: values outside it are refused; the kappa and AC weights count steps over it
    /// (default: lowest to highest value in the file)
    #[arg(long, value_parser = parse_scale, value_name = "MIN..MAX")]
    pub scale: Option<(f64, f64)>,
    /// Bootstrap resamples for alpha's 95% interval (Krippendorff's algorithm; at least 20)
    #[arg(long, value_parser = clap::value_parser!(u32).range(20..), value_name = "N")]
    pub bootstrap: Option<u32>,
    /// Seed for the bootstrap: the same seed gives the same interval
    #[arg(long, default_value_t = 0, value_name = "S")]
    pub seed: u64,
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
}

fn parse_level(s: &str) -> Result<Level, String> {
    Level::parse(s)
        .ok_or_else(|| format!("expected nominal, ordinal, interval or ratio, not {s:?}"))
}

fn parse_scale(s: &str) -> Result<(f64, f64), String> {
    let err = || format!("expected MIN..MAX with MIN < MAX, e.g. 1..5, not {s:?}");
    let (lo, hi) = s.split_once("..").ok_or_else(err)?;
    let lo: f64 = lo.trim().parse().map_err(|_| err())?;
    let hi: f64 = hi.trim().parse().map_err(|_| err())?;
    if lo.is_finite() && hi.is_finite() && lo < hi {
        Ok((lo, hi))
    } else {
        Err(err())
    }
}

/// The file as a matrix, with what the report needs to know about it.
struct Data {
    matrix: RatingMatrix,
    /// With a recognition column: the matrix without recognised ratings, and how
    /// many ratings were left out.
    unrecognised: Option<(RatingMatrix, usize)>,
    n_units: usize,
    n_raters: usize,
    /// Lowest and highest value (numeric levels), for the default weight range.
    range: Option<(f64, f64)>,
}

/// Headers of the optional last column that lists who recognised the candidate.
const RECOGNITION_HEADERS: [&str; 3] = ["recognised", "recognized", "herkend"];

/// A problem in the file, in both languages.
struct Invalid(Text);

fn at(line: u64, column: usize, rater: &str, nl: String, en: String) -> Invalid {
    Invalid(Text::new(
        format!("regel {line}, kolom {column} (beoordelaar {rater:?}): {nl}"),
        format!("line {line}, column {column} (rater {rater:?}): {en}"),
    ))
}

fn read(bytes: &[u8], args: &StatsArgs) -> Result<Data, Invalid> {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let semicolon = first_line.contains(&b';') && !first_line.contains(&b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(if semicolon { b';' } else { b',' })
        .from_reader(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(csv_error(&e)),
        None => {
            return Err(Invalid(Text::new(
                "het bestand is leeg",
                "the file is empty",
            )))
        }
    };
    let recognition = header
        .iter()
        .next_back()
        .is_some_and(|h| RECOGNITION_HEADERS.contains(&h.to_lowercase().as_str()));
    let width = header.len();
    let rater_columns = width - usize::from(recognition);
    if rater_columns < 2 {
        return Err(Invalid(Text::new(
            "geen beoordelaars: de kopregel moet na de kolom met eenheden minstens één kolom per beoordelaar hebben",
            "no raters: after the unit column the header needs at least one column per rater",
        )));
    }
    let raters: Vec<String> = header
        .iter()
        .take(rater_columns)
        .skip(1)
        .map(str::to_owned)
        .collect();
    let mut seen = HashMap::new();
    for (i, r) in raters.iter().enumerate() {
        let column = i + 2;
        if r.is_empty() {
            return Err(Invalid(Text::new(
                format!("regel 1, kolom {column}: de beoordelaar heeft geen naam"),
                format!("line 1, column {column}: the rater has no name"),
            )));
        }
        if let Some(first) = seen.insert(r.as_str(), column) {
            return Err(Invalid(Text::new(
                format!("regel 1, kolom {column}: beoordelaar {r:?} staat ook in kolom {first}"),
                format!("line 1, column {column}: rater {r:?} also heads column {first}"),
            )));
        }
    }

    let mut labels: HashMap<String, f64> = HashMap::new();
    let mut rows = Vec::new();
    let mut masked_rows = Vec::new();
    let mut left_out = 0;
    let mut range: Option<(f64, f64)> = None;
    for record in records {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != header.len() {
            return Err(Invalid(Text::new(
                format!(
                    "regel {line}: {} velden, verwacht {} (zoals de kopregel)",
                    record.len(),
                    header.len()
                ),
                format!(
                    "line {line}: {} fields, expected {} (as in the header)",
                    record.len(),
                    header.len()
                ),
            )));
        }
        let recognised: Vec<usize> = if recognition {
            let cell = &record[width - 1];
            let mut out = Vec::new();
            for name in cell.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                let Some(i) = raters.iter().position(|r| r == name) else {
                    return Err(Invalid(Text::new(
                        format!("regel {line}, kolom {width}: {name:?} is geen beoordelaar uit de kopregel"),
                        format!("line {line}, column {width}: {name:?} is not a rater of the header"),
                    )));
                };
                out.push(i);
            }
            out
        } else {
            Vec::new()
        };
        let mut row = Vec::with_capacity(raters.len());
        for (i, cell) in record.iter().take(rater_columns).skip(1).enumerate() {
            let (column, rater) = (i + 2, raters[i].as_str());
            if cell.is_empty() {
                row.push(None);
                continue;
            }
            let value = if args.level == Level::Nominal {
                let next = labels.len() as f64;
                *labels.entry(cell.to_owned()).or_insert(next)
            } else {
                let text = if semicolon {
                    cell.replacen(',', ".", 1)
                } else {
                    cell.to_owned()
                };
                match text.parse::<f64>() {
                    Ok(v) if v.is_finite() => v,
                    _ => {
                        return Err(at(
                            line,
                            column,
                            rater,
                            format!("{cell:?} is geen getal (op niveau {})", args.level.as_str()),
                            format!(
                                "{cell:?} is not a number (at level {})",
                                args.level.as_str()
                            ),
                        ))
                    }
                }
            };
            if args.level != Level::Nominal {
                if let Some((lo, hi)) = args.scale {
                    if value < lo || value > hi {
                        return Err(at(
                            line,
                            column,
                            rater,
                            format!("{value} ligt buiten de schaal {lo}..{hi}"),
                            format!("{value} lies outside the scale {lo}..{hi}"),
                        ));
                    }
                }
                if args.level == Level::Ratio && value < 0.0 {
                    return Err(at(
                        line,
                        column,
                        rater,
                        format!(
                            "{value} is negatief; het ratio-niveau vraagt waarden van nul of hoger"
                        ),
                        format!(
                            "{value} is negative; the ratio level needs values of zero or more"
                        ),
                    ));
                }
                range =
                    Some(range.map_or((value, value), |(lo, hi)| (lo.min(value), hi.max(value))));
            }
            row.push(Some(value));
        }
        if recognition {
            let masked: Vec<Option<f64>> = row
                .iter()
                .enumerate()
                .map(|(i, v)| if recognised.contains(&i) { None } else { *v })
                .collect();
            left_out += row.iter().filter(|v| v.is_some()).count()
                - masked.iter().filter(|v| v.is_some()).count();
            masked_rows.push(masked);
        }
        rows.push(row);
    }
    let n_units = rows.len();
    let to_matrix = |rows: &[Vec<Option<f64>>]| {
        if rows.is_empty() {
            RatingMatrix::new(0, raters.len())
        } else {
            RatingMatrix::from_rows(rows).expect("rows are rectangular and finite")
        }
    };
    Ok(Data {
        matrix: to_matrix(&rows),
        unrecognised: recognition.then(|| (to_matrix(&masked_rows), left_out)),
        n_units,
        n_raters: raters.len(),
        range,
    })
}

fn csv_error(e: &csv::Error) -> Invalid {
    let line = e
        .position()
        .map_or(String::new(), |p| format!("{}: ", p.line()));
    Invalid(Text::new(
        format!("regel {line}{e}"),
        format!("line {line}{e}"),
    ))
}

/// Every coefficient, by its JSON name, with the reason when it has no value.
struct Report {
    alpha: Estimate,
    /// Alpha without recognised ratings, when the file has a recognition column.
    alpha_unrecognised: Option<Estimate>,
    icc: Vec<(&'static str, Estimate)>,
    icc_n_units: usize,
    fleiss: Estimate,
    fleiss_n_units: usize,
    pairwise: Estimate,
    ac1: Estimate,
    /// `Err` when the file does not have exactly two raters.
    cohen: Result<[(&'static str, Estimate); 3], Text>,
}

fn compute(data: &Data, args: &StatsArgs) -> Report {
    let m = &data.matrix;
    let alpha_of = |m: &RatingMatrix| match args.bootstrap {
        Some(n) => krippendorff_alpha_bootstrap(m, args.level, n as usize, args.seed),
        None => krippendorff_alpha(m, args.level),
    };
    let alpha = alpha_of(m);
    let alpha_unrecognised = data.unrecognised.as_ref().map(|(u, _)| alpha_of(u));
    let numeric = args.level != Level::Nominal;
    let table = icc(m);
    let icc = vec![
        ("ICC1", table.icc1),
        ("ICC2", table.icc2),
        ("ICC3", table.icc3),
        ("ICC1k", table.icc1k),
        ("ICC2k", table.icc2k),
        ("ICC3k", table.icc3k),
    ]
    .into_iter()
    .map(|(k, e)| {
        (
            k,
            if numeric {
                e
            } else {
                Estimate::TooLittleData {
                    reason: reasons::needs_numbers(),
                }
            },
        )
    })
    .collect();
    let fleiss = fleiss_kappa(m);
    // Gwet's chance agreement depends on how many categories there are: with
    // an integer --scale that is every level of it, used or not.
    let categories: Option<Vec<f64>> = match args.scale {
        Some((lo, hi))
            if numeric && lo.fract() == 0.0 && hi.fract() == 0.0 && hi - lo <= 1000.0 =>
        {
            Some((lo as i64..=hi as i64).map(|v| v as f64).collect())
        }
        _ => None,
    };
    let ac1 = gwet_ac(m, Weights::Unweighted, categories.as_deref());
    let cohen = if data.n_raters == 2 {
        let range = args.scale.or(data.range);
        let weighted = |w| {
            if numeric {
                cohen_kappa(m, 0, 1, w, range)
            } else {
                Estimate::TooLittleData {
                    reason: reasons::weights_need_order(),
                }
            }
        };
        Ok([
            (
                "unweighted",
                cohen_kappa(m, 0, 1, Weights::Unweighted, range),
            ),
            ("linear", weighted(Weights::Linear)),
            ("quadratic", weighted(Weights::Quadratic)),
        ])
    } else {
        Err(reasons::exactly_two_raters(data.n_raters))
    };
    Report {
        alpha,
        alpha_unrecognised,
        icc,
        icc_n_units: table.n_units,
        fleiss: fleiss.estimate,
        fleiss_n_units: fleiss.n_units,
        pairwise: percent_agreement(m),
        ac1,
        cohen,
    }
}

fn note(notes: &mut Map<String, Value>, key: &str, reason: &Text) {
    notes.insert(key.to_owned(), json!({ "nl": reason.nl, "en": reason.en }));
}

/// `{"value", "ci95"}` or null (with a note).
fn with_ci(e: &Estimate, key: &str, notes: &mut Map<String, Value>) -> Value {
    match e {
        Estimate::Value { value, ci95 } => json!({ "value": value, "ci95": ci95 }),
        Estimate::TooLittleData { reason } => {
            note(notes, key, reason);
            Value::Null
        }
    }
}

/// A bare number or null (with a note).
fn number(e: &Estimate, key: &str, notes: &mut Map<String, Value>) -> Value {
    match e {
        Estimate::Value { value, .. } => json!(value),
        Estimate::TooLittleData { reason } => {
            note(notes, key, reason);
            Value::Null
        }
    }
}

fn to_json(data: &Data, args: &StatsArgs, r: &Report) -> Value {
    let mut notes = Map::new();
    let alpha = with_ci(&r.alpha, "krippendorff_alpha", &mut notes);
    let unrecognised = r
        .alpha_unrecognised
        .as_ref()
        .map(|e| with_ci(e, "krippendorff_alpha_unrecognised", &mut notes));
    let icc: Map<String, Value> = r
        .icc
        .iter()
        .map(|(k, e)| ((*k).to_owned(), with_ci(e, k, &mut notes)))
        .collect();
    let fleiss = number(&r.fleiss, "fleiss_kappa", &mut notes);
    let pairwise = number(&r.pairwise, "pairwise_agreement", &mut notes);
    let ac1 = number(&r.ac1, "gwet_ac1", &mut notes);
    let cohen = match &r.cohen {
        Ok(kinds) => Value::Object(
            kinds
                .iter()
                .map(|(k, e)| {
                    (
                        (*k).to_owned(),
                        number(e, &format!("cohen_kappa.{k}"), &mut notes),
                    )
                })
                .collect(),
        ),
        Err(reason) => {
            note(&mut notes, "cohen_kappa", reason);
            Value::Null
        }
    };
    let mut out = json!({
        "level": args.level.as_str(),
        "n_units": data.n_units,
        "n_raters": data.n_raters,
        "krippendorff_alpha": alpha,
        "bootstrap": args.bootstrap,
        "seed": args.seed,
        "icc": icc,
        "icc_n_units": r.icc_n_units,
        "fleiss_kappa": fleiss,
        "fleiss_n_units": r.fleiss_n_units,
        "pairwise_agreement": pairwise,
        "gwet_ac1": ac1,
        "cohen_kappa": cohen,
    });
    if let (Some(alpha), Some((_, left_out))) = (unrecognised, &data.unrecognised) {
        out["krippendorff_alpha_unrecognised"] = alpha;
        out["recognised_ratings"] = json!(left_out);
    }
    out["notes"] = Value::Object(notes);
    out
}

fn level_nl(level: Level) -> &'static str {
    match level {
        Level::Nominal => "nominaal",
        Level::Ordinal => "ordinaal",
        Level::Interval => "interval",
        Level::Ratio => "ratio",
    }
}

fn table(data: &Data, args: &StatsArgs, r: &Report) -> String {
    let (kb, ib) = (krippendorff_bands(), icc_bands());
    let mut rows: Vec<(String, &Estimate, Option<&Bands>)> = vec![(
        format!("Krippendorffs alpha ({})", level_nl(args.level)),
        &r.alpha,
        Some(&kb),
    )];
    if let Some(e) = &r.alpha_unrecognised {
        rows.push(("Alpha zonder herkende scores".to_owned(), e, Some(&kb)));
    }
    let names = [
        "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)",
    ];
    for ((_, e), name) in r.icc.iter().zip(names) {
        rows.push((name.to_owned(), e, Some(&ib)));
    }
    rows.push(("Fleiss' kappa".to_owned(), &r.fleiss, None));
    rows.push(("Paarsgewijze overeenstemming".to_owned(), &r.pairwise, None));
    rows.push(("Gwets AC1".to_owned(), &r.ac1, None));
    if let Ok(kinds) = &r.cohen {
        for (name, e) in [
            "Cohens kappa",
            "Cohens kappa (lineair)",
            "Cohens kappa (kwadratisch)",
        ]
        .iter()
        .zip(kinds)
        {
            rows.push(((*name).to_owned(), &e.1, None));
        }
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "Overeenstemming tussen beoordelaars: {}",
        args.file.display()
    );
    let _ = writeln!(
        out,
        "{} eenheden, {} beoordelaars; ICC op {} en Fleiss op {} eenheden die iedereen scoorde\n",
        data.n_units, data.n_raters, r.icc_n_units, r.fleiss_n_units
    );
    if let Some((_, left_out)) = &data.unrecognised {
        let _ = writeln!(
            out,
            "{left_out} {} van beoordelaars die de kandidaat herkenden; alpha staat er ook zonder\n",
            if *left_out == 1 { "score" } else { "scores" }
        );
    }
    let _ = writeln!(
        out,
        "{:<34} {:>7}  {:<17}  Oordeel",
        "Coëfficiënt", "Waarde", "95%-interval"
    );
    let mut notes = Vec::new();
    for (name, e, bands) in rows {
        match e {
            Estimate::Value { value, ci95 } => {
                let ci =
                    ci95.map_or_else(|| "-".to_owned(), |[lo, hi]| format!("{lo:.3} tot {hi:.3}"));
                let verdict = bands
                    .and_then(|b| b.classify(*value))
                    .map_or("", |b| b.label.nl.as_str());
                let _ = writeln!(out, "{name:<34} {value:>7.3}  {ci:<17}  {verdict}");
            }
            Estimate::TooLittleData { reason } => {
                notes.push(format!("{name}: {}", reason.nl));
                let _ = writeln!(out, "{name:<34} {:>7}", "-");
            }
        }
    }
    if let Err(reason) = &r.cohen {
        notes.push(format!("Cohens kappa: {}", reason.nl));
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\nToelichting:");
        for n in notes {
            let _ = writeln!(out, "  {n}");
        }
    }
    let _ = writeln!(
        out,
        "\nBronnen voor het oordeel: {} | {}",
        kb.source.nl, ib.source.nl
    );
    out
}

pub fn run(args: StatsArgs) -> ExitCode {
    let fail = |t: Text| {
        eprintln!(
            "maatstaf stats: {}: {}\n  ({})",
            args.file.display(),
            t.nl,
            t.en
        );
        ExitCode::from(2)
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            return fail(Text::new(
                format!("kan het bestand niet lezen: {e}"),
                format!("cannot read the file: {e}"),
            ))
        }
    };
    let data = match read(&bytes, &args) {
        Ok(d) => d,
        Err(Invalid(t)) => return fail(t),
    };
    let report = compute(&data, &args);
    if args.json {
        println!("{}", to_json(&data, &args, &report));
    } else {
        print!("{}", table(&data, &args, &report));
    }
    ExitCode::SUCCESS
}
