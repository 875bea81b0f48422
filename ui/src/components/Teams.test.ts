import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Role } from "../lib/bindings/Role";
import { accessView, refusal } from "../test/access";
import Teams from "./Teams.svelte";
import { i18n } from "../lib/i18n.svelte";

const team = {
  id: 1,
  name: "Gemeente Voorbeeld — formatie 2026",
  is_demo: true,
  created_at: "2026-11-25T08:00:00Z",
  members: 3,
  candidates: 0,
};
type M = { id: number; name: string; role: string; party: string | null };
let pins: Record<number, string>;
let members: M[];
let acting: number | null;
let calls: [string, any][];
let deleted: boolean;

// Like the store: the demo team is protected, so only an acting chair or secretary may.
function manager(): boolean {
  const m = members.find((x) => x.id === acting);
  return m !== undefined && (m.role === "chair" || m.role === "secretary");
}


beforeEach(() => {
  i18n.lang = "nl";
  calls = [];
  acting = null;
  deleted = false;
  pins = { 1: "1470", 2: "2580", 3: "1357" };
  members = [
    { id: 1, name: "Anneke de Wit", role: "chair", party: null },
    { id: 2, name: "Youssef Amrani", role: "secretary", party: null },
    { id: 3, name: "Gerrit Bosma", role: "assessor", party: null },
  ];
  mockIPC((cmd, args) => {
    const a = args as Record<string, any>;
    calls.push([cmd, a]);
    switch (cmd) {
      case "list_teams":
        return deleted ? [] : [{ ...team, members: members.length }];
      case "team_detail":
        return { team: { ...team, members: members.length }, members, candidates: [] };
      case "access_view": {
        const scoring = members.map((m) => ({ id: m.id, name: m.name, role: m.role as Role, has_pin: m.id in pins, has_passphrase: false }));
        return accessView(scoring, acting, { protected: true });
      }
      case "retention":
        return { retain_until: null, chosen: false, overdue: false, closed_at: null };
      case "seal_state":
        return { sealed: false, fingerprint: null, with_access: [], plain_candidates: 0 };
      case "sign_out":
        acting = null;
        return null;
      case "sign_in":
        acting = null;
        if (pins[a.memberId] !== a.secret) throw { code: "pin_wrong", params: {}, detail: "wrong" };
        acting = a.memberId;
        return null;
      case "set_first_pin":
        if (!manager()) throw refusal("set_first_pin");
        pins[a.memberId] = a.pin;
        return null;
      case "add_member":
        if (!manager()) throw refusal("change_members");
        members.push({ id: 9, name: a.name, role: a.role, party: a.party });
        return members[members.length - 1];
      case "remove_member":
        if (!manager()) throw refusal("change_members");
        members = members.filter((m) => m.id !== a.memberId);
        return null;
      case "deletion_impact":
        return { team };
      case "delete_team":
        if (!manager()) throw refusal("delete_team");
        deleted = true;
        return null;
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

async function switchTo(name: string, pin: string) {
  await fireEvent.click(screen.getByText("Aanmelden of wisselen"));
  const picker = await screen.findByText("Wie werkt er nu met dit team?");
  await fireEvent.click(within(picker.parentElement!).getByText(name));
  await fireEvent.input(screen.getByLabelText("Pincode"), { target: { value: pin } });
  await fireEvent.click(screen.getByText("OK"));
}

describe("who manages a protected team on the home screen", () => {
  it("offers member changes only once the chair switches in, then removes a member", async () => {
    render(Teams);
    const acting = await screen.findByText("Niemand is aangemeld.");
    expect(acting).toBeTruthy();
    expect(screen.getByText(/alleen de voorzitter of de secretaris, aangemeld met de pincode/)).toBeTruthy();
    // Nothing is offered that the store would refuse.
    expect(screen.queryByLabelText("Weghalen: Gerrit Bosma")).toBeNull();
    expect((screen.getByText("Lid toevoegen") as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByText("Verwijderen") as HTMLButtonElement).disabled).toBe(true);

    await switchTo("Anneke de Wit", "1470");
    const bar = await screen.findByText("Anneke de Wit", { selector: "#team-active-member" });
    expect(bar).toBeTruthy();
    expect(screen.queryByText(/aangemeld met de pincode/)).toBeNull();
    expect(calls).toContainEqual(["sign_in", { teamId: 1, memberId: 1, secret: "1470" }]);

    await fireEvent.click(screen.getByLabelText("Weghalen: Gerrit Bosma"));
    await fireEvent.click(screen.getByText("Ja, verwijder dit lid"));
    await waitFor(() => expect(screen.queryByText("Gerrit Bosma")).toBeNull());
    expect(members.map((m) => m.name)).not.toContain("Gerrit Bosma");
    expect(calls).toContainEqual(["remove_member", { teamId: 1, memberId: 3 }]);
  });

  it("signing out ends the chair's session on screen and in the app", async () => {
    render(Teams);
    await screen.findByText("Niemand is aangemeld.");
    await switchTo("Anneke de Wit", "1470");
    await screen.findByText("Anneke de Wit", { selector: "#team-active-member" });
    await fireEvent.click(screen.getByText("Afmelden"));
    expect(await screen.findByText("Niemand is aangemeld.")).toBeTruthy();
    expect(calls.filter(([c]) => c === "sign_out").length).toBeGreaterThan(0);
    expect(acting).toBeNull();
    expect(screen.queryByLabelText("Weghalen: Gerrit Bosma")).toBeNull();
  });

  it("a wrong PIN leaves nobody acting and the note in place", async () => {
    render(Teams);
    await screen.findByText("Niemand is aangemeld.");
    await switchTo("Gerrit Bosma", "9999");
    expect(await screen.findByText("Deze pincode klopt niet.")).toBeTruthy();
    await fireEvent.click(screen.getByText("Annuleren"));
    expect(screen.getByText("Niemand is aangemeld.")).toBeTruthy();
    expect(screen.getByText(/aangemeld met de pincode/)).toBeTruthy();
  });

  it("a new secretary's first PIN is refused with nobody acting and set while the chair acts", async () => {
    members.push({ id: 4, name: "Mirjam Bakker", role: "secretary", party: null });
    render(Teams);
    await screen.findByText("Niemand is aangemeld.");
    await fireEvent.click(screen.getByText("Aanmelden of wisselen"));
    const picker = await screen.findByText("Wie werkt er nu met dit team?");
    await fireEvent.click(within(picker.parentElement!).getByText("Mirjam Bakker"));
    await fireEvent.input(screen.getByLabelText("Pincode"), { target: { value: "4826" } });
    await fireEvent.input(screen.getByLabelText("Herhaal de pincode"), { target: { value: "4826" } });
    await fireEvent.click(screen.getByText("OK"));
    expect(await screen.findByText("Niemand is aangemeld.", { selector: "#pin-error" })).toBeTruthy();
    expect(pins[4]).toBeUndefined();
    await fireEvent.click(screen.getByText("Annuleren"));

    await switchTo("Anneke de Wit", "1470");
    await screen.findByText("Anneke de Wit", { selector: "#team-active-member" });
    await fireEvent.click(await screen.findByLabelText("Eerste pincode: Mirjam Bakker"));
    await fireEvent.input(screen.getByLabelText("Pincode"), { target: { value: "4826" } });
    await fireEvent.input(screen.getByLabelText("Herhaal de pincode"), { target: { value: "4826" } });
    await fireEvent.click(screen.getByText("Pincode opslaan"));
    await waitFor(() => expect(pins[4]).toBe("4826"));
    expect(calls).toContainEqual(["set_first_pin", { teamId: 1, memberId: 4, pin: "4826" }]);
    // The chair is still the one acting: she was there when Mirjam chose her PIN.
    expect(screen.getByText("Anneke de Wit", { selector: "#team-active-member" })).toBeTruthy();
  });
});

describe("while the teams are loading", () => {
  it("does not claim there are no teams, and says so once an empty list arrives", async () => {
    let answer: ((teams: unknown[]) => void) | undefined;
    mockIPC((cmd) => {
      if (cmd === "list_teams") return new Promise((resolve) => (answer = resolve));
      throw new Error(`unexpected command ${cmd}`);
    });
    render(Teams);
    await waitFor(() => expect(answer).toBeDefined());
    expect(screen.queryByText(/nog geen teams/)).toBeNull();
    answer!([]);
    expect(await screen.findByText(/nog geen teams/)).toBeTruthy();
  });
});
