import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { accessView } from "../../test/access";
import { acting } from "../../lib/acting.svelte";
import { i18n } from "../../lib/i18n.svelte";
import ExportList from "./ExportList.svelte";

const members = [
  { id: 2, name: "Youssef Amrani", role: "secretary" as const, has_pin: true, has_passphrase: false },
  { id: 3, name: "Gerrit Bosma", role: "assessor" as const, has_pin: true, has_passphrase: false },
];

const copy = {
  id: 7,
  kind: "personal_copy",
  path: "/home/anneke/Documenten/Maatstaf/K-7F3.html",
  folder: "/home/anneke/Documenten/Maatstaf",
  file_name: "K-7F3.html",
  created_at: "2026-12-02T04:28:00Z",
  exists: false,
  may_hold_names: true,
};
const backup = { file_name: "maatstaf.sqlite3.v8-20261101T090000Z.bak", created_at: "2026-11-01T09:00:00Z" };

let exports: unknown[];
let backups: unknown[];
let calls: [string, Record<string, unknown>][];

beforeEach(() => {
  i18n.lang = "nl";
  exports = [copy];
  backups = [backup];
  calls = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, a]);
    switch (cmd) {
      case "list_exports":
        return exports;
      case "list_backups":
        return backups;
      case "delete_export":
        exports = [];
        return { kind: "personal_copy", file_name: "K-7F3.html", created_at: copy.created_at, already_gone: true };
      case "delete_backup":
        if (a.fileName !== backup.file_name) throw { code: "privacy", params: { nl: "Onbekend bestand.", en: "Unknown file." }, detail: "" };
        backups = [];
        return { kind: null, file_name: backup.file_name, created_at: backup.created_at, already_gone: false };
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => {
  clearMocks();
  acting.view = null;
});

describe("files the app saved", () => {
  it("lists exports and backups with their dates; an assessor sees no delete button", async () => {
    acting.view = accessView(members, 3, { protected: true });
    render(ExportList, { teamId: 1 });
    await screen.findByText("Inzage-exemplaar voor een kandidaat");
    expect(screen.getByText("Reservekopie van alle gegevens")).toBeTruthy();
    expect(screen.getByText(backup.file_name)).toBeTruthy();
    expect(screen.getByText(/1 november 2026/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Verwijderen/ })).toBeNull();
  });

  it("deletes a listed export after a confirmation and says when it was already gone", async () => {
    acting.view = accessView(members, 2, { protected: true });
    render(ExportList, { teamId: 1 });
    await fireEvent.click(await screen.findByRole("button", { name: "Verwijderen: K-7F3.html" }));
    expect(calls.some(([c]) => c === "delete_export")).toBe(false);
    expect(screen.getByRole("dialog").textContent).toContain("K-7F3.html");
    await fireEvent.click(screen.getByRole("button", { name: "Ja, verwijderen" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("stond al niet meer op zijn plek"));
    expect(calls.find(([c]) => c === "delete_export")?.[1]).toEqual({ teamId: 1, exportId: 7 });
    expect(await screen.findByText("Er zijn voor dit team nog geen bestanden opgeslagen.")).toBeTruthy();
  });

  it("deletes a backup by its listed name, and cancelling deletes nothing", async () => {
    acting.view = accessView(members, 2, { protected: true });
    render(ExportList, { teamId: 1 });
    const button = await screen.findByRole("button", { name: `Verwijderen: ${backup.file_name}` });
    await fireEvent.click(button);
    await fireEvent.click(screen.getByRole("button", { name: "Annuleren" }));
    expect(calls.some(([c]) => c === "delete_backup")).toBe(false);
    await fireEvent.click(button);
    await fireEvent.click(screen.getByRole("button", { name: "Ja, verwijderen" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("is verwijderd"));
    expect(calls.find(([c]) => c === "delete_backup")?.[1]).toEqual({ teamId: 1, fileName: backup.file_name });
    await waitFor(() => expect(screen.queryByText(backup.file_name)).toBeNull());
  });
});
