import { describe, expect, it } from "vitest";
import type { ReviewProposal } from "../../lib/bindings/ReviewProposal";
import {
  choices,
  findOccurrences,
  manualConflict,
  preview,
  segments,
  selectionOffsets,
  type Decision,
} from "./redaction";

const text = "🌷 Özdemir woont in Deventer.";
// As the store sends them: UTF-16 offsets for the UI, bytes for core.
const proposals: ReviewProposal[] = [
  { start: 3, end: 10, byte_start: 5, byte_end: 13, category: "name", replacement: "de kandidaat" },
  { start: 20, end: 28, byte_start: 23, byte_end: 31, category: "place", replacement: "[plaats]" },
];

describe("redaction review", () => {
  it("offsets from the store slice the right words out of a text with an emoji and an umlaut", () => {
    expect(text.slice(proposals[0].start, proposals[0].end)).toBe("Özdemir");
    expect(text.slice(proposals[1].start, proposals[1].end)).toBe("Deventer");
  });

  it("previews only accepted proposals and manual ranges", () => {
    const decisions: Decision[] = ["accepted", "rejected"];
    const manual = [{ start: 11, end: 16, category: "other" as const, replacement: "[weggelaten]" }];
    expect(preview(text, choices(proposals, decisions, manual))).toBe("🌷 de kandidaat [weggelaten] in Deventer.");
    expect(choices(proposals, ["open", "open"], [])).toEqual([]);
  });

  it("splits the original into plain text and marks without losing a character", () => {
    const segs = segments(text, proposals, ["open", "accepted"], []);
    expect(segs.map((s) => s.text).join("")).toBe(text);
    expect(segs.filter((s) => s.kind === "proposal")).toHaveLength(2);
  });

  it("refuses a manual range over an open or accepted proposal, not over a rejected one", () => {
    expect(manualConflict({ start: 5, end: 12 }, proposals, ["open", "open"], [])).toBe("overlap");
    expect(manualConflict({ start: 5, end: 12 }, proposals, ["rejected", "open"], [])).toBeNull();
    expect(manualConflict({ start: 5, end: 5 }, proposals, ["rejected", "open"], [])).toBe("empty");
  });

  it("turns a DOM selection across marks into string offsets of the original", () => {
    const box = document.createElement("div");
    box.append("🌷 ");
    const mark = document.createElement("mark");
    mark.textContent = "Özdemir";
    box.append(mark, " woont in Deventer.");
    document.body.append(box);
    const range = document.createRange();
    range.setStart(mark.firstChild!, 4); // "Özde|mir"
    range.setEnd(box.lastChild!, 6); // " woont"
    const off = selectionOffsets(box, range, text)!;
    expect(text.slice(off.start, off.end)).toBe("mir woont");
    // A selection that starts inside the tulip's surrogate pair is widened to the whole emoji.
    const tulip = document.createRange();
    tulip.setStart(box.firstChild!, 1);
    tulip.setEnd(box.firstChild!, 2);
    const t = selectionOffsets(box, tulip, text)!;
    expect(text.slice(t.start, t.end)).toBe("🌷");
    box.remove();
  });
});

describe("redacting by keyboard", () => {
  it("finds every place a typed phrase occurs, ignoring case and outer spaces", () => {
    const original = "Zij woont in Deventer. In Deventer werkt zij.";
    expect(findOccurrences(original, "  deventer ")).toEqual([
      { start: 13, end: 21 },
      { start: 26, end: 34 },
    ]);
    expect(findOccurrences(original, "zij")).toEqual([
      { start: 0, end: 3 },
      { start: 41, end: 44 },
    ]);
    expect(findOccurrences(original, "   ")).toEqual([]);
    expect(findOccurrences(original, "Zwolle")).toEqual([]);
  });

  it("gives offsets that the redaction itself uses", () => {
    const [at] = findOccurrences(text, "özdemir");
    expect(text.slice(at.start, at.end)).toBe("Özdemir");
  });
});
