//! Checks across a whole content set: ids that must be unique, references
//! between modules, cases and rubrics, and links and images that must exist.

use std::collections::{HashMap, HashSet};

use super::case::{check_case_against_rubric, parse_case, Case};
use super::diagnostic::{toml_error, Diagnostic, Embedded, Source};
use super::exercise::Exercise;
use super::help::{check_help_complete, is_help_path, parse_help, HelpPage};
use super::links::{classify, normalize, resolve, Target};
use super::module::{parse_module, Module, Place};
use super::sources::{
    bundled_register, lexicon_header, markers, parse_register, uncited_figures, uncited_message,
    unknown_message, Register, REGISTER_FILE,
};
use crate::i18n::Text;
use crate::rubric::Rubric;

/// Everything that loaded, and every problem found on the way.
#[derive(Debug, Clone, Default)]
pub struct ContentSet {
    /// Sorted by `order`.
    pub modules: Vec<Module>,
    pub cases: Vec<Case>,
    pub rubrics: Vec<Rubric>,
    /// The app's help pages (`help/<area>.<lang>.md`), when the set has them.
    pub help: Vec<HelpPage>,
    /// Sorted by path, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks a content set and returns every problem, sorted by path, line and column.
/// See [`load_content`] for the arguments.
pub fn check_content(
    files: &[(&str, &str)],
    rubrics: &[(&str, &str)],
    present: &[&str],
) -> Vec<Diagnostic> {
    load_content(files, rubrics, present).diagnostics
}

/// Parses and checks a content set.
///
/// `files` are `(path, text)` of modules (`.md`) and cases (`.toml`), and
/// optionally the source register (`sources.toml`) and lexicons (`.toml` in a
/// `lexicon` folder), whose header comments are checked for claim markers;
/// `rubrics` are `(path, text)` of rubric files; `present` lists the paths of
/// all files that exist (images and other assets included), in the same form
/// as the other paths, so local links and images can be checked.
pub fn load_content(
    files: &[(&str, &str)],
    rubrics: &[(&str, &str)],
    present: &[&str],
) -> ContentSet {
    let mut set = ContentSet::default();
    // Files that failed to parse still exist: references to them by file name
    // are not reported a second time.
    let mut broken_case_stems = HashSet::new();
    let mut broken_rubric_stems = HashSet::new();
    let mut register = None;
    let mut citations = Vec::new();
    let mut help_paths = Vec::new();

    for &(path, text) in files {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        if name == REGISTER_FILE {
            match parse_register(path, text) {
                Ok(parsed) => register = Some((path, Some(parsed))),
                Err(diagnostics) => {
                    set.diagnostics.extend(diagnostics);
                    register = Some((path, None));
                }
            }
        } else if is_lexicon(path) && path.ends_with(".toml") {
            citations.push(lexicon_citations(path, text));
        } else if is_help_path(path) {
            help_paths.push(path);
            match parse_help(path, text) {
                Ok(page) => set.help.push(page),
                Err(diagnostics) => set.diagnostics.extend(diagnostics),
            }
        } else if path.ends_with(".md") {
            match parse_module(path, text) {
                Ok(module) => set.modules.push(module),
                Err(diagnostics) => set.diagnostics.extend(diagnostics),
            }
        } else if path.ends_with(".toml") {
            match parse_case(path, text) {
                Ok(case) => set.cases.push(case),
                Err(diagnostics) => {
                    broken_case_stems.insert(stem(path).to_owned());
                    set.diagnostics.extend(diagnostics);
                }
            }
        } else {
            set.diagnostics.push(Diagnostic {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message: Text::new(
                    "onbekend soort bestand: modules eindigen op .md, casussen op .toml",
                    "unknown kind of file: modules end in .md, cases in .toml",
                ),
            });
        }
    }
    for &(path, text) in rubrics {
        match toml::from_str::<Rubric>(text) {
            Ok(rubric) => set.rubrics.push(rubric),
            Err(e) => {
                broken_rubric_stems.insert(stem(path).to_owned());
                let source = Source::new(path, text);
                set.diagnostics
                    .push(toml_error(&e).into_diagnostic(&source, &Embedded::at(0)));
            }
        }
    }

    check_modules(&set.modules, &mut set.diagnostics);
    check_help_complete(&set.help, &help_paths, &mut set.diagnostics);
    for module in &set.modules {
        citations.push(Citations {
            path: module.places.path.clone(),
            markers: module.places.markers.clone(),
            uncited: module.places.uncited.clone(),
        });
    }
    check_citations(register, &citations, &mut set.diagnostics);
    let references = check_case_references(&set, &broken_case_stems);
    set.diagnostics.extend(references);
    check_cases(
        &set.cases,
        &set.rubrics,
        &broken_rubric_stems,
        &mut set.diagnostics,
    );
    check_links(&set.modules, files, present, &mut set.diagnostics);

    set.modules.sort_by_key(|m| m.order);
    set.diagnostics.sort_by(|a, b| {
        (a.path.as_str(), a.line, a.column).cmp(&(b.path.as_str(), b.line, b.column))
    });
    set
}

fn is_lexicon(path: &str) -> bool {
    path.split(['/', '\\']).any(|part| part == "lexicon")
}

/// The claim markers and uncited policy figures of one file.
struct Citations {
    path: String,
    markers: Vec<(String, Place)>,
    uncited: Vec<(String, Place)>,
}

/// A lexicon's sources live in its header comment; the entries below it are
/// word lists and carry no claims of their own.
fn lexicon_citations(path: &str, text: &str) -> Citations {
    let header = lexicon_header(text);
    let source = Source::new(path, text);
    let place = |offset: usize| {
        let (line, column) = source.position(offset);
        Place { line, column }
    };
    Citations {
        path: path.to_owned(),
        markers: markers(header)
            .into_iter()
            .flat_map(|m| m.ids)
            .map(|(id, offset)| (id, place(offset)))
            .collect(),
        uncited: uncited_figures(header)
            .into_iter()
            .map(|(offset, figure)| (figure, place(offset)))
            .collect(),
    }
}

/// Every marker must name an entry. When the register itself is part of the
/// set, every entry must be cited somewhere in it; a set without the register
/// (an import, the installed bundle) is checked against the bundled register.
fn check_citations(
    register: Option<(&str, Option<Register>)>,
    citations: &[Citations],
    out: &mut Vec<Diagnostic>,
) {
    for file in citations {
        for (figure, place) in &file.uncited {
            out.push(place.diagnostic(&file.path, uncited_message(figure)));
        }
    }
    let (register_path, register) = match register {
        Some((path, Some(register))) => (Some(path), register),
        // A register that does not parse is reported already; every marker
        // would only repeat that.
        Some((_, None)) => return,
        None => (None, bundled_register().clone()),
    };
    let mut used = HashSet::new();
    for file in citations {
        for (id, place) in &file.markers {
            if register.get(id).is_some() {
                used.insert(id.as_str());
            } else {
                out.push(place.diagnostic(&file.path, unknown_message(id)));
            }
        }
    }
    let Some(path) = register_path else { return };
    for (entry, &(line, column)) in register.entries.iter().zip(&register.id_places) {
        if !used.contains(entry.id.as_str()) {
            out.push(Diagnostic {
                path: path.to_owned(),
                line,
                column,
                message: Text::new(
                    format!(
                        "bron \"{}\" wordt nergens aangehaald: zet een markering [@{}] bij de bewering of haal de bron weg",
                        entry.id, entry.id
                    ),
                    format!(
                        "source \"{}\" is cited nowhere: put a marker [@{}] at the claim or remove the source",
                        entry.id, entry.id
                    ),
                ),
            });
        }
    }
}

fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Remembers where each key was first seen and reports every later use.
struct FirstSeen<'a> {
    seen: HashMap<String, (&'a str, Place)>,
}

impl<'a> FirstSeen<'a> {
    fn new() -> Self {
        FirstSeen {
            seen: HashMap::new(),
        }
    }

    /// `Some((path, place))` of the first use when `key` was seen before.
    fn see(&mut self, key: String, path: &'a str, place: Place) -> Option<(&'a str, Place)> {
        match self.seen.get(&key) {
            Some(&first) => Some(first),
            None => {
                self.seen.insert(key, (path, place));
                None
            }
        }
    }
}

fn check_modules(modules: &[Module], out: &mut Vec<Diagnostic>) {
    let mut ids = FirstSeen::new();
    let mut orders = FirstSeen::new();
    let mut exercise_ids = FirstSeen::new();
    for module in modules {
        let places = &module.places;
        let path = places.path.as_str();
        if let Some((first, at)) = ids.see(module.id.clone(), path, places.id) {
            out.push(places.id.diagnostic(
                path,
                Text::new(
                    format!(
                        "module-id \"{}\" wordt al gebruikt in {first}:{}",
                        module.id, at.line
                    ),
                    format!(
                        "module id \"{}\" is already used in {first}:{}",
                        module.id, at.line
                    ),
                ),
            ));
        }
        if let Some((first, at)) = orders.see(module.order.to_string(), path, places.order) {
            out.push(places.order.diagnostic(
                path,
                Text::new(
                    format!(
                        "`order = {}` wordt al gebruikt in {first}:{}",
                        module.order, at.line
                    ),
                    format!(
                        "`order = {}` is already used in {first}:{}",
                        module.order, at.line
                    ),
                ),
            ));
        }
        for (exercise, &place) in module.exercises.iter().zip(&places.exercise_ids) {
            if let Some((first, at)) = exercise_ids.see(exercise.id().to_owned(), path, place) {
                out.push(place.diagnostic(
                    path,
                    Text::new(
                        format!(
                            "oefening-id \"{}\" wordt al gebruikt in {first}:{}",
                            exercise.id(),
                            at.line
                        ),
                        format!(
                            "exercise id \"{}\" is already used in {first}:{}",
                            exercise.id(),
                            at.line
                        ),
                    ),
                ));
            }
        }
        let ends_with_sources = places
            .sections
            .last()
            .is_some_and(|s| s.eq_ignore_ascii_case("bronnen"));
        if !ends_with_sources {
            out.push(places.end.diagnostic(
                path,
                Text::new(
                    "een module eindigt met een sectie `## Bronnen` met de bronnen van alle cijfers",
                    "a module ends with a `## Bronnen` section listing the sources of all figures",
                ),
            ));
        }
    }
}

fn check_case_references(set: &ContentSet, broken_case_stems: &HashSet<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut ids = FirstSeen::new();
    for case in &set.cases {
        let path = case.places.path.as_str();
        let place = case.places.id;
        if let Some((first, at)) = ids.see(case.id.clone(), path, place) {
            out.push(place.diagnostic(
                path,
                Text::new(
                    format!(
                        "casus-id \"{}\" wordt al gebruikt in {first}:{}",
                        case.id, at.line
                    ),
                    format!(
                        "case id \"{}\" is already used in {first}:{}",
                        case.id, at.line
                    ),
                ),
            ));
        } else if stem(path) != case.id {
            out.push(place.diagnostic(
                path,
                Text::new(
                    format!(
                        "de casus-id \"{}\" hoort gelijk te zijn aan de bestandsnaam \"{}\"",
                        case.id,
                        stem(path)
                    ),
                    format!(
                        "the case id \"{}\" should equal the file name \"{}\"",
                        case.id,
                        stem(path)
                    ),
                ),
            ));
        }
    }
    let exists = |id: &str| set.cases.iter().any(|c| c.id == id) || broken_case_stems.contains(id);
    for module in &set.modules {
        let path = module.places.path.as_str();
        for (exercise, place) in module.exercises.iter().zip(&module.places.exercise_cases) {
            if let (Exercise::Case(e), Some(place)) = (exercise, place) {
                if !exists(&e.case) {
                    out.push(place.diagnostic(
                        path,
                        Text::new(
                            format!(
                                "casus \"{}\" bestaat niet (verwacht cases/{}.toml)",
                                e.case, e.case
                            ),
                            format!(
                                "case \"{}\" does not exist (expected cases/{}.toml)",
                                e.case, e.case
                            ),
                        ),
                    ));
                }
            }
        }
    }
    out
}

fn check_cases(
    cases: &[Case],
    rubrics: &[Rubric],
    broken_rubric_stems: &HashSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    for case in cases {
        match rubrics.iter().find(|r| r.id == case.rubric) {
            Some(rubric) => out.extend(check_case_against_rubric(case, rubric)),
            None if broken_rubric_stems.contains(&case.rubric) => {}
            None => out.push(case.places.rubric.diagnostic(
                &case.places.path,
                Text::new(
                    format!("rubric \"{}\" bestaat niet", case.rubric),
                    format!("rubric \"{}\" does not exist", case.rubric),
                ),
            )),
        }
    }
}

fn check_links(
    modules: &[Module],
    files: &[(&str, &str)],
    present: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    let present: HashSet<String> = present
        .iter()
        .map(|p| normalize(p))
        .chain(files.iter().map(|(p, _)| normalize(p)))
        .collect();
    let anchors: HashMap<String, &Module> = modules
        .iter()
        .map(|m| (normalize(&m.places.path), m))
        .collect();
    for module in modules {
        let path = module.places.path.as_str();
        for link in &module.places.links {
            let what = if link.image {
                ("afbeelding", "image")
            } else {
                ("link", "link")
            };
            let message = match classify(&link.target) {
                Target::Empty => Some(Text::new(
                    format!("{} zonder doel", what.0),
                    format!("{} without a target", what.1),
                )),
                Target::Fragment(fragment) => (!module.places.heading_ids.iter().any(|h| h == fragment))
                    .then(|| missing_anchor(fragment, path)),
                Target::Mail if link.image => Some(Text::new(
                    "een afbeelding met \"mailto:\" kan niet; gebruik een relatief pad".to_owned(),
                    "an image with \"mailto:\" is not possible; use a relative path".to_owned(),
                )),
                Target::Remote if link.image => Some(Text::new(
                    format!(
                        "afbeelding van internet ({}): de app is offline; zet het bestand bij de content en verwijs er relatief naar",
                        link.target
                    ),
                    format!(
                        "image from the internet ({}): the app is offline; put the file next to the content and link it relatively",
                        link.target
                    ),
                )),
                Target::Remote | Target::Mail => None,
                Target::OtherScheme(scheme) => Some(Text::new(
                    format!("{} met \"{scheme}:\" is niet toegestaan; gebruik een relatief pad of een http(s)-adres", what.0),
                    format!("a {} with \"{scheme}:\" is not allowed; use a relative path or an http(s) address", what.1),
                )),
                Target::Absolute => Some(Text::new(
                    format!("{} \"{}\": gebruik een relatief pad met `/`, zoals ../img/figuur.png", what.0, link.target),
                    format!("{} \"{}\": use a relative path with `/`, such as ../img/figure.png", what.1, link.target),
                )),
                Target::Relative { path: rel, fragment } => {
                    match resolve(path, rel).filter(|p| present.contains(p)) {
                        None => Some(Text::new(
                            format!("{} \"{}\" wijst naar een bestand dat niet bestaat", what.0, link.target),
                            format!("{} \"{}\" points at a file that does not exist", what.1, link.target),
                        )),
                        Some(resolved) => fragment.and_then(|fragment| {
                            let target = anchors.get(&resolved)?;
                            (!target.places.heading_ids.iter().any(|h| h == fragment))
                                .then(|| missing_anchor(fragment, &target.places.path))
                        }),
                    }
                }
            };
            if let Some(message) = message {
                out.push(link.place.diagnostic(path, message));
            }
        }
    }
}

fn missing_anchor(fragment: &str, path: &str) -> Text {
    Text::new(
        format!("{path} heeft geen kop met anker \"#{fragment}\""),
        format!("{path} has no heading with anchor \"#{fragment}\""),
    )
}
