import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { accessView, type TeamState } from "../../test/access";
import App from "../../App.svelte";
import { i18n } from "../../lib/i18n.svelte";
import { ledgers } from "./ledgers.svelte";

const DEMO = "Gemeente Voorbeeld — formatie 2026";
const text = (nl: string, en = nl) => ({ nl, en });

let signedIn: number | null;
let teamState: TeamState;
let calls: [string, Record<string, unknown>][];
let broken: unknown[];
let reviewIntact: boolean;
let reviewHistory: { previous: unknown[]; checkpoints: unknown[] };

const FP = "3f2a 09bc 0000 1111 2222 3333 4444 5555";
/** The team's own key, which signs its logboeks (not the installation's). */
const TEAM_FP = "7e7e 1234 5678 9abc def0 1234 5678 9abc";
const CODE = "7Q2MZ-K4B9X-0AB3C-DEF45";

function est(value: number, lo: number, hi: number) {
  return { kind: "value", value, ci95: [lo, hi] };
}

function recordView(round: number) {
  return {
    record: {
      round,
      practice: false,
      rubric_version: 1,
      rubric_sha256: "ab".repeat(32),
      recorded_at: "2026-11-25T09:00:00Z",
      counts: { scores: 27, missing: 0, candidates: 3, criteria: 3, assessors: 3 },
      cells: [],
      snapshot: {},
      ...(round === 2
        ? {
            recognition: {
              all: est(0.61, 0.4, 0.79),
              n_units_all: 9,
              unrecognised: est(0.74, 0.55, 0.88),
              n_units_unrecognised: 9,
              recognised_scores: 3,
            },
          }
        : {}),
    },
    sha256: `${round}`.repeat(64),
    label: text(`Ronde ${round}`, `Round ${round}`),
    alpha_svg: `<svg xmlns="http://www.w3.org/2000/svg"><text>Integriteit</text></svg>`,
    leniency_svg: `<svg xmlns="http://www.w3.org/2000/svg"><text>Gerrit Bosma</text><text>n = 9</text></svg>`,
    hotspot_svg: `<svg xmlns="http://www.w3.org/2000/svg"><g id="cel-r${round}-1-1"><rect width="9" height="9"/></g></svg>`,
    hotspots: [{ candidate: "K-R4M", criterion: "Integriteit", min: 1, max: 5, n_ratings: 3, anchor: `cel-r${round}-1-1` }],
    advice: [text("Integriteit: niet betrouwbaar (α = 0,21). Herkalibreer.", "Integriteit: not reliable.")],
    leniency_notes: [],
    changes: round === 2 ? [{ criterion: "Integriteit", before: 0.21, after: 0.74 }] : [],
    previous_label: round === 2 ? text("Ronde 1", "Round 1") : null,
    est: est(0.2, 0, 0.5),
  };
}

const explanations = [
  { id: "alpha", title: text("Overeenstemming per criterium (alfa)"), meaning: text("Betekenis"), action: text("Herkalibreer"), source: null },
];

/** What the app's verifier would say about the file for the key the reviewer typed. */
function review(expectedKey: string | null) {
  const wrongKey = expectedKey !== null && expectedKey !== FP;
  const problem = !reviewIntact
    ? { kind: "section_altered", line: 9, seq: null, message: text("Onderdeel 'Scores' (regel 9) is gewijzigd: de inhoud past niet bij de hash.") }
    : wrongKey
      ? { kind: "unexpected_key", line: 12, seq: null, message: text(`Ondertekend met sleutel ${FP}, niet met de verwachte sleutel ${expectedKey}.`) }
      : null;
  return {
    intact: problem === null,
    problem,
    signer_checked: problem === null && expectedKey !== null,
    history: reviewHistory,
    fingerprint: FP,
    header: {
      format: "maatstaf-logboek",
      version: 1,
      team: { id: "1", name: DEMO },
      exported_at: "2026-11-25T09:30:00Z",
      exporter: { type: "member", id: "1", name: "Anneke de Wit" },
      with_identities: false,
      public_key: "00",
      fingerprint: FP,
    },
    timeline: [{ seq: 1, time: "2026-11-25T08:00:00Z", kind: "team_created", label: text("Team aangemaakt"), actor: text("systeem"), broken: false }],
    rubrics: [],
    sheets: [],
    consistency: { records: [recordView(1)], trend_svg: "<svg></svg>", explanations },
    snapshots_in_log: [true],
    scores: [{ candidate_code: "K-7F3", level: 4 }],
    revisions: null,
    decision: { reasons: ["Sterkste onderbouwing"] },
    identities: null,
    unreadable_sections: [],
  };
}

beforeEach(() => {
  i18n.lang = "nl";
  location.hash = "";
  ledgers.broken = [];
  calls = [];
  broken = [];
  reviewIntact = true;
  signedIn = 2;
  teamState = { protected: true, decided: true, unblinded: true };
  reviewHistory = { previous: [], checkpoints: [] };
  Element.prototype.scrollIntoView = vi.fn();
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, a]);
    switch (cmd) {
      case "app_status":
        return {
          version: "0.1.0",
          data_dir: "/d",
          db_path: "/d/maatstaf.sqlite3",
          language: "nl",
          problem: null,
          fingerprint: "aaaa bbbb cccc dddd eeee ffff 0000 1111",
          broken_ledgers: broken,
        };
      case "first_paint":
        return 1;
      case "set_language":
        return null;
      case "list_teams":
        return [{ id: 1, name: DEMO, is_demo: true, created_at: "2026-11-25T08:00:00Z", members: 7, candidates: 3 }];
      case "team_detail":
        return { team: { id: 1, name: DEMO }, members: [], candidates: [] };
      case "consistency_view":
        return { records: [recordView(1), recordView(2)], trend_svg: "<svg><text>Ronde 1</text><text>Ronde 2</text></svg>", explanations };
      case "verify_ledgers":
        return [{ team_id: 1, team_name: DEMO, entries: 12, intact: true, problem: null }];
      case "sign_out":
        signedIn = null;
        return null;
      case "access_view":
        return accessView(
          [
            { id: 2, name: "Youssef Amrani", role: "secretary", has_pin: true, has_passphrase: false },
            { id: 3, name: "Gerrit Bosma", role: "assessor", has_pin: true, has_passphrase: false },
          ],
          signedIn,
          teamState,
        );
      case "export_logboek":
        return {
          id: 7,
          kind: a.withIdentities ? "logboek_with_names" : "logboek",
          path: "/home/anneke/Documenten/Maatstaf/logboek-gemeente-voorbeeld.jsonl",
          folder: "/home/anneke/Documenten/Maatstaf",
          file_name: "logboek-gemeente-voorbeeld.jsonl",
          created_at: "2026-12-02T04:28:00Z",
          exists: true,
        };
      case "list_exports":
      case "list_backups":
        return [];
      case "open_export_folder":
        return null;
      case "open_logboek":
        if (a.expectedKey === "abc") throw { code: "fingerprint_invalid", params: { value: "abc" }, detail: "" };
        return review(a.expectedKey as string | null);
      case "seal_state":
        return { sealed: true, fingerprint: TEAM_FP, with_access: [1, 2], plain_candidates: 0 };
      case "team_checkpoints":
        return [
          { seq: 4, time: "2026-11-25T08:10:00Z", kind: "rubric_frozen", label: text("Beoordelingskader vastgezet", "Rubric frozen"), code: "00000-11111-22222-33333" },
          { seq: 19, time: "2026-11-25T09:00:00Z", kind: "round_revealed", label: text("Scores zichtbaar gemaakt", "Round revealed"), code: CODE },
        ];
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

async function openArea() {
  render(App);
  await fireEvent.click(await screen.findByText("Consistentie & logboek"));
  // The area's code loads lazily: the first test to open it waits for it to be compiled,
  // which on a busy machine takes longer than a lookup's default second.
  await screen.findByRole("heading", { name: "Consistentie & logboek" }, { timeout: 10_000 });
}

describe("consistency & logboek", () => {
  it("names a team whose log is broken in a red banner at start", async () => {
    broken = [{ team_id: 1, team_name: DEMO, entries: 4, intact: false, problem: text("Vermelding 2 is gewijzigd: de inhoud past niet bij de hash.") }];
    render(App);
    const banner = await screen.findByRole("alert");
    expect(banner.textContent).toContain(DEMO);
    expect(banner.textContent).toContain("Vermelding 2 is gewijzigd");
  });

  it("shows agreement, advice, the before/after table and a hotspot that marks its cell", async () => {
    await openArea();
    expect(await screen.findByText("Verloop over de rondes")).toBeTruthy();
    expect(calls).toContainEqual(["consistency_view", { teamId: 1, lang: "nl" }]);
    const round2 = document.getElementById("record-r2")!;
    expect(within(round2).getByText(/Herkalibreer/)).toBeTruthy();
    expect(within(round2).getByText("Voor en na de bespreking (Ronde 1 → deze ronde)")).toBeTruthy();
    expect(round2.querySelector("#changes-r2")!.textContent).toContain("0,74");
    expect(round2.querySelector("#leniency-r2 svg")!.textContent).toContain("Gerrit Bosma");
    const link = within(round2).getByText(/K-R4M · Integriteit: 1 tot 5/);
    await fireEvent.click(link);
    expect(document.getElementById("cel-r2-1-1")!.classList.contains("focused")).toBe(true);
  });

  it("shows alpha with and without the scores of assessors who recognised the candidate", async () => {
    await openArea();
    await screen.findByText("Verloop over de rondes");
    const section = document.getElementById("recognition-r2")!;
    expect(within(section).getByText("Overeenstemming en herkenning")).toBeTruthy();
    expect(document.getElementById("recognition-r2-all")!.textContent).toContain("0,61 (95%: 0,40 tot 0,79)");
    expect(document.getElementById("recognition-r2-without")!.textContent).toContain("0,74");
    expect(section.textContent).toContain("3 scores kwamen van beoordelaars die de kandidaat herkenden");
    // An older record without the measurement shows no such section.
    expect(document.getElementById("recognition-r1")).toBeNull();
  });

  it("offers no names before the unblinding, and nothing once the officer signs out", async () => {
    teamState = { protected: true };
    await openArea();
    await fireEvent.click(await screen.findByRole("tab", { name: "Logboek" }));
    await screen.findByText("Youssef Amrani", { selector: "#logboek-active-member" });
    expect(screen.queryByLabelText("Namen van kandidaten opnemen")).toBeNull();
    expect((screen.getByText("Logboek opslaan…") as HTMLButtonElement).disabled).toBe(false);
    teamState = { protected: true, decided: true, unblinded: true };
    await fireEvent.click(screen.getByText("Afmelden"));
    await screen.findByText("Niemand is aangemeld.", { selector: "#logboek-nobody" });
    expect((screen.getByText("Logboek opslaan…") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByLabelText("Namen van kandidaten opnemen")).toBeNull();
    expect(calls.some(([c]) => c === "export_logboek")).toBe(false);
  });

  it("checks the logs on demand and exports with a warning when names are included", async () => {
    await openArea();
    await fireEvent.click(await screen.findByRole("tab", { name: "Logboek" }));
    expect(await screen.findByText(TEAM_FP)).toBeTruthy();
    expect(screen.queryByText("aaaa bbbb cccc dddd eeee ffff 0000 1111")).toBeNull();
    await fireEvent.click(screen.getByText("Controleer logboeken"));
    expect(await screen.findByText("Alle logboeken zijn intact.")).toBeTruthy();
    await fireEvent.click(screen.getByLabelText("Namen van kandidaten opnemen"));
    expect(screen.getByText(/bevat dan namen van kandidaten/)).toBeTruthy();
    await fireEvent.click(screen.getByText("Logboek opslaan…"));
    expect(await screen.findByText(/met namen van kandidaten\.$/)).toBeTruthy();
    expect(calls).toContainEqual(["export_logboek", { teamId: 1, withIdentities: true }]);
    // The full path is shown, and its folder opens on request.
    expect(screen.getByText("/home/anneke/Documenten/Maatstaf/logboek-gemeente-voorbeeld.jsonl")).toBeTruthy();
    await fireEvent.click(screen.getAllByText("Map openen")[0]);
    expect(calls).toContainEqual(["open_export_folder", { teamId: 1, exportId: 7 }]);
  });

  it("lists the team's checkpoints, newest first, and tells the chair to note the code", async () => {
    await openArea();
    await fireEvent.click(await screen.findByRole("tab", { name: "Logboek" }));
    const table = await screen.findByRole("table");
    expect(calls).toContainEqual(["team_checkpoints", { teamId: 1 }]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0].textContent).toContain("Scores zichtbaar gemaakt");
    expect(rows[0].textContent).toContain(CODE);
    expect(rows[1].textContent).toContain("00000-11111-22222-33333");
    expect(screen.getByText(/noteer dit in de notulen/)).toBeTruthy();
  });

  async function openReview(setup: () => Promise<unknown> = async () => {}) {
    await openArea();
    await fireEvent.click(await screen.findByRole("tab", { name: "Logboek openen (beoordelen)" }));
    await setup();
    const input = screen.getByLabelText("Logboekbestand") as HTMLInputElement;
    await fireEvent.change(input, { target: { files: [new File(['{"type":"header"}\n'], "logboek.jsonl")] } });
  }

  it("without a fingerprint says the signer is not checked, never a green Intact", async () => {
    await openReview();
    const verdict = await screen.findByText(/ondertekenaar niet gecontroleerd/);
    expect(screen.queryByText(/^Intact/)).toBeNull();
    expect(verdict.parentElement!.classList.contains("intact")).toBe(false);
    const open = calls.find(([cmd]) => cmd === "open_logboek")!;
    expect(open[1]).toMatchObject({ expectedKey: null, previous: [], checkpoints: [] });
    expect(open[1].bytes).toEqual([...new TextEncoder().encode('{"type":"header"}\n')]);
    const reviewEl = document.getElementById("review")!;
    expect(reviewEl.firstElementChild!.nextElementSibling).toBe(verdict.parentElement);
    expect(reviewEl.querySelectorAll("input, textarea, select")).toHaveLength(0);
    expect(screen.getByText("Sterkste onderbouwing")).toBeTruthy();
  });

  it("with the right fingerprint says Intact in green, with a wrong one says so", async () => {
    await openReview(() => fireEvent.input(screen.getByLabelText(/Verwachte vingerafdruk/), { target: { value: FP } }));
    const verdict = await screen.findByText("Intact: dit logboek is volledig, ongewijzigd en ondertekend met de verwachte sleutel.");
    expect(verdict.parentElement!.classList.contains("intact")).toBe(true);
    expect(calls.find(([cmd]) => cmd === "open_logboek")![1].expectedKey).toBe(FP);

    await fireEvent.click(screen.getByText("Logboek sluiten"));
    await fireEvent.input(screen.getByLabelText(/Verwachte vingerafdruk/), { target: { value: "ffff 0000 ffff 0000 ffff 0000 ffff 0000" } });
    await fireEvent.change(screen.getByLabelText("Logboekbestand"), { target: { files: [new File(["x"], "l.jsonl")] } });
    const wrong = await screen.findByText(/^Verkeerde sleutel/);
    expect(wrong.parentElement!.classList.contains("broken")).toBe(true);
    expect(screen.getByText(/niet met de verwachte sleutel ffff 0000/)).toBeTruthy();
  });

  it("a malformed fingerprint gets a clear message and opens nothing", async () => {
    await openReview(() => fireEvent.input(screen.getByLabelText(/Verwachte vingerafdruk/), { target: { value: "abc" } }));
    expect(await screen.findByText(/'abc' is geen vingerafdruk/)).toBeTruthy();
    expect(document.getElementById("review")).toBeNull();
  });

  it("sends older logboeks and codes from the minutes and shows each check's outcome", async () => {
    reviewHistory = {
      previous: [{ team: null, exported_at: "2026-11-20T10:00:00Z", entries: 12, problem: { kind: "entry_differs", seq: 3 }, message: text("Vermelding 3 van het eerdere logboek staat niet ongewijzigd in dit logboek: de geschiedenis is vanaf daar herschreven.") }],
      checkpoints: [{ code: CODE, found: { seq: 19 }, problem: null, message: text(`Controlecode ${CODE} is vermelding 19 (Scores zichtbaar gemaakt, 2026-11-25T09:00:00Z).`) }],
    };
    await openReview(async () => {
      await fireEvent.change(screen.getByLabelText(/Eerdere logboeken/), { target: { files: [new File(["ab"], "eerder.jsonl")] } });
      expect(await screen.findByText(/eerder\.jsonl/)).toBeTruthy();
      await fireEvent.input(screen.getByLabelText(/Controlecodes uit de notulen/), { target: { value: `${CODE}\n\n` } });
    });
    expect(await screen.findByText(/^Niet in overeenstemming met eerder vastgelegde gegevens/)).toBeTruthy();
    const open = calls.find(([cmd]) => cmd === "open_logboek")!;
    expect(open[1]).toMatchObject({ previous: [[97, 98]], checkpoints: [CODE] });
    const checks = document.getElementById("review-history")!;
    expect(checks.textContent).toContain("Klopt niet: Vermelding 3 van het eerdere logboek");
    expect(checks.textContent).toContain(`Klopt: Controlecode ${CODE} is vermelding 19`);
  });

  it("shows a broken logboek with the reason", async () => {
    reviewIntact = false;
    await openReview();
    expect(await screen.findByText(/Niet intact/)).toBeTruthy();
    expect(screen.getByText(/Onderdeel 'Scores' \(regel 9\) is gewijzigd/)).toBeTruthy();
    expect(screen.getByText("Regel 9")).toBeTruthy();
  });
});

describe("language", () => {
  it("asks for the plots again in English", async () => {
    await openArea();
    await screen.findByText("Verloop over de rondes");
    await fireEvent.click(screen.getByText("English"));
    await waitFor(() => expect(calls).toContainEqual(["consistency_view", { teamId: 1, lang: "en" }]));
  });
});
