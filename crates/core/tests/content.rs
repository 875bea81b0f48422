//! The content engine as the app and the CLI use it: parse, check, render, grade.

use maatstaf_core::content::*;
use maatstaf_core::i18n::Lang;

const FRONT: &str = "+++
id = \"m01\"
title = \"Titel\"
summary = \"Samenvatting.\"
minutes = 20
goals = [\"Je kunt iets.\"]
audience = [\"negotiator\"]
order = 1
+++
";

/// A module with the standard front matter (lines 1-9) and `body` from line 10 on.
fn module(body: &str) -> String {
    format!("{FRONT}{body}")
}

/// `line:column: english message` for each diagnostic, to compare in one go.
fn located(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message.en))
        .collect()
}

fn module_errors(text: &str) -> Vec<String> {
    located(&parse_module("m.md", text).expect_err("the module should be rejected"))
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/content/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

// ---- modules: front matter -------------------------------------------------

#[test]
fn a_valid_module_parses_with_its_front_matter_and_exercises() {
    let m = parse_module("modules/01-basis.md", &fixture("modules/01-basis.md")).unwrap();
    assert_eq!(m.id, "m01-basis");
    assert_eq!(m.minutes, 20);
    assert_eq!(m.order, 1);
    assert_eq!(m.audience, vec![Audience::Negotiator, Audience::Committee]);
    assert_eq!(m.goals.len(), 1);
    let ids: Vec<&str> = m.exercises.iter().map(Exercise::id).collect();
    assert_eq!(ids, ["m01-meerkeuze-1", "m01-vind-1"]);
    assert!(m.body.starts_with("\n# Selecteren zonder vooroordelen"));
}

#[test]
fn a_module_without_front_matter_is_reported_at_the_start() {
    assert_eq!(
        module_errors("# Alleen tekst\n"),
        ["1:1: a module starts with TOML front matter between two `+++` lines"]
    );
    assert_eq!(
        module_errors("+++\nid = \"m01\"\n# nooit gesloten\n"),
        ["1:1: the front matter is not closed with a `+++` line"]
    );
}

#[test]
fn front_matter_values_are_checked_where_they_stand() {
    let text = "+++
id = \"M01 basis\"
title = \" \"
summary = \"S\"
minutes = 0
goals = []
audience = []
order = -1
+++
";
    assert_eq!(
        module_errors(text),
        [
            "2:6: `id` \"M01 basis\" may only contain lowercase letters, digits and hyphens",
            "3:9: `title` is empty",
            "5:11: `minutes` must be between 1 and 240, not 0",
            "6:9: `goals` lists at least one learning goal",
            "7:12: `audience` lists at least one of \"negotiator\", \"trainer\" or \"committee\"",
            "8:9: `order` must be a whole number of 0 or more, not -1",
        ]
    );
}

#[test]
fn minutes_above_the_maximum_and_repeated_audiences_are_reported() {
    let text = FRONT
        .replace("minutes = 20", "minutes = 241")
        .replace("[\"negotiator\"]", "[\"trainer\", \"trainer\"]");
    assert_eq!(
        module_errors(&text),
        [
            "5:11: `minutes` must be between 1 and 240, not 241",
            "7:24: this audience is already listed in `audience`",
        ]
    );
}

#[test]
fn unknown_audiences_and_misspelt_keys_are_errors() {
    let text = FRONT.replace("[\"negotiator\"]", "[\"negotiator\", \"wethouder\"]");
    assert_eq!(
        module_errors(&text),
        ["7:27: unknown value `wethouder`; allowed: `negotiator`, `trainer`, `committee`"]
    );
    let text = FRONT.replace("minutes = 20", "minuten = 20");
    let errors = module_errors(&text);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("5:1: unknown key `minuten`; allowed: `id`"),
        "{errors:?}"
    );
}

#[test]
fn messages_are_dutch_too() {
    let diagnostics =
        parse_module("m.md", &FRONT.replace("minutes = 20", "minutes = 0")).unwrap_err();
    assert_eq!(
        diagnostics[0].display(Lang::Nl),
        "m.md:5:11: `minutes` moet tussen 1 en 240 liggen, niet 0"
    );
}

#[test]
fn a_byte_order_mark_does_not_hide_the_front_matter() {
    let text = format!("\u{feff}{}", module("\n# Kop\n"));
    assert_eq!(parse_module("m.md", &text).unwrap().id, "m01");
}

// ---- modules: exercises ----------------------------------------------------

#[test]
fn a_misspelt_exercise_key_points_at_its_line_in_the_file() {
    let text =
        module("\n# Kop\n\n```exercise\nid = \"x\"\nkind = \"choice\"\nqestion = \"q\"\n```\n");
    assert_eq!(
        module_errors(&text),
        ["16:1: unknown key `qestion`; allowed: `id`, `kind`, `question`, `choices`"]
    );
}

#[test]
fn exercises_need_a_known_kind() {
    assert_eq!(
        module_errors(&module("\n```exercise\nid = \"x\"\n```\n")),
        ["12:1: required key `kind` is missing; use \"choice\", \"spot\" or \"case\""]
    );
    assert_eq!(
        module_errors(&module("\n```exercise\nkind = \"quiz\"\n```\n")),
        ["12:8: unknown exercise kind \"quiz\"; use \"choice\", \"spot\" or \"case\""]
    );
    // An empty block is reported at its fence.
    assert_eq!(
        module_errors(&module("\n```exercise\n```\n")),
        ["11:1: required key `kind` is missing; use \"choice\", \"spot\" or \"case\""]
    );
}

#[test]
fn a_choice_exercise_needs_two_choices_and_a_right_one() {
    let one = module(
        "\n```exercise\nid = \"x\"\nkind = \"choice\"\nquestion = \"Vraag?\"\n\n[[choices]]\ntext = \"a\"\ncorrect = true\nexplanation = \"e\"\n```\n",
    );
    assert_eq!(
        module_errors(&one),
        ["16:1: a choice exercise needs at least two choices (`[[choices]]`), this one has 1"]
    );
    let none_right = module(
        "\n```exercise\nid = \"x\"\nkind = \"choice\"\nquestion = \"Vraag?\"\n\n[[choices]]\ntext = \"a\"\ncorrect = false\nexplanation = \"e\"\n\n[[choices]]\ntext = \"b\"\ncorrect = false\nexplanation = \"\"\n```\n",
    );
    assert_eq!(
        module_errors(&none_right),
        [
            "16:1: no choice is right: set `correct = true` on at least one choice",
            "24:15: `explanation` is empty",
        ]
    );
}

#[test]
fn a_spot_phrase_must_occur_in_the_text_even_inside_a_list() {
    // The fenced block is indented inside a list item: columns still match the file.
    let text = module(
        "\n- item\n\n  ```exercise\n  id = \"x\"\n  kind = \"spot\"\n  instruction = \"Klik.\"\n  text = \"Een jonge kandidaat\"\n  [[problems]]\n  phrase = \"oude\"\n  explanation = \"e\"\n  [[problems]]\n  phrase = \"jonge\"\n  explanation = \"e\"\n  [[problems]]\n  phrase = \"jonge\"\n  explanation = \"e\"\n  ```\n",
    );
    assert_eq!(
        module_errors(&text),
        [
            "19:12: \"oude\" does not occur literally in `text`",
            "25:12: \"jonge\" is already listed in `problems`",
        ]
    );
}

#[test]
fn a_spot_exercise_needs_problems() {
    let text = module(
        "\n```exercise\nid = \"x\"\nkind = \"spot\"\ninstruction = \"Klik.\"\ntext = \"Tekst\"\nproblems = []\n```\n",
    );
    assert_eq!(
        module_errors(&text),
        ["16:12: a spot exercise needs at least one `[[problems]]`"]
    );
}

#[test]
fn case_exercises_name_a_valid_case_id_and_an_instruction() {
    let text = module(
        "\n```exercise\nid = \"x\"\nkind = \"case\"\ncase = \"Casus Lindeveld\"\ninstruction = \"\"\n```\n",
    );
    assert_eq!(
        module_errors(&text),
        [
            "14:8: `case` \"Casus Lindeveld\" may only contain lowercase letters, digits and hyphens",
            "15:15: `instruction` is empty",
        ]
    );
}

#[test]
fn all_problems_of_a_module_are_reported_together() {
    let text = FRONT.replace("minutes = 20", "minutes = 0")
        + "\n```exercise\nkind = \"quiz\"\n```\n\n```exercise\nid = \"y\"\nkind = \"choice\"\n```\n";
    assert_eq!(
        module_errors(&text),
        [
            "5:11: `minutes` must be between 1 and 240, not 0",
            "12:8: unknown exercise kind \"quiz\"; use \"choice\", \"spot\" or \"case\"",
            "16:1: required key `question` is missing",
        ]
    );
}

#[test]
fn ordinary_code_blocks_are_not_exercises() {
    let m = parse_module("m.md", &module("\n```toml\nkind = \"quiz\"\n```\n")).unwrap();
    assert!(m.exercises.is_empty());
}

// ---- cases ------------------------------------------------------------------

#[test]
fn a_valid_case_parses() {
    let case = parse_case("cases/casus-test.toml", &fixture("cases/casus-test.toml")).unwrap();
    assert_eq!(case.rubric, "test-rubric");
    assert_eq!(case.candidates.len(), 2);
    let first = &case.candidates[0];
    assert_eq!(first.code, "T-1");
    assert_eq!(first.gender, Gender::Vrouw);
    assert_eq!(first.reference["integriteit"].score, 3);
}

#[test]
fn case_codes_are_unique_and_values_are_in_range() {
    let text = fixture("cases/casus-test.toml")
        .replace("code = \"T-2\"", "code = \"T-1\"")
        .replace("age = 58", "age = 12")
        .replace("score = 2", "score = 300")
        .replace(
            "justification = \"Meldt nevenfuncties, maar noemt geen afweging.\"",
            "justification = \"\"",
        );
    let errors = located(&parse_case("c.toml", &text).unwrap_err());
    assert_eq!(
        errors,
        [
            "22:17: `justification` is empty",
            "25:8: code \"T-1\" is already used for another candidate",
            "28:7: `age` must be between 18 and 110, not 12",
            "35:9: `score` must be a whole number from 0 to 255, not 300",
        ]
    );
}

#[test]
fn case_keys_are_checked_too() {
    let text = fixture("cases/casus-test.toml")
        .replace("gender = \"man\"", "gender = \"man\"\nleeftijd = 58");
    let errors = located(&parse_case("c.toml", &text).unwrap_err());
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("28:1: unknown key `leeftijd`"),
        "{errors:?}"
    );
}

#[test]
fn a_case_must_answer_exactly_the_rubric_criteria_on_its_scale() {
    let case = parse_case("c.toml", &fixture("cases/casus-test.toml")).unwrap();
    let rubric: maatstaf_core::rubric::Rubric = toml::from_str(
        &fixture("rubrics/test-rubric.toml")
            .replace("\"integriteit\"", "\"integer\"")
            .replace("max = 5", "max = 3"),
    )
    .unwrap();
    let errors = located(&check_case_against_rubric(&case, &rubric));
    assert_eq!(
        errors[..5],
        [
            "14:1: candidate T-1 has no answer for criterion `integer` of rubric `test-rubric`",
            "17:13: candidate T-1 has no reference score for criterion `integer` of rubric `test-rubric`",
            "16:1: rubric `test-rubric` has no criterion `integriteit`",
            "20:23: rubric `test-rubric` has no criterion `integriteit`",
            "18:9: `score` must be between 1 and 3 (the rubric's scale), not 4",
        ]
    );
    // The second candidate has the same problems.
    assert_eq!(errors.len(), 10);
}

// ---- checking a content set -------------------------------------------------

struct Set {
    files: Vec<(String, String)>,
    rubrics: Vec<(String, String)>,
    present: Vec<String>,
}

impl Set {
    fn fixtures() -> Set {
        let file = |p: &str| (format!("content/{p}"), fixture(p));
        Set {
            files: vec![
                file("modules/01-basis.md"),
                file("modules/02-oefenen.md"),
                file("cases/casus-test.toml"),
                file("sources.toml"),
            ],
            rubrics: vec![file("rubrics/test-rubric.toml")],
            present: vec!["content/img/figuur.png".to_owned()],
        }
    }

    fn edit(mut self, path: &str, from: &str, to: &str) -> Set {
        let entry = self
            .files
            .iter_mut()
            .chain(self.rubrics.iter_mut())
            .find(|(p, _)| p.ends_with(path))
            .unwrap();
        assert!(entry.1.contains(from), "{from} not in {path}");
        entry.1 = entry.1.replace(from, to);
        self
    }

    fn check(&self) -> Vec<String> {
        let files: Vec<(&str, &str)> = self
            .files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let rubrics: Vec<(&str, &str)> = self
            .rubrics
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let present: Vec<&str> = self.present.iter().map(String::as_str).collect();
        check_content(&files, &rubrics, &present)
            .iter()
            .map(|d| d.display(Lang::En))
            .collect()
    }
}

#[test]
fn the_fixture_content_is_clean_and_loads_in_order() {
    assert_eq!(Set::fixtures().check(), Vec::<String>::new());
    let set = Set::fixtures();
    let files: Vec<(&str, &str)> = set
        .files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let rubrics: Vec<(&str, &str)> = set
        .rubrics
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let loaded = load_content(&files, &rubrics, &["content/img/figuur.png"]);
    assert_eq!(
        loaded.modules.iter().map(|m| m.order).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(loaded.cases.len(), 1);
    assert_eq!(loaded.rubrics.len(), 1);
}

#[test]
fn module_ids_orders_and_exercise_ids_are_unique_across_files() {
    let errors = Set::fixtures()
        .edit(
            "02-oefenen.md",
            "id = \"m02-oefenen\"",
            "id = \"m01-basis\"",
        )
        .edit("02-oefenen.md", "order = 2", "order = 1")
        .edit("02-oefenen.md", "id = \"m02-casus\"", "id = \"m01-vind-1\"")
        .check();
    assert_eq!(
        errors,
        [
            "content/modules/02-oefenen.md:2:6: module id \"m01-basis\" is already used in content/modules/01-basis.md:2",
            "content/modules/02-oefenen.md:8:9: `order = 1` is already used in content/modules/01-basis.md:8",
            "content/modules/02-oefenen.md:16:6: exercise id \"m01-vind-1\" is already used in content/modules/01-basis.md:42",
        ]
    );
}

#[test]
fn case_exercises_point_at_existing_cases() {
    let errors = Set::fixtures()
        .edit(
            "02-oefenen.md",
            "case = \"casus-test\"",
            "case = \"casus-elders\"",
        )
        .check();
    assert_eq!(
        errors,
        ["content/modules/02-oefenen.md:18:8: case \"casus-elders\" does not exist (expected cases/casus-elders.toml)"]
    );
}

#[test]
fn cases_point_at_existing_rubrics_and_match_their_file_name() {
    let errors = Set::fixtures()
        .edit(
            "casus-test.toml",
            "rubric = \"test-rubric\"",
            "rubric = \"andere-rubric\"",
        )
        .check();
    assert_eq!(
        errors,
        ["content/cases/casus-test.toml:4:10: rubric \"andere-rubric\" does not exist"]
    );
    let errors = Set::fixtures()
        .edit(
            "casus-test.toml",
            "id = \"casus-test\"",
            "id = \"casus-anders\"",
        )
        .edit(
            "02-oefenen.md",
            "case = \"casus-test\"",
            "case = \"casus-anders\"",
        )
        .check();
    assert_eq!(
        errors,
        ["content/cases/casus-test.toml:1:6: the case id \"casus-anders\" should equal the file name \"casus-test\""]
    );
}

#[test]
fn case_criteria_are_checked_against_the_rubric_in_the_set() {
    let errors = Set::fixtures()
        .edit(
            "casus-test.toml",
            "integriteit = \"Ik vraag advies bij twijfel.\"",
            "integrteit = \"Ik vraag advies bij twijfel.\"",
        )
        .check();
    assert_eq!(
        errors,
        [
            "content/cases/casus-test.toml:31:1: candidate T-2 has no answer for criterion `integriteit` of rubric `test-rubric`",
            "content/cases/casus-test.toml:33:1: rubric `test-rubric` has no criterion `integrteit`",
        ]
    );
}

#[test]
fn a_broken_rubric_is_reported_once_and_not_again_by_its_cases() {
    let errors = Set::fixtures()
        .edit("test-rubric.toml", "version = 1", "version = \"een\"")
        .check();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("content/rubrics/test-rubric.toml:3:11: wrong kind of value"),
        "{errors:?}"
    );
}

#[test]
fn local_links_and_images_must_exist() {
    let errors = Set::fixtures()
        .edit(
            "01-basis.md",
            "(../img/figuur.png)",
            "(../img/ontbreekt.png)",
        )
        .edit(
            "01-basis.md",
            "(02-oefenen.md#oefenen-met-een-casus)",
            "(03-later.md)",
        )
        .edit(
            "02-oefenen.md",
            "(01-basis.md)",
            "(01-basis.md#bestaat-niet)",
        )
        .check();
    assert_eq!(
        errors,
        [
            "content/modules/01-basis.md:14:9: link \"03-later.md\" points at a file that does not exist",
            "content/modules/01-basis.md:21:1: image \"../img/ontbreekt.png\" points at a file that does not exist",
            "content/modules/02-oefenen.md:13:12: content/modules/01-basis.md has no heading with anchor \"#bestaat-niet\"",
        ]
    );
}

#[test]
fn anchors_within_a_module_must_exist() {
    let errors = Set::fixtures()
        .edit("01-basis.md", "(#bronnen)", "(#bron)")
        .check();
    assert_eq!(
        errors,
        ["content/modules/01-basis.md:14:70: content/modules/01-basis.md has no heading with anchor \"#bron\""]
    );
}

#[test]
fn remote_images_and_unsafe_links_are_errors_but_web_links_are_not() {
    let errors = Set::fixtures()
        .edit("01-basis.md", "(../img/figuur.png)", "(https://example.org/figuur.png)")
        .edit("02-oefenen.md", "Terug naar [de basis](01-basis.md).", "[web](https://example.org) [mail](mailto:a@example.org) [script](javascript:alert(1)) [vast](/etc/figuur.png)")
        .check();
    assert_eq!(
        errors,
        [
            "content/modules/01-basis.md:21:1: image from the internet (https://example.org/figuur.png): the app is offline; put the file next to the content and link it relatively",
            "content/modules/02-oefenen.md:13:57: a link with \"javascript:\" is not allowed; use a relative path or an http(s) address",
            "content/modules/02-oefenen.md:13:87: link \"/etc/figuur.png\": use a relative path with `/`, such as ../img/figure.png",
        ]
    );
}

#[test]
fn every_module_ends_with_its_sources() {
    let errors = Set::fixtures()
        .edit("02-oefenen.md", "## Bronnen", "## Tot slot")
        .check();
    assert_eq!(
        errors,
        ["content/modules/02-oefenen.md:24:1: a module ends with a `## Bronnen` section listing the sources of all figures"]
    );
}

#[test]
fn problems_in_one_file_do_not_stop_the_others_and_come_out_sorted() {
    let errors = Set::fixtures()
        .edit("02-oefenen.md", "minutes = 45", "minutes = 500")
        .edit("01-basis.md", "(#bronnen)", "(#bron)")
        .check();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("content/modules/01-basis.md:14:70"));
    assert!(errors[1].starts_with("content/modules/02-oefenen.md:5:11"));
}

// ---- rendering -------------------------------------------------------------

fn rendered(body: &str) -> RenderedModule {
    render_module(&parse_module("m.md", &module(body)).unwrap())
}

#[test]
fn headings_get_stable_slug_ids() {
    let r =
        rendered("\n# Eén of twee zinnen\n\n## Bronnen\n\n## Bronnen\n\n### `Code` en *nadruk*\n");
    assert_eq!(
        r.headings,
        [
            Heading {
                id: "een-of-twee-zinnen".into(),
                text: "Eén of twee zinnen".into(),
                level: 1
            },
            Heading {
                id: "bronnen".into(),
                text: "Bronnen".into(),
                level: 2
            },
            Heading {
                id: "bronnen-2".into(),
                text: "Bronnen".into(),
                level: 2
            },
            Heading {
                id: "code-en-nadruk".into(),
                text: "Code en nadruk".into(),
                level: 3
            },
        ]
    );
    assert!(
        r.html
            .contains("<h1 id=\"een-of-twee-zinnen\">Eén of twee zinnen</h1>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<h2 id=\"bronnen-2\">Bronnen</h2>"));
    assert_eq!(
        rendered("\n# Eén of twee zinnen\n").headings[0].id,
        r.headings[0].id
    );
}

#[test]
fn tables_render_with_alignment_as_a_class() {
    let r = rendered("\n| Vorm | Waarde |\n|:-----|-------:|\n| Open | laag |\n");
    assert!(r.html.contains("<table>"), "{}", r.html);
    assert!(
        r.html.contains("<th class=\"align-left\">Vorm</th>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<td class=\"align-right\">laag</td>"),
        "{}",
        r.html
    );
    assert!(!r.html.contains("style"));
}

#[test]
fn footnotes_link_to_their_text() {
    let r = rendered("\nTekst.[^bron]\n\n[^bron]: Schmidt & Hunter (1998).\n");
    assert!(
        r.html
            .contains("<sup class=\"footnote-ref\"><a href=\"#fn-bron\">1</a></sup>"),
        "{}",
        r.html
    );
    assert!(r.html.contains(
        "<div class=\"footnote\" id=\"fn-bron\"><span class=\"footnote-label\">1</span>"
    ));
    assert!(r.html.contains("Schmidt &amp; Hunter (1998)."));
}

#[test]
fn exercises_become_placeholders_for_the_ui() {
    let m = parse_module("m.md", &fixture("modules/01-basis.md")).unwrap();
    let r = render_module(&m);
    assert!(
        r.html
            .contains("<div class=\"exercise\" data-exercise-id=\"m01-meerkeuze-1\"></div>"),
        "{}",
        r.html
    );
    assert!(r
        .html
        .contains("<div class=\"exercise\" data-exercise-id=\"m01-vind-1\"></div>"));
    // The TOML of the exercise does not leak into the page.
    assert!(!r.html.contains("correct"));
    assert_eq!(r.exercises, m.exercises);
}

#[test]
fn plain_text_has_the_words_without_markup() {
    let r = rendered("\n# Kop\n\nEen **vet** woord en [een link](#kop).\n\n- punt\n");
    assert_eq!(r.plain_text, "Kop\nEen vet woord en een link.\npunt");
    let m = parse_module("m.md", &fixture("modules/01-basis.md")).unwrap();
    let text = render_module(&m).plain_text;
    assert!(
        text.contains("Welk criterium is toetsbaar?"),
        "exercise text is searchable"
    );
    assert!(!text.contains("**") && !text.contains("<") && !text.contains("kind ="));
}

// ---- sanitising ------------------------------------------------------------

#[test]
fn script_tags_are_removed_with_their_content() {
    let html =
        rendered("\n<script>alert('x')</script>\n\nTekst <script>alert(2)</script> hier.\n").html;
    assert!(
        !html.contains("script") && !html.contains("alert"),
        "{html}"
    );
    assert!(html.contains("Tekst"));
}

#[test]
fn event_handlers_are_removed() {
    let html = rendered("\n<img src=\"../img/figuur.png\" onerror=\"alert(1)\">\n\n<a href=\"#kop\" onclick=\"x()\" onmouseover=\"y()\">anker</a>\n").html;
    assert!(
        !html.contains("onerror") && !html.contains("onclick") && !html.contains("onmouseover"),
        "{html}"
    );
    assert!(html.contains("<img src=\"../img/figuur.png\">"), "{html}");
}

#[test]
fn javascript_and_web_links_become_inert_text() {
    let html = rendered(
        "\n[klik](javascript:alert(1)) [web](https://example.org) [mail](mailto:a@b.nl) <a href=\" javascript:alert(1)\">raw</a> [lokaal](02-b.md)\n",
    )
    .html;
    assert!(
        !html.contains("javascript") && !html.contains("example.org") && !html.contains("mailto"),
        "{html}"
    );
    assert!(
        html.contains("<a>klik</a>") && html.contains("<a>web</a>") && html.contains("<a>raw</a>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"02-b.md\">lokaal</a>"), "{html}");
}

#[test]
fn remote_images_lose_their_source() {
    let html = rendered(
        "\n![web](https://evil.example/a.png) ![proto](//evil.example/b.png) ![data](data:image/png;base64,AAAA) <img src=\"http://evil.example/c.png\"> <img src=\"../img/figuur.png\" srcset=\"https://evil.example/d.png 2x\">\n",
    )
    .html;
    assert!(
        !html.contains("evil.example") && !html.contains("data:"),
        "{html}"
    );
    assert!(html.contains("<img alt=\"web\">"), "{html}");
    assert!(html.contains("<img src=\"../img/figuur.png\">"), "{html}");
}

#[test]
fn iframes_objects_and_forms_are_removed() {
    let html = rendered(
        "\n<iframe src=\"https://evil.example/\">x</iframe>\n\n<object data=\"a.swf\"></object><embed src=\"b.swf\">\n\n<form action=\"https://evil.example\"><input name=\"q\"></form>\n",
    )
    .html;
    for gone in ["iframe", "object", "embed", "form", "input", "evil"] {
        assert!(!html.contains(gone), "{gone} in {html}");
    }
}

#[test]
fn style_attributes_style_tags_and_foreign_classes_are_removed() {
    let html = rendered(
        "\n<p style=\"position:fixed;inset:0\" class=\"overlay\">vast</p>\n\n<style>body{display:none}</style>\n\n<div class=\"exercise\" data-exercise-id=\"nep\" id=\"app\">x</div>\n",
    )
    .html;
    assert!(
        !html.contains("style") && !html.contains("position") && !html.contains("display"),
        "{html}"
    );
    assert!(
        !html.contains("overlay") && !html.contains("nep") && !html.contains("app"),
        "{html}"
    );
    assert!(html.contains("<p>vast</p>"), "{html}");
}

// ---- grading ---------------------------------------------------------------

fn exercises() -> (ChoiceExercise, SpotExercise) {
    let m = parse_module("m.md", &fixture("modules/01-basis.md")).unwrap();
    match (&m.exercises[0], &m.exercises[1]) {
        (Exercise::Choice(c), Exercise::Spot(s)) => (c.clone(), s.clone()),
        other => panic!("unexpected exercises {other:?}"),
    }
}

#[test]
fn choosing_exactly_the_right_choices_is_right() {
    let (choice, _) = exercises();
    let result = grade_choice(&choice, &[1]).unwrap();
    assert!(result.right);
    assert_eq!(result.missed, Vec::<usize>::new());
    assert_eq!(
        result.feedback,
        [ChoiceFeedback {
            index: 1,
            correct: true,
            explanation: "Dit kun je zien en horen gebeuren.".into()
        }]
    );
}

#[test]
fn a_wrong_or_missing_choice_is_explained() {
    let (choice, _) = exercises();
    let result = grade_choice(&choice, &[0]).unwrap();
    assert!(!result.right);
    assert_eq!(
        result.feedback[0].explanation,
        "Natuurlijk gezag kun je niet waarnemen."
    );
    assert!(!result.feedback[0].correct);
    assert_eq!(result.missed, [1]);
    let both = grade_choice(&choice, &[1, 0]).unwrap();
    assert!(!both.right);
    assert_eq!(
        both.feedback.iter().map(|f| f.index).collect::<Vec<_>>(),
        [0, 1]
    );
    let nothing = grade_choice(&choice, &[]).unwrap();
    assert!(!nothing.right);
    assert_eq!(
        grade_choice(&choice, &[2]),
        Err(GradeError::NoSuchChoice { index: 2, count: 2 })
    );
}

#[test]
fn clicking_a_word_of_a_problem_phrase_hits_it() {
    let (_, spot) = exercises();
    let text = &spot.text;
    let at = |word: &str| {
        let start = text.find(word).unwrap();
        SpotClick::Range {
            start,
            end: start + word.len(),
        }
    };
    match grade_spot(&spot, &at("jonge")).unwrap() {
        SpotResult::Hit {
            problem,
            explanation,
            start,
            end,
            ..
        } => {
            assert_eq!(problem, 0);
            assert_eq!(explanation, "Leeftijd zegt niets over geschiktheid.");
            assert_eq!(&text[start..end], "jonge");
        }
        SpotResult::Miss => panic!("jonge is a problem"),
    }
    match grade_spot(&spot, &at("bij")).unwrap() {
        SpotResult::Hit {
            problem, phrase, ..
        } => assert_eq!((problem, phrase.as_str()), (1, "past bij ons")),
        SpotResult::Miss => panic!("bij is part of a problem"),
    }
    assert_eq!(
        grade_spot(&spot, &at("wethouder")).unwrap(),
        SpotResult::Miss
    );
}

#[test]
fn clicking_by_phrase_and_by_caret_works_too() {
    let (_, spot) = exercises();
    let hit = |click| matches!(grade_spot(&spot, &click).unwrap(), SpotResult::Hit { .. });
    assert!(hit(SpotClick::Phrase {
        phrase: " Jonge ".into()
    }));
    assert!(hit(SpotClick::Phrase {
        phrase: "past bij ons team".into()
    }));
    assert!(!hit(SpotClick::Phrase {
        phrase: "energieke".into()
    }));
    assert!(!hit(SpotClick::Phrase {
        phrase: "niet in de tekst".into()
    }));
    let caret = spot.text.find("jonge").unwrap() + 2;
    assert!(hit(SpotClick::Range {
        start: caret,
        end: caret
    }));
    assert_eq!(
        grade_spot(&spot, &SpotClick::Range { start: 0, end: 999 }),
        Err(GradeError::BadRange { start: 0, end: 999 })
    );
}

#[test]
fn spot_tokens_cover_the_text_and_give_clickable_words() {
    let (_, spot) = exercises();
    let tokens = spot_tokens(&spot);
    let joined: String = tokens.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(joined, spot.text);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.word)
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(words[..4], ["Wij", "zoeken", "een", "energieke"]);
    let jonge = tokens.iter().find(|t| t.text == "jonge").unwrap();
    assert_eq!(&spot.text[jonge.start..jonge.end], "jonge");
    let click = SpotClick::Range {
        start: jonge.start,
        end: jonge.end,
    };
    assert!(matches!(
        grade_spot(&spot, &click).unwrap(),
        SpotResult::Hit { problem: 0, .. }
    ));
}

// ---- edge cases of the file format ------------------------------------------

#[test]
fn windows_line_endings_keep_lines_and_columns() {
    let text = module("\n```exercise\nid = \"x\"\nkind = \"quiz\"\n```\n").replace('\n', "\r\n");
    assert_eq!(
        module_errors(&text),
        ["13:8: unknown exercise kind \"quiz\"; use \"choice\", \"spot\" or \"case\""]
    );
    let ok = module("\n# Kop\n\n```exercise\nid = \"x\"\nkind = \"case\"\ncase = \"c\"\ninstruction = \"Doe.\"\n```\n")
        .replace('\n', "\r\n");
    assert_eq!(parse_module("m.md", &ok).unwrap().exercises.len(), 1);
}

#[test]
fn an_exercise_in_a_block_quote_points_into_the_quote() {
    let text = module("\n> ```exercise\n> id = \"x\"\n> kind = \"quiz\"\n> ```\n");
    assert_eq!(
        module_errors(&text),
        ["13:10: unknown exercise kind \"quiz\"; use \"choice\", \"spot\" or \"case\""]
    );
}

#[test]
fn other_markdown_renders_with_the_same_sanitising() {
    let html = render_markdown(
        "Casus **Lindeveld** <script>x()</script> [web](https://example.org)\n\n```exercise\nid = \"x\"\n```\n",
    );
    assert!(html.contains("<strong>Lindeveld</strong>"), "{html}");
    assert!(
        !html.contains("script") && !html.contains("example.org"),
        "{html}"
    );
    // Without a module there is no exercise to show: the block stays code.
    assert!(html.contains("<pre><code"), "{html}");
    assert!(!html.contains("data-exercise-id"), "{html}");
}

// ---- the source register -----------------------------------------------------

#[test]
fn a_marker_must_name_an_entry_of_the_register() {
    let errors = Set::fixtures()
        .edit(
            "01-basis.md",
            "[@schmidt-hunter-1998]",
            "[@schmidt-hunter-1998; @onbekend-2020]",
        )
        .check();
    assert_eq!(
        errors,
        ["content/modules/01-basis.md:13:100: source \"onbekend-2020\" is not in the source register (content/sources.toml)"]
    );
}

#[test]
fn an_entry_nobody_cites_is_reported_where_it_stands() {
    let errors = Set::fixtures()
        .edit("01-basis.md", " [@schmidt-hunter-1998]", "")
        .check();
    assert_eq!(
        errors,
        ["content/sources.toml:4:6: source \"schmidt-hunter-1998\" is cited nowhere: put a marker [@schmidt-hunter-1998] at the claim or remove the source"]
    );
}

#[test]
fn markers_in_code_do_not_count_as_citations() {
    let errors = Set::fixtures()
        .edit(
            "01-basis.md",
            " [@schmidt-hunter-1998]",
            " `[@schmidt-hunter-1998]`",
        )
        .check();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("is cited nowhere"), "{errors:?}");
}

#[test]
fn a_policy_figure_needs_a_marker_in_its_own_paragraph() {
    let errors = Set::fixtures()
        .edit(
            "01-basis.md",
            "Een gestructureerd gesprek voorspelt beter",
            "Op 1 januari 2026 was 27% van de wethouders een vrouw.\n\nEen gestructureerd gesprek voorspelt beter",
        )
        .check();
    assert_eq!(
        errors,
        ["content/modules/01-basis.md:13:23: the figure \"27%\" comes from the policy sources: put a source marker such as [@kamerbrief-diversiteit-2026] in the same paragraph"]
    );
    // In the paragraph that carries the marker the same figure is cited.
    let clean = Set::fixtures()
        .edit(
            "01-basis.md",
            "voorspelt beter dan een open gesprek.",
            "voorspelt beter dan een open gesprek, en 27% van de wethouders is een vrouw.",
        )
        .check();
    assert_eq!(clean, Vec::<String>::new());
}

#[test]
fn figures_in_list_items_and_tables_need_a_marker_too() {
    let errors = Set::fixtures()
        .edit(
            "01-basis.md",
            "| Open gesprek | laag |",
            "| Open gesprek, 83 procent hbo | laag |",
        )
        .edit(
            "01-basis.md",
            "Zie ook [de volgende module]",
            "- tussen 40 en 60 procent\n\nZie ook [de volgende module]",
        )
        .check();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("\"40 en 60 procent\""), "{errors:?}");
    assert!(errors[1].contains("\"83 procent\""), "{errors:?}");
}

#[test]
fn lexicon_headers_cite_the_register_and_their_entries_are_not_read() {
    let lexicon = "# Origin. 3% of wethouders [@schmidt-hunter-1998; @weg-2016].\n\n[defaults]\n# 25,2% here is not the header\nkind = \"origin\"\n";
    let mut set = Set::fixtures();
    set.files.push((
        "content/lexicon/lint-origin.toml".to_owned(),
        lexicon.to_owned(),
    ));
    assert_eq!(
        set.check(),
        ["content/lexicon/lint-origin.toml:1:52: source \"weg-2016\" is not in the source register (content/sources.toml)"]
    );
    let uncited = Set::fixtures().edit("01-basis.md", " [@schmidt-hunter-1998]", "");
    let mut uncited = uncited;
    uncited.files.push((
        "content/lexicon/lint-origin.toml".to_owned(),
        "# Only 3% in 2016.\n# Cited: [@schmidt-hunter-1998]\n[defaults]\n".to_owned(),
    ));
    assert_eq!(
        uncited.check(),
        Vec::<String>::new(),
        "one header block, one marker"
    );
}

#[test]
fn a_broken_register_is_reported_once_and_not_again_by_every_marker() {
    let errors = Set::fixtures()
        .edit("sources.toml", "year = 1998", "year = \"1998\"")
        .check();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("content/sources.toml:7:8:"),
        "{errors:?}"
    );
}

#[test]
fn without_the_register_the_bundled_one_is_used_and_unused_entries_are_not_asked_for() {
    let mut set = Set::fixtures();
    set.files.retain(|(p, _)| !p.ends_with("sources.toml"));
    assert_eq!(set.check(), Vec::<String>::new());
    let set = set.edit("01-basis.md", "[@schmidt-hunter-1998]", "[@niet-gebundeld]");
    assert_eq!(
        set.check(),
        ["content/modules/01-basis.md:13:78: source \"niet-gebundeld\" is not in the source register (content/sources.toml)"]
    );
}

#[test]
fn markers_render_as_numbered_references_to_a_source_list() {
    let r = rendered("\nEerst [@gaucher-2011], dan [@lorenz-2011; @gaucher-2011].\n\n## Bronnen\n");
    assert!(
        r.html.contains("Eerst <sup class=\"source-ref\"><a href=\"#bron-gaucher-2011\">1</a></sup>, dan <sup class=\"source-ref\"><a href=\"#bron-lorenz-2011\">2</a></sup><sup class=\"source-ref\"><a href=\"#bron-gaucher-2011\">1</a></sup>."),
        "{}",
        r.html
    );
    let list = &r.html[r
        .html
        .find("<ol class=\"sources\">")
        .expect("a source list")..];
    let first = list
        .find("<li id=\"bron-gaucher-2011\">Gaucher, D., Friesen, J. &amp; Kay, A.C. (2011).")
        .expect("gaucher first");
    let second = list
        .find("<li id=\"bron-lorenz-2011\">Lorenz")
        .expect("lorenz second");
    assert!(first < second, "{list}");
    assert!(list.contains("doi:10.1037/a0022530"), "{list}");
    assert!(
        r.plain_text.contains("Eerst [1], dan [2][1]."),
        "{}",
        r.plain_text
    );
}

#[test]
fn a_module_without_markers_has_no_source_list_and_unknown_markers_stay_visible() {
    let r = rendered("\nGeen bron hier.\n");
    assert!(!r.html.contains("sources"), "{}", r.html);
    let r = rendered("\nOnbekend [@bestaat-niet].\n");
    assert!(r.html.contains("[@bestaat-niet]"), "{}", r.html);
    assert!(!r.html.contains("<ol"), "{}", r.html);
}

#[test]
fn markers_inside_code_and_raw_html_do_not_become_links() {
    let r = rendered("\nCode `[@gaucher-2011]` en <span id=\"bron-gaucher-2011\">x</span>.\n");
    assert!(
        r.html.contains("<code>[@gaucher-2011]</code>"),
        "{}",
        r.html
    );
    // A forged id is not one this render produced.
    assert!(!r.html.contains("id=\"bron-gaucher-2011\""), "{}", r.html);
}

/// `(path, text)` pairs, as the content checks take them.
type Files = Vec<(String, String)>;

/// The repository's own content: every module, the lexicon headers and the register.
fn repository_content() -> (Files, Files) {
    let root = format!("{}/../../content", env!("CARGO_MANIFEST_DIR"));
    let read_dir = |sub: &str, ext: &str| -> Files {
        let mut out: Files = std::fs::read_dir(format!("{root}/{sub}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .map(|p| {
                let name = p.file_name().unwrap().to_str().unwrap().to_owned();
                (
                    format!("content/{sub}/{name}"),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        out.sort();
        out
    };
    let mut files = read_dir("modules", "md");
    files.extend(read_dir("cases", "toml"));
    files.extend(read_dir("lexicon", "toml"));
    files.push((
        "content/sources.toml".to_owned(),
        std::fs::read_to_string(format!("{root}/sources.toml")).unwrap(),
    ));
    (files, read_dir("rubrics", "toml"))
}

#[test]
fn the_shipped_content_cites_every_policy_figure_and_every_register_entry() {
    let (files, rubrics) = repository_content();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let rubrics: Vec<(&str, &str)> = rubrics
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let diagnostics: Vec<String> = check_content(&files, &rubrics, &[])
        .iter()
        .map(|d| d.display(Lang::En))
        .collect();
    assert_eq!(diagnostics, Vec::<String>::new());
    // The register the app renders from is the file the check just read.
    let register = parse_register("sources.toml", bundled_register_text()).unwrap();
    assert_eq!(&register, bundled_register());
}

// ---- reference scores that follow the anchors --------------------------------

/// The fixture set with anchors on the first criterion of the test rubric.
fn with_anchors() -> Set {
    Set::fixtures().edit(
        "test-rubric.toml",
        "name = \"Verbindend leiderschap\"\nweight = 50\n",
        "name = \"Verbindend leiderschap\"\nweight = 50\n[criteria.anchors]\n1 = \"Kiest direct een kant zonder de standpunten te noemen.\"\n3 = \"Vat de standpunten van beide partijen samen en doet een voorstel.\"\n5 = \"Toetst de samenvatting bij de partijen en komt tot een gedragen afspraak.\"\n",
    )
}

#[test]
fn a_reference_justification_must_quote_an_anchor_of_its_level() {
    let errors = with_anchors().check();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        errors[0],
        "content/cases/casus-test.toml:17:23: the justification of reference score 4 for T-1 on `verbindend-leiderschap` quotes no anchor of that level: put at least 15 characters of the anchor in double quotes, word for word"
    );
    assert!(errors[1].contains("for T-2"), "{errors:?}");
}

#[test]
fn an_in_between_level_may_quote_either_neighbouring_anchor() {
    let below = with_anchors()
        .edit(
            "casus-test.toml",
            "justification = \"Vat samen voordat een voorstel volgt.\"",
            "justification = \"Meer dan anker 3: \\\"vat de standpunten van beide partijen samen.\\\"\"",
        )
        .check();
    assert_eq!(below.len(), 1, "only T-2 is left: {below:?}");
    let above = with_anchors()
        .edit(
            "casus-test.toml",
            "justification = \"Vat samen voordat een voorstel volgt.\"",
            "justification = \"Mist uit anker 5: “komt tot een gedragen afspraak”.\"",
        )
        .check();
    assert_eq!(above.len(), 1, "{above:?}");
    // Level 1 is not a neighbour of 4, and a few words are not a quote.
    for quote in [
        "\\\"Kiest direct een kant zonder de standpunten te noemen\\\"",
        "\\\"de standpunten\\\"",
    ] {
        let wrong = with_anchors()
            .edit(
                "casus-test.toml",
                "justification = \"Vat samen voordat een voorstel volgt.\"",
                &format!("justification = \"{quote}\""),
            )
            .check();
        assert_eq!(wrong.len(), 2, "{quote}: {wrong:?}");
    }
}

#[test]
fn every_shipped_candidate_has_a_trainer_key_and_every_reference_quotes_its_anchor() {
    let (files, rubrics) = repository_content();
    let rubrics: Vec<maatstaf_core::rubric::Rubric> = rubrics
        .iter()
        .map(|(_, t)| toml::from_str(t).unwrap())
        .collect();
    let mut cells = 0;
    for (path, text) in files
        .iter()
        .filter(|(p, _)| p.starts_with("content/cases/"))
    {
        let case = parse_case(path, text).unwrap();
        let rubric = rubrics.iter().find(|r| r.id == case.rubric).unwrap();
        assert_eq!(check_case_against_rubric(&case, rubric), vec![], "{path}");
        for candidate in &case.candidates {
            assert!(
                candidate
                    .trainer_key
                    .as_deref()
                    .is_some_and(|k| k.contains("Valkuil")),
                "{path} {}: a trainer key names the traps",
                candidate.code
            );
            cells += candidate.reference.len();
        }
    }
    // Lindeveld is scored on the Financiën rubric (seven criteria), Havenstad on the general one.
    assert_eq!(cells, 4 * 7 + 3 * 6, "every reference cell was checked");
}

#[test]
fn model_answers_render_folded_and_source_lists_render_numbered() {
    let (files, _) = repository_content();
    let (_, text) = files
        .iter()
        .find(|(p, _)| p.ends_with("03-toetsbare-criteria-en-gedragsankers.md"))
        .unwrap();
    let html = render_module(&parse_module("m03.md", text).unwrap()).html;
    let details = html.find("<details>").expect("a folded model answer");
    let summary = html.find("<summary>Modelantwoord</summary>").unwrap();
    let answer = html
        .find("<strong>5:</strong> Houdt vast aan het besluit")
        .unwrap();
    assert!(details < summary && summary < answer, "{html}");
    let list = html.find("<ol class=\"sources\">").expect("a source list");
    assert!(html[list..]
        .contains("<li id=\"bron-smith-kendall-1963\">Smith, P.C. &amp; Kendall, L.M. (1963)."));
}
