// Checks the intake form can make before asking the store (which checks again).

import { parseTypedDate } from "../../lib/dates";

/** Empty (the birth date is optional) or an existing date, typed DD-MM-JJJJ. */
export function validBirthDate(raw: string): boolean {
  return raw.trim() === "" || parseTypedDate(raw) !== null;
}

/** The birth date as the store keeps it (JJJJ-MM-DD), or null when none was typed. */
export function storedBirthDate(raw: string): string | null {
  return raw.trim() === "" ? null : parseTypedDate(raw);
}
