import { api } from "./api";
import type { AccessView } from "./bindings/AccessView";
import type { TeamDetail } from "./bindings/TeamDetail";
import type { TeamSummary } from "./bindings/TeamSummary";

/** What the home screen shows: every team, the chosen one in full, and who acts for it. */
export type Home = { teams: TeamSummary[]; selected: TeamDetail | null; access: AccessView | null };

/** Loads the home screen for the first of `preferred` that still exists, else the first team. */
export async function loadHome(preferred: (number | null | undefined)[]): Promise<Home> {
  const teams = await api.listTeams();
  const id = [...preferred, teams[0]?.id].find((c) => c != null && teams.some((x) => x.id === c));
  const [selected, access] =
    id != null ? await Promise.all([api.teamDetail(id), api.accessView(id)]) : [null, null];
  return { teams, selected, access };
}

let early: Promise<Home> | null = null;

/**
 * Starts loading the home screen while the app's status is fetched, so that the window's
 * first frame shows it whole: a frame with the bare shell first holds up the next one by
 * tens of milliseconds under a software renderer.
 */
export function preloadHome(): Promise<Home> {
  early = loadHome([]);
  early.catch(() => {});
  return early;
}

/** The preloaded home screen, once; null when there is none. */
export function takePreloadedHome(): Promise<Home> | null {
  const home = early;
  early = null;
  return home;
}
