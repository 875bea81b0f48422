import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import ScoringSheet from "./ScoringSheet.svelte";
import type { RoundView } from "../../lib/bindings/RoundView";
import type { SheetBackend } from "../../lib/sheetBackend";

const view = {
  view: "scoring",
  round: 2,
  status: { state: "open" },
  rubric: {
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
        indicators: ["Noemt met wie"],
        anchors: { "1": "Ziet geen conflict.", "5": "Alle stappen." },
      },
    ],
  },
  progress: { submitted: 0, total: 1 },
  work: {
    plan: { assessor: "3", mode: "by_candidate", candidate_order: ["K-1"], criterion_order: ["integriteit"] },
    excluded: [],
    cells: [{ candidate: "K-1", criterion: "integriteit" }],
    sheet: null,
  },
} as unknown as Extract<RoundView, { view: "scoring" }>;

const backend: SheetBackend = {
  save: async () => {},
  submit: async () => {},
  previousLevels: async () => ({ "K-1|integriteit": 4 }),
  signsWithPassphrase: false,
};

describe("the scoring sheet in a later round", () => {
  it("asks why only once a chosen level differs from the previous round", async () => {
    const { container } = render(ScoringSheet, { backend, view, material: [], onsubmitted: () => {} });
    await screen.findByText(/4/, { selector: "#previous-level" });
    expect(container.querySelector("#reason")).toBeNull();
    await fireEvent.click(container.querySelector("#level-2")!);
    await waitFor(() => expect(container.querySelector("#reason")).not.toBeNull());
    await fireEvent.click(container.querySelector("#level-4")!);
    await waitFor(() => expect(container.querySelector("#reason")).toBeNull());
  });
});
