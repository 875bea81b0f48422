import { describe, expect, it } from "vitest";
import { dictionaries, keysOf } from "./i18n.svelte";

describe("translations", () => {
  it("Dutch and English say the same things", () => {
    const nl = keysOf(dictionaries.nl).sort();
    const en = keysOf(dictionaries.en).sort();
    expect(en.filter((k) => !nl.includes(k))).toEqual([]);
    expect(nl.filter((k) => !en.includes(k))).toEqual([]);
  });

  it("no text is left empty and placeholders match", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keysOf(dictionaries.nl)) {
      const get = (d: unknown) => key.split(".").reduce((n: any, p) => n[p], d) as string;
      const nl = get(dictionaries.nl);
      const en = get(dictionaries.en);
      expect(nl.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      expect(placeholders(en), key).toEqual(placeholders(nl));
    }
  });
});
