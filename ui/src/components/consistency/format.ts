// Numbers and dates as a Dutch (or English) reader expects them.
import type { Lang } from "../../lib/bindings/Lang";

export function locale(lang: Lang): string {
  return lang === "nl" ? "nl-NL" : "en-GB";
}

export function decimal(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return "—";
  return v.toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function level(v: number, lang: Lang): string {
  return v.toLocaleString(locale(lang), { maximumFractionDigits: 1 });
}

/** "2 december 2026, 05:28" in the laptop's time zone (the log keeps UTC). */
export function dateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = d.toLocaleDateString(locale(lang), { day: "numeric", month: "long", year: "numeric" });
  const time = d.toLocaleTimeString(locale(lang), { hour: "2-digit", minute: "2-digit", hour12: false });
  return `${day}, ${time}`;
}
