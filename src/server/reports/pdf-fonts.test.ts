import { describe, expect, it } from "vitest";
import { charactersNotInFonts, codePointList, FontCoverage, MISSING_MARK } from "./pdf-fonts.ts";

describe("FontCoverage", () => {
  it("keeps Latin, Polish, Cyrillic, Greek and common symbols as written", () => {
    const coverage = new FontCoverage();
    const text = "Łukasz Żółć, Юлия, Ελένη: ≥ 38.5 °C → ≤ × – “ok” …";
    expect(coverage.printable(text)).toBe(text);
    expect([...coverage.missing]).toEqual([]);
  });

  it("marks a character the fonts lack and remembers it", () => {
    const coverage = new FontCoverage();
    expect(coverage.printable("Wang 王小明")).toBe(`Wang ${MISSING_MARK.repeat(3)}`);
    expect([...coverage.missing]).toEqual([0x738b, 0x5c0f, 0x660e]);
  });

  it("composes decomposed letters and drops what is invisible anyway", () => {
    const coverage = new FontCoverage();
    // "ó" as o + combining acute; a zero-width joiner; a variation selector; a bell; a tab.
    expect(coverage.printable("Zo\u0301\u0142c\u0301\u200d\ufe0f\u0007\tok\r\nnext")).toBe(
      "Zółć ok\nnext",
    );
    expect([...coverage.missing]).toEqual([]);
  });

  it("lists code points, the first ones and how many more", () => {
    expect(charactersNotInFonts(["a王", "小a王"])).toEqual([0x738b, 0x5c0f]);
    expect(codePointList([0x738b, 0xe9])).toBe("U+738B, U+00E9");
    expect(codePointList([1, 2, 3], 2)).toBe("U+0001, U+0002 and 1 more");
  });
});
