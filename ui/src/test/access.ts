// The "who is acting" answer for the UI's test mocks, from the rule table Rust exports
// (`accessRules.json`, generated beside the bindings): mocks allow and refuse exactly
// what the store would, without a copy of the rules of their own.
import rules from "../lib/bindings/accessRules.json";
import type { AccessView } from "../lib/bindings/AccessView";
import type { Action } from "../lib/bindings/Action";
import type { ScoringMember } from "../lib/bindings/ScoringMember";

export type TeamState = { protected: boolean; decided?: boolean; unblinded?: boolean };

type Rule = { roles: string[]; bootstrap: boolean; team: "any" | "decided" | "unblinded" };

/** Whether a member in `role` (null: nobody signed in) may do `action` in a team in `state`. */
export function may(action: Action, role: string | null, state: TeamState): boolean {
  const rule = (rules.rules as Record<string, Rule>)[action];
  const anyone = rule.bootstrap && !state.protected;
  if (!anyone && (role === null || !rule.roles.includes(role))) return false;
  if (rule.team === "decided") return state.decided === true;
  if (rule.team === "unblinded") return state.unblinded === true;
  return true;
}

/** The access view the app would send for `members` with `activeId` signed in. */
export function accessView(
  members: ScoringMember[],
  activeId: number | null,
  state: TeamState,
  extra: Partial<AccessView> = {},
): AccessView {
  const active = members.find((m) => m.id === activeId) ?? null;
  const allowed = (Object.keys(rules.rules) as Action[]).filter((a) => may(a, active?.role ?? null, state));
  return {
    members,
    active,
    protected: state.protected,
    sealed: false,
    allowed,
    officers_score: true,
    pin_failures: [],
    remaining_secs: active ? 300 : null,
    ...extra,
  };
}

/** A refusal as the app sends it, for a mock to throw. */
export function refusal(action: Action) {
  return { code: "access_nobody_acting", params: { action, nl: "Niemand is aangemeld.", en: "Nobody is signed in." }, detail: "refused" };
}
