import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import OwnPartyPanel from "./OwnPartyPanel.svelte";
import { i18n } from "../../lib/i18n.svelte";
import type { OwnPartyReport } from "../../lib/bindings/OwnPartyReport";

const report: OwnPartyReport = {
  round: 1,
  leniency: {
    assessors: [
      { assessor: "Gerrit Bosma", party: "Voorbeeld Lokaal", leniency: { kind: "value", value: 0.5, ci95: [-0.25, 1.25] }, n_cells: 6 },
      {
        assessor: "Priya Ramdin",
        party: "Groen Voorbeeld",
        leniency: { kind: "too_little_data", reason: { nl: "Geen cellen om te vergelijken.", en: "No cells to compare." } },
        n_cells: 0,
      },
    ],
    parties: [
      { party: "Voorbeeld Lokaal", leniency: { kind: "value", value: -0.08, ci95: null }, n_cells: 6, n_candidates: 1 },
    ],
  },
};

afterEach(() => clearMocks());

describe("own-party leniency after the unblinding", () => {
  beforeEach(() => {
    i18n.lang = "nl";
  });

  it("shows the difference per assessor and per party, with the interval or why there is none", async () => {
    mockIPC((cmd) => {
      if (cmd === "own_party_leniency") return report;
      throw new Error(`unexpected command ${cmd}`);
    });
    render(OwnPartyPanel, { teamId: 1 });
    const rows = (await screen.findByText("Gerrit Bosma")).closest("tr")!;
    expect(rows.textContent).toContain("Voorbeeld Lokaal");
    expect(rows.textContent).toContain("+0,50 (95%: -0,25 tot +1,25)");
    expect(screen.getByText("Priya Ramdin").closest("tr")!.textContent).toContain("Geen cellen om te vergelijken.");
    const party = document.getElementById("own-party-parties")!;
    expect(party.textContent).toContain("-0,08");
    expect(screen.getByText(/in ronde 1 hoger/)).toBeTruthy();
  });

  it("says why when the store refuses, in the user's language", async () => {
    i18n.lang = "en";
    mockIPC(() => {
      throw {
        code: "access_unblinding_needed",
        params: { nl: "Pas na het opheffen van de anonimisering.", en: "Only after the unblinding." },
        detail: "",
      };
    });
    render(OwnPartyPanel, { teamId: 1 });
    expect((await screen.findByRole("alert")).textContent).toBe("Only after the unblinding.");
    expect(document.getElementById("own-party-assessors")).toBeNull();
  });
});
