// Dates and times as a Dutch reader writes and reads them: "2 december 2026, 05:28" in
// the laptop's own time zone, and dates typed as DD-MM-JJJJ.

import { dateTime } from "../components/consistency/format";
import { i18n } from "./i18n.svelte";

function locale(): string {
  return i18n.lang === "en" ? "en-GB" : "nl-NL";
}

/** "2 december 2026, 05:28" for an RFC 3339 moment (UTC in the log), in local time. */
export function formatDateTime(rfc3339: string): string {
  return dateTime(rfc3339, i18n.lang);
}

/** "14:32": the time of day of a moment, for "Opgeslagen om 14:32". */
export function formatTime(d: Date): string {
  return d.toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit", hour12: false });
}

/** "14 maart 1979" for a calendar date stored as JJJJ-MM-DD (no time zone involved). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toLocaleDateString(locale(), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** "14-03-1979": a stored JJJJ-MM-DD date as it is typed. */
export function toTypedDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * A typed date as stored (JJJJ-MM-DD): accepts DD-MM-JJJJ (also with / or . and one-digit
 * day or month) and JJJJ-MM-DD. Null when it is not an existing date.
 */
export function parseTypedDate(raw: string): string | null {
  const s = raw.trim();
  let year: number, month: number, day: number;
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return null;
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists =
    year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!exists) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
