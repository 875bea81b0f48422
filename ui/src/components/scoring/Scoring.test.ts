import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import Scoring from "./Scoring.svelte";
import { i18n } from "../../lib/i18n.svelte";
import { selection } from "../../lib/selection.svelte";

const rubric = {
  id: "r",
  title: "Wethouder",
  version: 1,
  scale: { min: 1, max: 5 },
  criteria: [
    {
      id: "integriteit",
      name: "Integriteit",
      definition: "Herkent een belangenconflict.",
      weight: 100,
      knockout: 2,
      indicators: ["Noemt met wie"],
      anchors: { "1": "Ziet geen conflict.", "5": "Alle stappen." },
    },
  ],
};

const members = [
  { id: 1, name: "Anneke de Wit", role: "chair", has_pin: true, has_passphrase: false },
  { id: 3, name: "Gerrit Bosma", role: "assessor", has_pin: true, has_passphrase: false },
  { id: 4, name: "Priya Ramdin", role: "assessor", has_pin: false, has_passphrase: false },
];

let calls: [string, Record<string, unknown>][];
let active: number | null;
let revealed: boolean;
let unblinded: boolean;

function overview() {
  return {
    members,
    rubrics: [],
    candidates: ["K-1", "K-2"],
    rounds: [{ number: 1, state: revealed ? "revealed" : "open", progress: { submitted: 1, total: 2 } }],
    selection: unblinded
      ? { decision: { round: 1, choices: [], recorded_by: "1", at: "x" }, unblinded: { by: "1", at: "nu" } }
      : {},
    policy: { deviations: [] },
  };
}

const cell = (assessor: string, level: number) => ({ kind: "scored", assessor, level, evidence: `note ${assessor}` });

function comparison() {
  return {
    round: 1,
    rubric_hash: "abc",
    posts: [],
    scale: { min: 1, max: 5 },
    criteria: [{ id: "integriteit", name: "Integriteit", weight: 100, knockout: 2 }],
    assessors: [
      { assessor: "3", submitted: true },
      { assessor: "4", submitted: true },
    ],
    candidates: [
      {
        code: "K-1",
        cells: [
          {
            criterion: "integriteit",
            entries: [cell("3", 1), cell("4", 4)],
            stats: { n: 2, min: 1, max: 4, spread: 3, mean: 2.5 },
            large_disagreement: true,
            knockout: { state: "warning", assessors: ["3"] },
          },
        ],
        totals: [
          { assessor: "3", total: 0 },
          { assessor: "4", total: 75 },
        ],
        mean_total: 37.5,
        knocked_out: false,
      },
    ],
  };
}

beforeEach(() => {
  i18n.lang = "nl";
  selection.teamId = 7;
  calls = [];
  active = null;
  revealed = false;
  unblinded = false;
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, any>;
    calls.push([cmd, a]);
    switch (cmd) {
      case "list_teams":
        return [{ id: 7, name: "Demo", is_demo: true, created_at: "x", members: 3, candidates: 2 }];
      case "scoring_screen":
        return { overview: overview(), active: members.find((m) => m.id === active) ?? null };
      case "sign_out":
        active = null;
        return null;
      case "sign_in":
        if (a.secret !== "1357") throw { code: "pin_wrong", params: {}, detail: "wrong" };
        active = a.memberId;
        return null;
      case "round_view":
        if (revealed) return { view: "revealed", comparison: comparison() };
        return {
          view: "scoring",
          round: 1,
          status: { state: "open" },
          rubric,
          progress: { submitted: 1, total: 2 },
          work: {
            plan: { assessor: "3", mode: "by_candidate", candidate_order: ["K-2", "K-1"], criterion_order: ["integriteit"] },
            excluded: [],
            cells: [
              { candidate: "K-2", criterion: "integriteit" },
              { candidate: "K-1", criterion: "integriteit" },
            ],
            sheet: null,
          },
        };
      case "round_material":
        return [
          { code: "K-2", sections: [{ kind: "written_answer", criterion: "integriteit", text: "Ik meld het bij de burgemeester." }] },
          { code: "K-1", sections: [] },
        ];
      case "save_score":
        return null;
      case "unblinded_candidates":
        return [{ code: "K-1", name: "Sanne Hoekstra" }];
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

describe("assessor switch", () => {
  it("asks for the PIN and shows nothing of a sheet after a wrong one", async () => {
    render(Scoring);
    await fireEvent.click(await screen.findByText("Gerrit Bosma"));
    await fireEvent.input(screen.getByLabelText("Pincode"), { target: { value: "0000" } });
    await fireEvent.click(screen.getByText("OK"));
    expect(await screen.findByText("Deze pincode klopt niet.")).toBeTruthy();
    expect(calls.some(([c]) => c === "round_view")).toBe(false);
  });

  it("a member without a PIN is asked to set one, twice the same", async () => {
    render(Scoring);
    await fireEvent.click(await screen.findByText("Priya Ramdin"));
    expect(await screen.findByText(/heeft nog geen pincode/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText("Pincode"), { target: { value: "2468" } });
    await fireEvent.input(screen.getByLabelText("Herhaal de pincode"), { target: { value: "2469" } });
    await fireEvent.click(screen.getByText("OK"));
    expect(await screen.findByText("De twee pincodes zijn niet gelijk.")).toBeTruthy();
    expect(calls.some(([c]) => c === "set_first_pin")).toBe(false);
  });
});

describe("scoring sheet", () => {
  it("shows the assessor's own order, the material and anchors, and autosaves", async () => {
    render(Scoring);
    await fireEvent.click(await screen.findByText("Gerrit Bosma"));
    await fireEvent.input(screen.getByLabelText("Pincode"), { target: { value: "1357" } });
    await fireEvent.click(screen.getByText("OK"));
    expect(await screen.findByText("K-2 → K-1")).toBeTruthy();
    expect(screen.getByText("Ik meld het bij de burgemeester.")).toBeTruthy();
    expect(screen.getByText("Ziet geen conflict.")).toBeTruthy();
    expect(screen.getByText("1 van 2 ingeleverd")).toBeTruthy();
    await fireEvent.click(screen.getByText("Alle stappen."));
    await fireEvent.input(screen.getByLabelText(/Onderbouwing/), { target: { value: "Meldt bij de burgemeester" } });
    expect(screen.getByText("Opslaan…")).toBeTruthy();
    await waitFor(() => expect(screen.getByText("Opgeslagen")).toBeTruthy(), { timeout: 2000 });
    const saves = calls.filter(([c]) => c === "save_score");
    expect(saves).toHaveLength(1);
    expect(saves[0][1]).toMatchObject({
      round: 1,
      score: { candidate: "K-2", criterion: "integriteit", level: 5, evidence: "Meldt bij de burgemeester" },
    });
  });
});

describe("comparison sheet", () => {
  it("highlights a large disagreement and shows names only after unblinding", async () => {
    revealed = true;
    active = 1;
    const { unmount } = render(Scoring);
    const table = await screen.findByRole("table");
    expect(table.querySelector("td.large")).toBeTruthy();
    expect(table.textContent).toContain("37,5");
    expect(table.textContent).not.toContain("Sanne Hoekstra");
    expect(calls.some(([c]) => c === "unblinded_candidates")).toBe(false);
    unmount();
    unblinded = true;
    render(Scoring);
    expect(await screen.findByText("Sanne Hoekstra")).toBeTruthy();
  });
});
