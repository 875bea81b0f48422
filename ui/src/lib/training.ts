// Small helpers for the Training area.
import { errorMessage, isIpcError } from "./api";
import type { Diagnostic } from "./bindings/Diagnostic";
import type { Estimate } from "./bindings/Estimate";
import { i18n, tOptional } from "./i18n.svelte";

/** A message for a failed training command: the area's own codes first. */
export function trainingError(e: unknown): string {
  if (isIpcError(e)) {
    const own = tOptional(`training.errors.${e.code}`, e.params);
    if (own !== undefined) return own;
  }
  return errorMessage(e);
}

/** `path:line:column: message`, in the user's language. */
export function diagnosticLine(d: Diagnostic): string {
  return `${d.path}:${d.line}:${d.column}: ${d.message[i18n.lang]}`;
}

/** A number with the decimal separator of the user's language. */
export function decimal(value: number, digits = 2): string {
  return value.toLocaleString(i18n.lang === "nl" ? "nl-NL" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** An estimate as text: the value, or the reason there is none. */
export function estimateText(e: Estimate): string {
  return e.kind === "value" ? decimal(e.value) : e.reason[i18n.lang];
}

/** Parses "0,67" or "0.67"; `null` when it is not a number. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}
