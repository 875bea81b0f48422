// Who is acting for the selected team and what they may do, as the store answers it.
// One copy for every area, re-read from Rust after every switch, sign-out, failure and
// refusal, so no screen names someone the app has already signed out.
import { api, isIpcError } from "./api";
import type { AccessView } from "./bindings/AccessView";
import type { Action } from "./bindings/Action";

export const acting = $state<{ teamId: number | null; view: AccessView | null }>({
  teamId: null,
  view: null,
});

/** Reads who is acting for `teamId` again (null clears it). */
export async function refreshActing(teamId: number | null): Promise<AccessView | null> {
  if (teamId === null) {
    acting.teamId = null;
    acting.view = null;
    return null;
  }
  const view = await api.accessView(teamId);
  acting.teamId = teamId;
  acting.view = view;
  return view;
}

/** Whether the member acting now may do `action`: what a screen offers, never what decides. */
export function can(action: Action): boolean {
  return acting.view?.allowed.includes(action) ?? false;
}

/** After a failed call: a refusal may mean the session ended, so the bar is read again. */
export async function afterFailure(e: unknown): Promise<void> {
  if (isIpcError(e) && e.code.startsWith("access_") && acting.teamId !== null) {
    await refreshActing(acting.teamId).catch(() => {});
  }
}
