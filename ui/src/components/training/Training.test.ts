import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { accessView } from "../../test/access";
import Training from "./Training.svelte";
import Import from "./Import.svelte";
import DotPlot from "../plots/DotPlot.svelte";
import { i18n } from "../../lib/i18n.svelte";

let calls: [string, Record<string, unknown>][];

const module = {
  id: "m05-halo",
  title: "Eerste indruk en halo",
  summary: "Over het halo-effect.",
  minutes: 20,
  order: 5,
  audience: ["negotiator"],
  bundled: true,
  graded_exercises: 1,
};

let signedIn: number | null;

beforeEach(() => {
  i18n.lang = "nl";
  calls = [];
  signedIn = null;
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, a]);
    switch (cmd) {
      case "list_teams":
        return [{ id: 1, name: "Demo", is_demo: true, created_at: "2026-11-25T08:00:00Z", members: 1, candidates: 0 }];
      case "team_detail":
        return {
          team: { id: 1, name: "Demo", is_demo: true, created_at: "2026-11-25T08:00:00Z", members: 1, candidates: 0 },
          members: [{ id: 7, name: "Priya Ramdin", role: "assessor", party: null }],
          candidates: [],
        };
      case "access_view":
        return accessView([{ id: 7, name: "Priya Ramdin", role: "assessor", has_pin: true, has_passphrase: false }], signedIn, {
          protected: true,
        });
      case "sign_out":
        signedIn = null;
        return null;
      case "sign_in":
        if (a.secret !== "2468") throw { code: "pin_wrong", params: {}, detail: "wrong" };
        signedIn = a.memberId as number;
        return null;
      case "list_modules":
        return [module];
      case "list_cases":
        return [];
      case "training_progress":
        return [{ module_id: module.id, read: false, exercises_done: 0, exercises_total: 1, exercises: [] }];
      case "search_modules":
        return [
          {
            module_id: module.id,
            title: module.title,
            snippet: [
              { text: "het ", hit: false },
              { text: "halo", hit: true },
              { text: "-effect", hit: false },
            ],
          },
        ];
      case "module_view":
        return {
          module,
          goals: ["Je herkent het halo-effect."],
          html: '<h1 id="halo">Halo</h1><p>Tekst.</p><div class="exercise" data-exercise-id="m05-keuze"></div>',
          headings: [{ id: "halo", text: "Halo", level: 1 }],
          exercises: [{ kind: "choice", id: "m05-keuze", question: "Wat is halo?", choices: ["Een gevoel", "Eén indruk kleurt alles"] }],
        };
      case "grade_exercise": {
        const answer = a.answer as { selected: number[] };
        const right = answer.selected.length === 1 && answer.selected[0] === 1;
        return {
          kind: "choice",
          result: {
            right,
            feedback: answer.selected.map((i) => ({
              index: i,
              correct: i === 1,
              explanation: i === 1 ? "Klopt: één indruk werkt overal door." : "Nee, het gaat om doorwerking.",
            })),
            missed: right ? [] : [1],
          },
        };
      }
      case "import_content":
        return {
          outcome: "refused",
          errors: [{ path: "modules/kapot.md", line: 5, column: 11, message: { nl: "`minutes` moet tussen 1 en 240 liggen", en: "`minutes` must be between 1 and 240" } }],
          warnings: [],
        };
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

describe("training library", () => {
  it("search shows the matching modules with the matched word marked", async () => {
    const { container } = render(Training);
    await screen.findByText("Eerste indruk en halo");
    await fireEvent.input(screen.getByLabelText("Zoek in alle modules"), { target: { value: "halo" } });
    await waitFor(() => expect(container.querySelector("#search-results mark")?.textContent).toBe("halo"));
    expect(calls.some(([cmd, a]) => cmd === "search_modules" && a.query === "halo")).toBe(true);
  });

  it("a wrong choice shows its explanation, then the right choice is confirmed", async () => {
    render(Training);
    // Exercises count for the member who signed in with their PIN, never for a pick from a list.
    await fireEvent.click(await screen.findByText("Aanmelden of wisselen"));
    await fireEvent.click(await screen.findByText("Priya Ramdin"));
    await fireEvent.input(screen.getByLabelText("Pincode"), { target: { value: "2468" } });
    await fireEvent.click(screen.getByText("OK"));
    await screen.findByText("Priya Ramdin", { selector: "#training-active-member" });
    await fireEvent.click(await screen.findByText("Eerste indruk en halo"));
    await fireEvent.click(await screen.findByText("Een gevoel"));
    await fireEvent.click(screen.getByText("Controleer"));
    expect(await screen.findByText("Nee, het gaat om doorwerking.")).toBeTruthy();
    expect(screen.getByText(/Nog niet goed/)).toBeTruthy();
    await fireEvent.click(screen.getByText("Een gevoel"));
    await fireEvent.click(screen.getByText("Eén indruk kleurt alles"));
    await fireEvent.click(screen.getByText("Controleer"));
    expect(await screen.findByText("Klopt: één indruk werkt overal door.")).toBeTruthy();
    expect(screen.getByText("Goed!")).toBeTruthy();
    const graded = calls.filter(([cmd]) => cmd === "grade_exercise");
    expect(graded.map(([, a]) => a.teamId)).toEqual([1, 1]);
    expect(graded.every(([, a]) => !("memberId" in a))).toBe(true);
  });
});

describe("import", () => {
  it("shows a refused file as path:line:column: message and says nothing changed", async () => {
    const onchanged = () => calls.push(["changed", {}]);
    const { container } = render(Import, { teamId: 1, memberId: 9, isTrainer: true, modules: [], cases: [], onchanged });
    const input = container.querySelector<HTMLInputElement>("#import-file")!;
    const file = new File(["+++\n"], "kapot.md");
    Object.defineProperty(input, "files", { value: [file] });
    await fireEvent.change(input);
    const box = await screen.findByRole("alert");
    expect(box.textContent).toContain("modules/kapot.md:5:11: `minutes` moet tussen 1 en 240 liggen");
    expect(box.textContent).toContain("Er is niets veranderd");
    expect(calls.some(([cmd]) => cmd === "changed")).toBe(false);
  });

  it("tells a non-trainer that only trainers import", () => {
    render(Import, { teamId: 1, memberId: 9, isTrainer: false, modules: [], cases: [], onchanged: () => {} });
    expect(screen.getByText(/Alleen een trainer/)).toBeTruthy();
    expect(document.querySelector("#import-file")).toBeNull();
  });
});

describe("dot plot", () => {
  it("draws one dot per value and a marker where one is given", () => {
    const { container } = render(DotPlot, {
      title: "Spreiding",
      min: 1,
      max: 5,
      rows: [
        { label: "H-1", values: [2, 2, 4], marker: 3 },
        { label: "H-2", values: [5], marker: null },
      ],
    });
    expect(container.querySelectorAll("circle.dot").length).toBe(4);
    expect(container.querySelectorAll("rect.marker").length).toBe(1);
    const stacked = [...container.querySelectorAll<SVGCircleElement>('circle[data-value="2"]')].map((c) => c.getAttribute("cy"));
    expect(new Set(stacked).size).toBe(2);
  });
});
