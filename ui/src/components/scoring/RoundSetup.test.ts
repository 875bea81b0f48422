import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import RoundSetup from "./RoundSetup.svelte";
import { i18n } from "../../lib/i18n.svelte";
import type { NextRoundPlan } from "../../lib/bindings/NextRoundPlan";
import type { ScoringOverview } from "../../lib/bindings/ScoringOverview";

const overview: ScoringOverview = {
  members: [
    { id: 1, name: "Anneke de Wit", role: "chair", has_pin: true, has_passphrase: false },
    { id: 3, name: "Gerrit Bosma", role: "assessor", has_pin: true, has_passphrase: false, party: "Voorbeeld Lokaal" },
    { id: 4, name: "Priya Ramdin", role: "assessor", has_pin: true, has_passphrase: false, party: "Groen Voorbeeld" },
    { id: 7, name: "Henk Jansma", role: "committee", has_pin: true, has_passphrase: false },
  ],
  rubrics: [],
  candidates: ["K-2XH", "K-7F3", "K-N7S"],
  rounds: [{ number: 1, state: "revealed", progress: { submitted: 2, total: 2 } }],
  selection: {},
  policy: { deviations: [] },
};

const plan: NextRoundPlan = {
  number: 2,
  previous: 1,
  previous_revealed: true,
  rubric_title: "Wethouder (algemeen profiel)",
  rubric_version: 1,
  decided: false,
  carried: {
    candidates: ["K-2XH", "K-7F3"],
    assessors: [
      { id: "3", mode: "by_criterion" },
      { id: "4", mode: "by_candidate" },
    ],
  },
  new_candidates: ["K-N7S"],
};

let calls: [string, Record<string, unknown>][];
let opened: number | null;

beforeEach(() => {
  i18n.lang = "nl";
  calls = [];
  opened = null;
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>]);
    if (cmd === "open_next_round") return 2;
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

function checkbox(id: string): HTMLInputElement {
  return document.getElementById(id) as HTMLInputElement;
}

describe("the setup of a later round", () => {
  it("ticks what carries over, offers the candidate blinded since, and keeps the rubric", () => {
    render(RoundSetup, { teamId: 1, overview, plan, onopened: () => {} });
    expect(screen.getByText("Ronde 2 voorbereiden")).toBeTruthy();
    expect(document.getElementById("setup-rubric-fixed")!.textContent).toBe("Wethouder (algemeen profiel) (versie 1)");
    expect(document.getElementById("setup-rubric")).toBeNull();
    expect(checkbox("setup-candidate-K-2XH").checked).toBe(true);
    expect(document.getElementById("setup-carried-K-2XH")!.textContent).toBe("in ronde 1");
    expect(document.getElementById("setup-new-K-N7S")!.textContent).toBe("nieuw sinds ronde 1");
    // Round 1's assessors with their modes; the chair did not score then; a committee member never does.
    expect(checkbox("setup-assessor-3").checked).toBe(true);
    expect(checkbox("setup-assessor-1").checked).toBe(false);
    expect(document.getElementById("setup-assessor-7")).toBeNull();
    expect((document.getElementById("setup-mode-3") as HTMLSelectElement).value).toBe("by_criterion");
  });

  it("asks for a confirmation that names what cannot be undone, and opens only after it", async () => {
    render(RoundSetup, { teamId: 1, overview, plan, onopened: (n: number) => (opened = n) });
    await fireEvent.click(checkbox("setup-candidate-K-7F3"));
    await fireEvent.click(checkbox("setup-assessor-4"));
    await fireEvent.click(screen.getByText("Ronde 2 openen…"));
    const body = document.getElementById("confirm-open-round-body")!.textContent!;
    expect(body).toContain("K-2XH, K-N7S");
    expect(body).toContain("Gerrit Bosma");
    expect(body).not.toContain("Priya");
    expect(screen.getByText(/Dit kan niet ongedaan worden gemaakt/)).toBeTruthy();
    expect(calls).toEqual([]);
    await fireEvent.click(screen.getByText("Ja, open ronde 2"));
    expect(calls).toEqual([
      [
        "open_next_round",
        { teamId: 1, candidates: ["K-2XH", "K-N7S"], assessors: [{ member_id: 3, mode: "by_criterion" }], balance: [] },
      ],
    ]);
    expect(opened).toBe(2);
  });

  it("says what is missing instead of opening a round without candidates", async () => {
    render(RoundSetup, { teamId: 1, overview, plan, onopened: () => {} });
    for (const c of ["K-2XH", "K-7F3", "K-N7S"]) await fireEvent.click(checkbox(`setup-candidate-${c}`));
    await fireEvent.click(screen.getByText("Ronde 2 openen…"));
    expect(screen.getByText("Kies ten minste één kandidaat.")).toBeTruthy();
    expect(document.getElementById("confirm-open-round")).toBeNull();
  });
});

describe("balance rules between parties", () => {
  it("sends the chosen rule with the opening and names it in the confirmation", async () => {
    render(RoundSetup, { teamId: 1, overview, plan, onopened: (n: number) => (opened = n) });
    // The parties are those of the members who may score, sorted.
    await fireEvent.click(checkbox("setup-balance-each"));
    expect(checkbox("setup-balance-party-0").parentElement!.textContent).toContain("Groen Voorbeeld");
    expect(checkbox("setup-balance-party-1").parentElement!.textContent).toContain("Voorbeeld Lokaal");
    await fireEvent.click(screen.getByText("Ronde 2 openen…"));
    expect(document.getElementById("confirm-open-round-body")!.textContent).toContain(
      "Regel: elke kandidaat gescoord door iemand van Groen Voorbeeld, Voorbeeld Lokaal.",
    );
    await fireEvent.click(screen.getByText("Ja, open ronde 2"));
    expect(calls[0][1].balance).toEqual([{ kind: "each_party", parties: ["Groen Voorbeeld", "Voorbeeld Lokaal"] }]);
    expect(opened).toBe(2);
  });

  it("shows which candidate lacks whom when the store refuses, and the round stays closed", async () => {
    clearMocks();
    mockIPC((cmd, args) => {
      calls.push([cmd, args as Record<string, unknown>]);
      throw {
        code: "balance_broken",
        params: {
          nl: "Kandidaat K-2XH wordt door niemand van Groen Voorbeeld gescoord.",
          en: "Candidate K-2XH is scored by nobody from Groen Voorbeeld.",
          candidates: "K-2XH",
        },
        detail: "",
      };
    });
    render(RoundSetup, { teamId: 1, overview, plan, onopened: (n: number) => (opened = n) });
    await fireEvent.click(checkbox("setup-balance-atleast"));
    await fireEvent.click(screen.getByText("Ronde 2 openen…"));
    await fireEvent.click(screen.getByText("Ja, open ronde 2"));
    expect(calls[0][1].balance).toEqual([{ kind: "at_least_parties", n: 2 }]);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Kandidaat K-2XH wordt door niemand van Groen Voorbeeld gescoord.",
    );
    expect(opened).toBeNull();
  });

  it("asks for a party rather than sending an empty rule", async () => {
    render(RoundSetup, { teamId: 1, overview, plan, onopened: () => {} });
    await fireEvent.click(checkbox("setup-balance-each"));
    await fireEvent.click(checkbox("setup-balance-party-0"));
    await fireEvent.click(checkbox("setup-balance-party-1"));
    await fireEvent.click(screen.getByText("Ronde 2 openen…"));
    expect(screen.getByText("Kies minstens één partij, of zet de regel uit.")).toBeTruthy();
    expect(calls).toEqual([]);
  });
});
