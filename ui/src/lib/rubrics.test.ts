import { describe, expect, it } from "vitest";
import type { Rubric } from "./bindings/Rubric";
import { between, cleaned, levelsOf, newCriterionId, splitAtSpan, utf16Offset } from "./rubrics";

const rubric: Rubric = {
  id: "r",
  title: "R",
  version: 1,
  scale: { min: 1, max: 5 },
  criteria: [
    {
      id: "criterium-2",
      name: "A",
      definition: "",
      weight: 100,
      evidence: "  ",
      indicators: [],
      anchors: { "1": "laag", "3": "", "5": "hoog" },
    },
  ],
};

describe("rubric editor helpers", () => {
  it("turns the linter's byte spans into string positions past accents and emoji", () => {
    const text = "Één jonge 🙂 kandidaat";
    // "Één " is 6 bytes in UTF-8 but 4 UTF-16 units.
    expect(utf16Offset(text, 6)).toBe(4);
    expect(splitAtSpan(text, [6, 11])).toEqual({ before: "Één ", marked: "jonge", after: " 🙂 kandidaat" });
    const after = new TextEncoder().encode("Één jonge 🙂 ").length;
    expect(utf16Offset(text, after)).toBe(13);
    expect(splitAtSpan(text, null)).toBeNull();
    expect(splitAtSpan("kort", [10, 20])).toBeNull();
    const long = "Wij zoeken voor deze portefeuille een dynamische bestuurder die het college versterkt en de raad meeneemt.";
    const at = long.indexOf("dynamische");
    expect(splitAtSpan(long, [at, at + 10])).toEqual({
      before: "…deze portefeuille een ",
      marked: "dynamische",
      after: " bestuurder die het…",
    });
  });

  it("names the anchored levels around an unanchored one", () => {
    const c = rubric.criteria[0];
    expect(between(c, 2)).toEqual({ below: 1, above: 5 });
    expect(between(c, 3)).toEqual({ below: 1, above: 5 });
    expect(levelsOf(rubric, { ...c, anchors: { "7": "buiten" } })).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it("leaves out blank anchors and evidence before linting or saving", () => {
    const c = cleaned(rubric).criteria[0];
    expect(c.anchors).toEqual({ "1": "laag", "5": "hoog" });
    expect("evidence" in c).toBe(false);
    expect(newCriterionId(rubric)).toBe("criterium-3");
  });
});
