// Pure helpers for the rubric editor: where findings belong, spans, anchors.
import { errorMessage, isIpcError } from "./api";
import type { Criterion } from "./bindings/Criterion";
import type { Finding } from "./bindings/Finding";
import type { Rubric } from "./bindings/Rubric";
import type { Severity } from "./bindings/Severity";
import { i18n } from "./i18n.svelte";

const encoder = new TextEncoder();

/** A byte offset into `text` (UTF-8, as the linter counts) as a JavaScript string index (UTF-16). */
export function utf16Offset(text: string, byteOffset: number): number {
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    if (bytes >= byteOffset) break;
    bytes += encoder.encode(ch).length;
    index += ch.length;
  }
  return index;
}

const CONTEXT = 24;

/** The text split around a finding's byte span, for highlighting; `null` without a usable span. */
export function splitAtSpan(
  text: string,
  span: [number, number] | null,
): { before: string; marked: string; after: string } | null {
  if (!span) return null;
  const start = utf16Offset(text, span[0]);
  const end = utf16Offset(text, span[1]);
  if (end <= start || end > text.length) return null;
  // A few words either side are enough to find the place in the field.
  const before = text.slice(0, start);
  const after = text.slice(end);
  return {
    before: before.length > CONTEXT ? `…${before.slice(-CONTEXT).replace(/^\S*\s/, "")}` : before,
    marked: text.slice(start, end),
    after: after.length > CONTEXT ? `${after.slice(0, CONTEXT).replace(/\s\S*$/, "")}…` : after,
  };
}

/** Findings about one field of one criterion (`criterion` null for the rubric itself). */
export function findingsAt(findings: Finding[], criterion: string | null, field: string): Finding[] {
  return findings.filter((f) => f.criterion === criterion && f.field === field);
}

/** The fields the editor shows findings beside; the rest appear in the summary on top. */
export function isPlaced(f: Finding, rubric: Rubric): boolean {
  if (f.criterion === null) return f.field === "title" || f.field === "weight" || f.field === "criteria";
  if (!rubric.criteria.some((c) => c.id === f.criterion)) return false;
  const field = f.field ?? "";
  return (
    ["name", "definition", "evidence", "weight", "knockout", "indicators", "anchors"].includes(field) ||
    /^indicators\.\d+$/.test(field) ||
    /^anchors\.\d+$/.test(field)
  );
}

export function count(findings: Finding[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length;
}

/** The levels of the scale, lowest first, plus any anchored level outside it. */
export function levelsOf(rubric: Rubric, c: Criterion): number[] {
  const levels = new Set<number>();
  for (let l = rubric.scale.min; l <= rubric.scale.max; l++) levels.add(l);
  for (const key of Object.keys(c.anchors)) {
    const n = Number(key);
    if (Number.isInteger(n)) levels.add(n);
  }
  return [...levels].sort((a, b) => a - b);
}

/** For a level without an anchor: the nearest anchored levels below and above it. */
export function between(c: Criterion, level: number): { below: number | null; above: number | null } {
  const anchored = Object.entries(c.anchors)
    .filter(([, text]) => text.trim() !== "")
    .map(([k]) => Number(k))
    .sort((a, b) => a - b);
  const below = anchored.filter((l) => l < level).pop() ?? null;
  const above = anchored.find((l) => l > level) ?? null;
  return { below, above };
}

/** An id for a new criterion that no other criterion has. */
export function newCriterionId(rubric: Rubric): string {
  let n = rubric.criteria.length + 1;
  while (rubric.criteria.some((c) => c.id === `criterium-${n}`)) n++;
  return `criterium-${n}`;
}

export function emptyCriterion(rubric: Rubric): Criterion {
  return { id: newCriterionId(rubric), name: "", definition: "", weight: 0, indicators: ["", ""], anchors: {} };
}

/** A number field's value as a whole number the Rust side accepts (an emptied field is 0). */
function whole(value: unknown, max: number): number {
  const n = Math.round(Number(value));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), max) : 0;
}

/** The rubric as it is sent to be linted or saved: empty optional texts left out. */
export function cleaned(rubric: Rubric): Rubric {
  return {
    ...rubric,
    scale: { min: whole(rubric.scale.min, 255), max: whole(rubric.scale.max, 255) },
    criteria: rubric.criteria.map((c) => {
      const anchors: Record<string, string> = {};
      for (const [k, v] of Object.entries(c.anchors)) if (v.trim() !== "") anchors[k] = v;
      const out: Criterion = { ...c, weight: whole(c.weight, 1000), indicators: [...c.indicators], anchors };
      if (!c.evidence?.trim()) delete out.evidence;
      if (c.knockout === undefined || c.knockout === null) delete out.knockout;
      else out.knockout = whole(c.knockout, 255);
      return out;
    }),
  };
}

export function shortSha(sha: string): string {
  return sha.slice(0, 12);
}

/** A failure, with the linter's own bilingual explanation (line and column) when the text is not a rubric. */
export function rubricErrorMessage(e: unknown): string {
  if (isIpcError(e) && e.code === "rubric_invalid") {
    const detail = e.params[i18n.lang];
    if (detail) return `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`;
  }
  return errorMessage(e);
}
