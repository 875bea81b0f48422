import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { accessView, type TeamState } from "../../test/access";
import { acting } from "../../lib/acting.svelte";
import { i18n } from "../../lib/i18n.svelte";
import DissentPanel from "./DissentPanel.svelte";
import ReportPanel from "./ReportPanel.svelte";

const members = [
  { id: 1, name: "Anneke de Wit", role: "chair" as const, has_pin: true, has_passphrase: true },
  { id: 3, name: "Gerrit Bosma", role: "assessor" as const, has_pin: true, has_passphrase: false },
];

const doc = {
  lang: "nl",
  title: "Besluitverslag — Gemeente Voorbeeld",
  generated_at: "2026-12-02T10:00:00Z",
  blocks: [
    { kind: "heading", level: 1, text: "Besluitverslag — Gemeente Voorbeeld" },
    { kind: "heading", level: 2, text: "2. Kandidaten en scores" },
    { kind: "table", caption: "Gewogen totalen", header: ["Kandidaat", "Gewogen totaal"], rows: [["K-7F3", "89,2"]] },
    { kind: "list", items: ["Oefensessie afgerond."] },
    {
      kind: "figure",
      caption: "Overeenstemming per criterium",
      alt: "Grafiek: per criterium een punt voor alfa.",
      svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-label="Overeenstemming per criterium"><title>Overeenstemming per criterium</title><circle cx="5" cy="5" r="2"/></svg>',
    },
  ],
};

let calls: [string, Record<string, unknown>][];
let dissents: unknown[];
let risks: { code: string; done: boolean }[];

function actAs(id: number, state: TeamState) {
  acting.view = accessView(members, id, state);
}

beforeEach(() => {
  i18n.lang = "nl";
  calls = [];
  dissents = [];
  risks = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, a]);
    switch (cmd) {
      case "access_view":
        return acting.view;
      case "list_risk_analyses":
        return risks;
      case "record_risk_analysis":
        risks = risks.map((r) => (r.code === a.code ? { ...r, done: true } : r));
        return null;
      case "report_preview":
        return doc;
      case "export_report":
        return {
          id: 9, kind: "report", path: "/home/anneke/Documenten/Maatstaf/besluitverslag.pdf",
          folder: "/home/anneke/Documenten/Maatstaf", file_name: "besluitverslag.pdf",
          created_at: "2026-12-02T10:00:00Z", exists: true, may_hold_names: false,
        };
      case "list_dissents":
        return dissents;
      case "record_dissent":
        if (!(a.text as string).trim())
          throw { code: "dissent_empty", params: { nl: "Schrijf op waarom u het oneens bent.", en: "Write down why." }, detail: "" };
        dissents = [{ member_id: 3, member: "Gerrit Bosma", text: a.text, at: "2026-12-02T09:00:00Z" }];
        return dissents[0];
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => {
  clearMocks();
  acting.view = null;
});

describe("the decision report", () => {
  it("previews the document as headings and tables, and saves it as a PDF", async () => {
    actAs(1, { protected: true });
    render(ReportPanel, { teamId: 1, decided: false, unblinded: false });
    expect(screen.queryByLabelText(/Namen achter de codes/)).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Voorbeeld tonen" }));
    const preview = await screen.findByRole("article", { name: "Voorbeeld van het besluitverslag" });
    expect(preview.querySelector("h5")?.textContent).toBe("2. Kandidaten en scores");
    expect(screen.getByRole("rowheader", { name: "K-7F3" })).toBeTruthy();
    // The plot, the same drawing as the app's, with its caption and description.
    const figure = preview.querySelector("figure");
    expect(figure?.querySelector("svg circle")).toBeTruthy();
    expect(screen.getByRole("img", { name: "Overeenstemming per criterium" })).toBeTruthy();
    expect(figure?.querySelector("figcaption")?.textContent).toContain("Grafiek: per criterium een punt voor alfa.");
    expect(calls.find(([c]) => c === "report_preview")?.[1]).toMatchObject({ choice: { lang: "nl", with_names: false } });
    await fireEvent.click(screen.getByRole("button", { name: "Opslaan als PDF" }));
    await waitFor(() => expect(screen.getByText("/home/anneke/Documenten/Maatstaf/besluitverslag.pdf")).toBeTruthy());
    expect(calls.find(([c]) => c === "export_report")?.[1]).toMatchObject({ format: "pdf", choice: { with_names: false } });
  });

  it("offers names only after the unblinding, and an assessor cannot make the report", async () => {
    actAs(1, { protected: true, decided: true, unblinded: true });
    risks = [{ code: "K-7F3", done: false }];
    const { unmount } = render(ReportPanel, { teamId: 1, decided: true, unblinded: true });
    await fireEvent.click(screen.getByLabelText(/Namen achter de codes/));
    await fireEvent.click(screen.getByRole("button", { name: "Voorbeeld tonen" }));
    await waitFor(() =>
      expect(calls.find(([c]) => c === "report_preview")?.[1]).toMatchObject({ choice: { with_names: true } }),
    );
    // The integrity track: done, never its content.
    await fireEvent.click(await screen.findByRole("button", { name: "Risicoanalyse gedaan: K-7F3" }));
    await waitFor(() => expect(screen.getByText("risicoanalyse gedaan")).toBeTruthy());
    unmount();

    actAs(3, { protected: true });
    render(ReportPanel, { teamId: 1, decided: false, unblinded: false });
    expect(screen.queryByRole("button", { name: "Voorbeeld tonen" })).toBeNull();
    expect(screen.getByText(/Alleen de voorzitter en de secretaris/)).toBeTruthy();
  });
});

describe("dissent", () => {
  it("an assessor records a note before the decision; an empty one is refused with a message", async () => {
    actAs(3, { protected: true });
    render(DissentPanel, { teamId: 1, decided: false });
    await screen.findByText("Niemand heeft vastgelegd het oneens te zijn.");
    await fireEvent.click(screen.getByRole("button", { name: "Afwijkende mening vastleggen" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Schrijf op waarom");
    await fireEvent.input(screen.getByLabelText(/Oneens met de keuze/), {
      target: { value: "K-R4M liet meer ervaring zien." },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Afwijkende mening vastleggen" }));
    await screen.findByText("Uw afwijkende mening is vastgelegd.");
    expect(screen.getByText(/K-R4M liet meer ervaring zien/)).toBeTruthy();
  });

  it("after the decision the notes are shown and no new one can be added", async () => {
    actAs(3, { protected: true, decided: true });
    dissents = [{ member_id: 3, member: "Gerrit Bosma", text: "Oneens.", at: "2026-12-02T09:00:00Z" }];
    render(DissentPanel, { teamId: 1, decided: true });
    await screen.findByText(/Oneens\./);
    expect(screen.queryByRole("button", { name: "Afwijkende mening vastleggen" })).toBeNull();
  });
});
