import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ScoringMember } from "../../lib/bindings/ScoringMember";
import { accessView } from "../../test/access";
import Candidates from "./Candidates.svelte";
import { i18n } from "../../lib/i18n.svelte";

const original = "🌷 Özdemir woont in Deventer.";
let calls: [string, any][];
let frozen: boolean;
const members: ScoringMember[] = [
  { id: 1, name: "Anneke de Wit", role: "chair", has_pin: true, has_passphrase: false },
  { id: 2, name: "Youssef Amrani", role: "secretary", has_pin: true, has_passphrase: false },
  { id: 3, name: "Gerrit Bosma", role: "assessor", has_pin: true, has_passphrase: false },
];
const pins: Record<number, string> = { 1: "1470", 2: "2580", 3: "1357" };
let acting: number | null;
let refuse: Record<string, unknown>;
let erased = false;
let scored: boolean;

beforeEach(() => {
  i18n.lang = "nl";
  calls = [];
  frozen = false;
  acting = 2;
  refuse = {};
  erased = false;
  scored = false;
  mockIPC((cmd, args) => {
    const a = args as Record<string, any>;
    calls.push([cmd, a]);
    if (cmd in refuse) throw refuse[cmd];
    switch (cmd) {
      case "access_view":
        return accessView(members, acting, { protected: true });
      case "sign_out":
        acting = null;
        return null;
      case "sign_in":
        if (pins[a.memberId] !== a.secret) throw { code: "pin_wrong", params: {}, detail: "wrong" };
        acting = a.memberId;
        return null;
      case "export_personal_copy":
        return `/home/anneke/Documenten/Maatstaf/${a.code}.html`;
      case "erase_candidate":
        erased = true;
        return null;
      case "candidate_removal":
        return { code: a.code, sections: 1, frozen: 1, in_scoring: scored };
      case "list_teams":
        return [{ id: 4, name: "Lindeveld", is_demo: false, created_at: "2026-11-25T08:00:00Z", members: 1, candidates: 1 }];
      case "list_candidates":
        return [
          {
            id: 1,
            code: "K-7F3",
            blinded: frozen,
            erased,
            material: [
              { id: 9, kind: "motivation", criterion: null, frozen, short_hash: frozen ? "abcdef12" : null },
            ],
          },
        ];
      case "next_round_plan":
        return null;
      case "intake_rubrics":
        return [];
      case "material_review":
        return {
          id: 9,
          code: "K-7F3",
          kind: "motivation",
          criterion: null,
          lang: "nl",
          original,
          proposals: [
            { start: 3, end: 10, byte_start: 5, byte_end: 13, category: "name", replacement: "de kandidaat" },
            { start: 20, end: 28, byte_start: 23, byte_end: 31, category: "place", replacement: "[plaats]" },
          ],
          placeholders: { other: "[weggelaten]", place: "[plaats]" },
          blinded: null,
          warnings: [
            {
              start: 5,
              end: 13,
              message: { nl: "Er staat een onzichtbaar teken in „Özdemir”.", en: "There is an invisible character in “Özdemir”." },
            },
          ],
        };
      case "freeze_material":
        frozen = true;
        return {
          id: 9,
          code: "K-7F3",
          kind: "motivation",
          criterion: null,
          lang: "nl",
          original: null,
          proposals: [],
          placeholders: {},
          warnings: [],
          blinded: {
            text: "🌷 de kandidaat woont in Deventer.",
            sha256: "abcdef12".padEnd(64, "0"),
            frozen_at: "2026-11-25T09:00:00Z",
            redactions: [{ out_start: 3, out_end: 15, category: "name" }],
          },
        };
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

describe("candidates", () => {
  it("lists candidates by code with their status", async () => {
    render(Candidates);
    expect(await screen.findByText("K-7F3")).toBeTruthy();
    expect(screen.getAllByText("concept").length).toBeGreaterThan(0);
    expect(screen.getByText("Motivatie")).toBeTruthy();
    expect((await screen.findByText((_, el) => el?.id === "candidates-active-member")).textContent).toBe(
      "Youssef Amrani",
    );
  });

  it("without the secretary or chair acting shows only codes and statuses, and offers the switch", async () => {
    acting = null;
    render(Candidates);
    expect(await screen.findByText("K-7F3")).toBeTruthy();
    expect(await screen.findByText(/Wissel eerst naar die rol met de pincode/)).toBeTruthy();
    expect(screen.getByText("Niemand is aangemeld.")).toBeTruthy();
    for (const hidden of ["Nieuwe kandidaat", "Beoordelen", "Identiteit", "Verwijderen"]) {
      expect(screen.queryByRole("button", { name: hidden })).toBeNull();
    }
    expect(calls.some(([c]) => ["candidate_identity", "material_review"].includes(c))).toBe(false);

    await fireEvent.click(screen.getByText("Aanmelden of wisselen"));
    expect(await screen.findByText("Wie werkt er nu met de kandidaten?")).toBeTruthy();
    await fireEvent.click(screen.getByText("Youssef Amrani"));
    await fireEvent.input(screen.getByLabelText("Pincode"), { target: { value: "2580" } });
    await fireEvent.click(screen.getByText("OK"));
    expect(await screen.findByText("Nieuwe kandidaat")).toBeTruthy();
    expect(screen.getByText("Beoordelen")).toBeTruthy();
    expect(calls.find(([c]) => c === "sign_in")![1]).toMatchObject({ teamId: 4, memberId: 2, secret: "2580" });
  });

  it("keeps the intake hidden for an assessor", async () => {
    acting = 3;
    render(Candidates);
    expect(await screen.findByText("K-7F3")).toBeTruthy();
    expect(await screen.findByText(/Wissel eerst naar die rol met de pincode/)).toBeTruthy();
    expect(screen.getByText("Gerrit Bosma")).toBeTruthy();
    expect(screen.queryByText("Nieuwe kandidaat")).toBeNull();
  });

  it("says in Dutch why the store refused to show an identity", async () => {
    // The session ended meanwhile (the app refused as nobody): the message is core's own.
    refuse.candidate_identity = {
      code: "access_nobody_acting",
      params: {
        action: "view_identity",
        nl: "Niemand is aangemeld. Meld u eerst aan met uw pincode; dat is nodig om dit te doen: zien wie een kandidaat is.",
        en: "Nobody is signed in.",
      },
      detail: "",
    };
    render(Candidates);
    await fireEvent.click(await screen.findByRole("button", { name: "Identiteit" }));
    expect(await screen.findByText(/Meld u eerst aan met uw pincode; dat is nodig om dit te doen: zien wie/)).toBeTruthy();
  });

  it("says why a scored candidate cannot be deleted", async () => {
    refuse.delete_candidate = { code: "candidate_scored", params: { code: "K-7F3" }, detail: "" };
    render(Candidates);
    await fireEvent.click(await screen.findByText("Verwijderen"));
    await fireEvent.click(await screen.findByText("Ja, verwijder deze kandidaat"));
    expect(await screen.findByText(/Kandidaat K-7F3 kan niet worden verwijderd/)).toBeTruthy();
    expect(screen.getByText("K-7F3")).toBeTruthy();
  });

  it("says before anyone tries that a candidate in a scoring round stays", async () => {
    scored = true;
    render(Candidates);
    await fireEvent.click(await screen.findByText("Verwijderen"));
    expect(await screen.findByText(/K-7F3 heeft al scores, dus de code blijft bestaan/)).toBeTruthy();
    expect(screen.queryByText("Ja, verwijder deze kandidaat")).toBeNull();
    expect(calls.some(([c]) => c === "delete_candidate")).toBe(false);
  });

  it("saves a candidate's own copy and says the log records only that it was made", async () => {
    render(Candidates);
    await fireEvent.click(await screen.findByText("Inzage-exemplaar"));
    expect(await screen.findByText(/K-7F3 staat in \/home\/anneke\/Documenten\/Maatstaf\/K-7F3.html/)).toBeTruthy();
    expect(calls).toContainEqual(["export_personal_copy", { teamId: 4, code: "K-7F3" }]);
  });

  it("erases a scored candidate's name and texts for a stated reason, and lists them as withdrawn", async () => {
    scored = true;
    render(Candidates);
    await fireEvent.click(await screen.findByText("Verwijderen"));
    expect(await screen.findByText(/de code blijft bestaan/)).toBeTruthy();
    await fireEvent.click(screen.getByLabelText("De kandidaat heeft gevraagd om wissing"));
    await fireEvent.click(screen.getByText("Ja, wis de gegevens"));
    expect(await screen.findByText("teruggetrokken, gegevens gewist")).toBeTruthy();
    expect(calls).toContainEqual(["erase_candidate", { teamId: 4, code: "K-7F3", reason: "request" }]);
    expect(screen.queryByRole("button", { name: "Identiteit" })).toBeNull();
  });

  it("refuses a bad birth date in Dutch and sends nothing", async () => {
    render(Candidates);
    await fireEvent.click(await screen.findByText("Nieuwe kandidaat"));
    expect(screen.getByText(/neemt geen foto's op/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText("Naam"), { target: { value: "Sevda Özdemir" } });
    await fireEvent.input(screen.getByLabelText(/Geboortedatum/), { target: { value: "30-02-1990" } });
    await fireEvent.input(screen.getByLabelText("Motivatie"), { target: { value: "Ik wil het." } });
    await fireEvent.click(screen.getByText("Kandidaat opslaan"));
    expect(await screen.findByText(/Vul de geboortedatum in als DD-MM-JJJJ/)).toBeTruthy();
    expect(calls.some(([c]) => c === "add_candidate")).toBe(false);
  });

  it("takes a birth date typed the Dutch way and stores it as a calendar date", async () => {
    render(Candidates);
    await fireEvent.click(await screen.findByText("Nieuwe kandidaat"));
    await fireEvent.input(screen.getByLabelText("Naam"), { target: { value: "Sevda Özdemir" } });
    await fireEvent.input(screen.getByLabelText(/Geboortedatum/), { target: { value: "21-7-1990" } });
    await fireEvent.input(screen.getByLabelText("Motivatie"), { target: { value: "Ik wil het." } });
    await fireEvent.click(screen.getByText("Kandidaat opslaan"));
    await vi.waitFor(() => expect(calls.some(([c]) => c === "add_candidate")).toBe(true));
    const [, args] = calls.find(([c]) => c === "add_candidate")!;
    expect((args as { identity: { birth_date: string } }).identity.birth_date).toBe("1990-07-21");
  });

  it("shows the original verbatim with highlights, and freezes only after every proposal is decided", async () => {
    render(Candidates);
    await fireEvent.click(await screen.findByText("Beoordelen"));
    const box = await screen.findByText((_, el) => el?.id === "original-text");
    expect(box.textContent).toBe(original);
    // An invisible character found at intake is said before the secretary starts.
    expect(screen.getByText("Er staat een onzichtbaar teken in „Özdemir”.")).toBeTruthy();
    const freeze = screen.getByText("Anonimiseren en vastzetten…") as HTMLButtonElement;
    expect(freeze.disabled).toBe(true);
    await fireEvent.click(screen.getAllByText("Accepteren")[0]);
    await fireEvent.click(screen.getAllByText("Afwijzen")[1]);
    expect(document.getElementById("preview")!.textContent).toBe("🌷 de kandidaat woont in Deventer.");
    expect(freeze.disabled).toBe(false);
    await fireEvent.click(freeze);
    // Freezing cannot be undone: it asks first, and nothing is sent before the answer.
    expect(screen.getByText(/Dit kan niet ongedaan worden gemaakt/)).toBeTruthy();
    expect(calls.some(([c]) => c === "freeze_material")).toBe(false);
    await fireEvent.click(screen.getByText("Ja, zet de tekst vast"));
    expect(await screen.findByText(/Controlegetal: abcdef12/)).toBeTruthy();
    const sent = calls.find(([c]) => c === "freeze_material")![1];
    expect(sent.redactions).toEqual([{ start: 3, end: 10, category: "name", replacement: "de kandidaat" }]);
    expect(document.getElementById("original-text")).toBeNull();
    expect(document.body.textContent).not.toContain("Özdemir");
  });
});
