import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import Rubrics from "./Rubrics.svelte";
import { i18n } from "../../lib/i18n.svelte";
import type { Finding } from "../../lib/bindings/Finding";
import type { Rubric } from "../../lib/bindings/Rubric";
import type { RubricVersionView } from "../../lib/bindings/RubricVersionView";

const rubric: Rubric = {
  id: "wethouder-wonen",
  title: "Wethouder Wonen",
  version: 1,
  scale: { min: 1, max: 5 },
  criteria: [
    {
      id: "woningbouw",
      name: "Sturen op de woningbouwopgave",
      definition: "Stuurt op de bouw van betaalbare woningen.",
      weight: 100,
      evidence: "werkopdracht",
      indicators: ["Noemt de aantallen", "Noemt een risico"],
      anchors: { "1": "Noemt geen aantallen.", "3": "Noemt aantallen.", "5": "Noemt aantallen en risico's." },
    },
  ],
};

let view: RubricVersionView;
let calls: [string, Record<string, unknown>][];

function vague(text: string): Finding[] {
  const at = new TextEncoder().encode(text.slice(0, text.indexOf("dynamische"))).length;
  return text.includes("dynamische")
    ? [
        {
          rule: "vague-term",
          severity: "warning",
          criterion: "woningbouw",
          field: "definition",
          span: [at, at + "dynamische".length],
          message: { nl: '"dynamische": dit beschrijft een indruk, geen gedrag.', en: '"dynamic": an impression.' },
          suggestion: { nl: "Beschrijf wat iemand doet.", en: "Describe what someone does." },
        },
      ]
    : [];
}

beforeEach(() => {
  i18n.lang = "nl";
  calls = [];
  view = {
    version_id: 7,
    team_id: 1,
    key: "wethouder-wonen",
    version: 1,
    rubric,
    sha256: null,
    frozen_at: null,
    accepted_warnings: [],
    findings: [],
    versions: [{ version_id: 7, version: 1, frozen_at: null }],
  };
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, any>;
    calls.push([cmd, a]);
    switch (cmd) {
      case "list_teams":
        return [{ id: 1, name: "Demo", is_demo: true, created_at: "", members: 0, candidates: 0 }];
      case "list_rubrics":
        return [
          {
            version_id: view.version_id,
            key: view.key,
            title: view.rubric.title,
            version: view.version,
            criteria: 1,
            sha256: view.sha256,
            frozen_at: view.frozen_at,
          },
        ];
      case "get_rubric":
        return view;
      case "lint_rubric_draft":
        return vague((a.rubric as Rubric).criteria[0].definition);
      case "save_rubric_draft":
        view = { ...view, rubric: a.rubric, findings: vague(a.rubric.criteria[0].definition) };
        return view;
      case "freeze_rubric":
        throw { code: "freeze_has_errors", params: { errors: "1" }, detail: "" };
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

describe("rubric editor", () => {
  it("shows a vague word beside the definition while typing, marked, and clears it once fixed", async () => {
    render(Rubrics);
    await fireEvent.click(await screen.findByText("Wethouder Wonen"));
    const definition = (await screen.findByLabelText(/Definitie/)) as HTMLTextAreaElement;
    await fireEvent.input(definition, { target: { value: "Een dynamische bestuurder." } });
    const finding = await screen.findByText(/dit beschrijft een indruk/, {}, { timeout: 2000 });
    expect(finding.closest("li")?.querySelector("mark")?.textContent).toBe("dynamische");
    expect(screen.getByText(/Beschrijf wat iemand doet/)).toBeTruthy();
    expect(screen.getByText("Waarschuwing")).toBeTruthy();

    await fireEvent.input(definition, { target: { value: "Stuurt op de bouw van 500 woningen per jaar." } });
    await waitFor(() => expect(screen.queryByText(/dit beschrijft een indruk/)).toBeNull(), { timeout: 2000 });
  });

  it("shows the store's refusal when a rubric with errors is frozen", async () => {
    view = {
      ...view,
      findings: [
        {
          rule: "weights-sum",
          severity: "error",
          criterion: null,
          field: "weight",
          span: null,
          message: { nl: "de gewichten tellen op tot 90", en: "the weights add up to 90" },
          suggestion: null,
        },
      ],
    };
    render(Rubrics);
    await fireEvent.click(await screen.findByText("Wethouder Wonen"));
    await fireEvent.click(await screen.findByText("Vastzetten"));
    expect(await screen.findByText(/Vastzetten kan niet: de controle vindt nog fouten \(1\)/)).toBeTruthy();
    expect(calls.some(([cmd]) => cmd === "freeze_rubric")).toBe(true);
  });

  it("shows a frozen version read-only with its fingerprint and a new-version button", async () => {
    view = { ...view, sha256: "ab".repeat(32), frozen_at: "2026-11-25T09:00:00Z" };
    render(Rubrics);
    expect(await screen.findByText("vastgezet, versie 1")).toBeTruthy();
    await fireEvent.click(screen.getByText("Wethouder Wonen"));
    expect(await screen.findByText("Nieuwe versie")).toBeTruthy();
    expect(screen.getByText("abababababab…")).toBeTruthy();
    expect((screen.getByLabelText(/Definitie/) as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.queryByText("Vastzetten")).toBeNull();
  });
});
