// Checks the intake form can make before asking the store (which checks again).

/** Empty (the birth date is optional) or an existing date written YYYY-MM-DD. */
export function validBirthDate(raw: string): boolean {
  const s = raw.trim();
  if (s === "") return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
