import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { accessView } from "./test/access";
import App from "./App.svelte";
import { i18n } from "./lib/i18n.svelte";

type Team = { id: number; name: string; is_demo: boolean; created_at: string; members: number; candidates: number };

let teams: Team[];
let calls: [string, unknown][];
let problem: unknown;
// While set, the team list answers only once it resolves.
let listGate: Promise<void> | null;
let showTour: boolean;

function detail(id: number) {
  const team = teams.find((t) => t.id === id);
  if (!team) throw { code: "no_such_team", params: { id: String(id) }, detail: "" };
  return {
    team,
    members: team.is_demo ? [{ id: 1, name: "Anneke de Wit", role: "chair", party: "Voorbeeld Lokaal" }] : [],
    candidates: team.is_demo ? [{ id: 1, code: "K-7F3" }] : [],
  };
}

beforeEach(() => {
  i18n.lang = "nl";
  problem = null;
  listGate = null;
  showTour = false;
  calls = [];
  teams = [
    {
      id: 1,
      name: "Gemeente Voorbeeld — formatie 2026",
      is_demo: true,
      created_at: "2026-11-25T08:00:00Z",
      members: 7,
      candidates: 3,
    },
  ];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    const a = args as Record<string, any>;
    switch (cmd) {
      case "app_status":
        return {
          version: "0.1.0",
          data_dir: "/d",
          db_path: "/d/maatstaf.sqlite3",
          language: "nl",
          problem,
          fingerprint: "3f2a 09bc 1122 3344 5566 7788 99aa bbcc",
          broken_ledgers: [],
          show_tour: showTour,
        };
      case "finish_tour":
        return null;
      case "help_page":
        return a.lang === "nl"
          ? { area: a.area, title: "Teams", html: "<h2>Waarvoor</h2><p>Uitleg over teams.</p>" }
          : { area: a.area, title: "Teams", html: "<h2>What it is for</h2><p>About teams.</p>" };
      case "first_paint":
        return 1;
      case "list_teams":
        return listGate ? listGate.then(() => teams) : teams;
      case "team_detail":
        return detail(a.id);
      case "access_view":
        return accessView([], null, { protected: false });
      case "retention":
        return { retain_until: null, chosen: false, overdue: false, closed_at: null };
      case "seal_state":
        return { sealed: true, fingerprint: "3f2a 09bc 11de 4a5b 6c7d 8e9f 0a1b 2c3d", with_access: [], plain_candidates: 0 };
      case "passphrase_strength":
        return { level: "strong", acceptable: true, hint: { nl: "zeer moeilijk te raden.", en: "very hard to guess." } };
      case "create_team": {
        if (!a.name.trim()) throw { code: "name_empty", params: {}, detail: "the name is empty" };
        const team = { ...teams[0], id: teams.length + 1, name: a.name.trim(), is_demo: false, members: 0, candidates: 0 };
        teams.push(team);
        return team;
      }
      case "deletion_impact":
        return { team: teams.find((t) => t.id === a.id) };
      case "delete_team":
        teams = teams.filter((t) => t.id !== a.id);
        return null;
      case "set_language":
        return null;
    }
    throw new Error(`unexpected command ${cmd}`);
  });
});

afterEach(() => clearMocks());

describe("home screen", () => {
  it("shows the demo team with its members and candidate codes", async () => {
    render(App);
    expect(await screen.findByText("Anneke de Wit")).toBeTruthy();
    expect(screen.getByText("Voorzitter")).toBeTruthy();
    expect(screen.getByText("K-7F3")).toBeTruthy();
    expect(screen.getAllByText("Gemeente Voorbeeld — formatie 2026").length).toBeGreaterThan(0);
  });

  it("appears whole: the shell only together with the teams", async () => {
    let open!: () => void;
    listGate = new Promise((resolve) => (open = resolve));
    render(App);
    await waitFor(() => expect(calls.map(([cmd]) => cmd)).toContain("list_teams"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText("Formatieteams")).toBeNull();
    open();
    expect(await screen.findByText("Formatieteams")).toBeTruthy();
    expect(screen.getByText("Anneke de Wit")).toBeTruthy();
  });

  it("refuses an empty team name with a Dutch message and creates nothing", async () => {
    render(App);
    await fireEvent.click(await screen.findByText("Nieuw team"));
    await fireEvent.click(screen.getByText("Team aanmaken"));
    expect(await screen.findByText("Vul een naam in.")).toBeTruthy();
    expect(teams).toHaveLength(1);
  });

  it("creates a sealed team with its chair, warns about a lost passphrase, and selects it", async () => {
    render(App);
    await fireEvent.click(await screen.findByText("Nieuw team"));
    expect(screen.getByText(/voorgoed verloren/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText("Naam van het team"), { target: { value: "Lindeveld" } });
    await fireEvent.input(screen.getByLabelText("Uw naam (voorzitter)"), { target: { value: "Mirjam Bakker" } });
    await fireEvent.input(screen.getByLabelText("Wachtwoordzin"), { target: { value: "vuurtoren pannenkoek kievit" } });
    expect(await screen.findByText(/Sterk: zeer moeilijk te raden\./)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText("Wachtwoordzin nog een keer"), {
      target: { value: "vuurtoren pannenkoek kievit" },
    });
    await fireEvent.click(screen.getByText("Team aanmaken"));
    const detail = await screen.findByRole("article");
    expect(await within(detail).findByText("Lindeveld")).toBeTruthy();
    expect(calls).toContainEqual([
      "create_team",
      {
        name: "Lindeveld",
        chair: {
          name: "Mirjam Bakker",
          party: null,
          passphrase: "vuurtoren pannenkoek kievit",
          repeated: "vuurtoren pannenkoek kievit",
        },
      },
    ]);
  });

  it("names what will be lost before deleting", async () => {
    render(App);
    await fireEvent.click(await screen.findByText("Verwijderen"));
    const body = await screen.findByText(/met 7 leden en 3 kandidaten/);
    expect(body.textContent).toContain("Gemeente Voorbeeld — formatie 2026");
    await fireEvent.click(screen.getByText("Ja, verwijder dit team"));
    expect(await screen.findByText(/Er zijn nog geen teams/)).toBeTruthy();
  });

  it("switches to English and stores the choice", async () => {
    render(App);
    await fireEvent.click(await screen.findByText("English"));
    expect(await screen.findByText("New team")).toBeTruthy();
    expect(calls).toContainEqual(["set_language", { lang: "en" }]);
  });
});

describe("startup problems", () => {
  it("a damaged database shows only the error screen, naming the file", async () => {
    problem = { code: "db_corrupt", params: { path: "/d/maatstaf.sqlite3" }, detail: "file is not a database" };
    render(App);
    expect(await screen.findByText("Maatstaf kan uw gegevens niet openen")).toBeTruthy();
    expect(screen.getByText(/Het gegevensbestand \/d\/maatstaf.sqlite3 is beschadigd/)).toBeTruthy();
    expect(screen.getByText(/heeft het bestand niet gewijzigd/)).toBeTruthy();
    expect(screen.queryByText("Nieuw team")).toBeNull();
  });
});

describe("help, the tour and about", () => {
  it("F1 opens the help of the area in view, in the current language, and closing it returns focus", async () => {
    render(App);
    await screen.findByText("Anneke de Wit");
    const button = screen.getByRole("button", { name: /Hulp/ });
    button.focus();
    await fireEvent.keyDown(window, { key: "F1" });
    const dialog = await screen.findByRole("dialog", { name: "Hulp: Teams" });
    expect(await within(dialog).findByText("Uitleg over teams.")).toBeTruthy();
    expect(calls).toContainEqual(["help_page", { area: "teams", lang: "nl" }]);
    // Focus went into the dialog, and Tab from its last control wraps to its first.
    const close = within(dialog).getByRole("button", { name: "Sluiten" });
    expect(dialog.contains(document.activeElement)).toBe(true);
    close.focus();
    await fireEvent.keyDown(window, { key: "Tab" });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it("shows the tour on a fresh data folder; skipping it is remembered", async () => {
    showTour = true;
    render(App);
    expect(await screen.findByText("Welkom bij Maatstaf")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Volgende" }));
    expect(screen.getByText("Het voorbeeldteam")).toBeTruthy();
    expect(screen.getByText("Stap 2 van 4")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Rondleiding overslaan" }));
    await waitFor(() => expect(screen.queryByText("Het voorbeeldteam")).toBeNull());
    expect(calls.map(([c]) => c)).toContain("finish_tour");
  });

  it("shows no tour once it was seen", async () => {
    render(App);
    await screen.findByText("Anneke de Wit");
    expect(screen.queryByText("Welkom bij Maatstaf")).toBeNull();
  });

  it("has a skip link as the first stop, and the language button is named by what it shows", async () => {
    render(App);
    await screen.findByText("Anneke de Wit");
    const links = screen.getAllByRole("link");
    expect(links[0].textContent).toBe("Naar de inhoud");
    const lang = screen.getByRole("button", { name: "English" });
    expect(lang.getAttribute("lang")).toBe("en");
  });
});
