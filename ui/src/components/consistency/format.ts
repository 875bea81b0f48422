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

export function dateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(lang), { dateStyle: "long", timeStyle: "short" });
}
