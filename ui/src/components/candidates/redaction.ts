// The review's bookkeeping: which ranges are redacted, what the text looks like
// blinded, and where a selection in the rendered original lies. All offsets are
// UTF-16 code units (JavaScript string indices); the store converts to bytes.
import type { Category } from "../../lib/bindings/Category";
import type { RedactionChoice } from "../../lib/bindings/RedactionChoice";
import type { ReviewProposal } from "../../lib/bindings/ReviewProposal";

export type Decision = "open" | "accepted" | "rejected";

export type Manual = { start: number; end: number; category: Category; replacement: string };

/** A stretch of the original: plain text, a proposal or a hand-drawn range. */
export type Segment =
  | { kind: "text"; text: string }
  | { kind: "proposal"; index: number; text: string; category: Category; replacement: string; decision: Decision }
  | { kind: "manual"; index: number; text: string; category: Category; replacement: string };

type Span = { start: number; end: number; replacement: string };

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The ranges that will be replaced: accepted proposals and every manual range. */
export function choices(
  proposals: ReviewProposal[],
  decisions: Decision[],
  manual: Manual[],
): Array<RedactionChoice & { replacement: string }> {
  const accepted = proposals
    .filter((_, i) => decisions[i] === "accepted")
    .map((p) => ({ start: p.start, end: p.end, category: p.category, replacement: p.replacement }));
  const drawn = manual.map((m) => ({ start: m.start, end: m.end, category: m.category, replacement: m.replacement }));
  return [...accepted, ...drawn].sort((a, b) => a.start - b.start);
}

/** The text as it will read once frozen. */
export function preview(original: string, redactions: Span[]): string {
  let out = "";
  let at = 0;
  for (const r of [...redactions].sort((a, b) => a.start - b.start)) {
    out += original.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return out + original.slice(at);
}

/** Proposals that a manual range hides (rejected ones it overlaps) are not drawn. */
export function segments(
  original: string,
  proposals: ReviewProposal[],
  decisions: Decision[],
  manual: Manual[],
): Segment[] {
  type Marked = { start: number; end: number; seg: Segment };
  const marked: Marked[] = [];
  proposals.forEach((p, index) => {
    if (manual.some((m) => overlaps(m, p))) return;
    const seg: Segment = {
      kind: "proposal",
      index,
      text: original.slice(p.start, p.end),
      category: p.category,
      replacement: p.replacement,
      decision: decisions[index],
    };
    marked.push({ start: p.start, end: p.end, seg });
  });
  manual.forEach((m, index) => {
    const seg: Segment = {
      kind: "manual",
      index,
      text: original.slice(m.start, m.end),
      category: m.category,
      replacement: m.replacement,
    };
    marked.push({ start: m.start, end: m.end, seg });
  });
  marked.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const m of marked) {
    if (m.start > at) out.push({ kind: "text", text: original.slice(at, m.start) });
    out.push(m.seg);
    at = m.end;
  }
  if (at < original.length) out.push({ kind: "text", text: original.slice(at) });
  return out;
}

/** Why a new manual range cannot be added, or null when it can. */
export function manualConflict(
  range: { start: number; end: number },
  proposals: ReviewProposal[],
  decisions: Decision[],
  manual: Manual[],
): "empty" | "overlap" | null {
  if (range.end <= range.start) return "empty";
  const blocking = proposals.some((p, i) => decisions[i] !== "rejected" && overlaps(p, range));
  if (blocking || manual.some((m) => overlaps(m, range))) return "overlap";
  return null;
}

/**
 * A selection inside `container` as string offsets of its text. The container
 * shows the original verbatim (replacements appear only as CSS generated
 * content), so its text offsets are offsets into the original. A selection
 * edge inside a surrogate pair is moved outwards to whole characters.
 */
export function selectionOffsets(container: Node, range: Range, text: string): { start: number; end: number } | null {
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = start + range.toString().length;
  const isLow = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]);
  if (isLow(start)) start -= 1;
  if (isLow(end)) end += 1;
  // Whitespace at the edges of a drag selection is not meant to be redacted.
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return end > start ? { start, end } : null;
}

/**
 * Every place where `phrase` occurs in `text`, ignoring case and the spaces around
 * the phrase: how a keyboard user picks a passage to redact without a mouse selection.
 */
export function findOccurrences(text: string, phrase: string): { start: number; end: number }[] {
  const needle = phrase.trim().toLocaleLowerCase("nl");
  if (!needle) return [];
  // Lower-casing keeps the length of Dutch and English text, so offsets carry over.
  const haystack = text.toLocaleLowerCase("nl");
  if (haystack.length !== text.length) return [];
  const found: { start: number; end: number }[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    found.push({ start: at, end: at + needle.length });
  }
  return found;
}

/** Colour groups for the highlights. */
export function categoryGroup(category: Category): string {
  switch (category) {
    case "name":
    case "gender":
    case "kinship":
      return "person";
    case "party":
      return "party";
    case "email":
    case "phone":
    case "link":
      return "contact";
    case "date":
    case "age":
      return "time";
    case "place":
      return "place";
    case "other":
      return "other";
    default:
      return "special";
  }
}
