import { describe, expect, it } from "vitest";
import { flagScreen, gappedScale } from "../../testing/test-instruments.ts";
import { redFlagWarnings } from "./red-flags.ts";

describe("redFlagWarnings", () => {
  it("raises one urgent warning per yes, in item order, from the data", () => {
    const warnings = redFlagWarnings(flagScreen, { second: 1, plain: 1, first: 1 });
    expect(warnings.map((w) => w.code)).toEqual(["redflag.first", "redflag.second"]);
    for (const w of warnings) {
      expect(w.severity).toBe("urgent");
      expect(w.sources.length).toBeGreaterThan(0);
    }
    expect(warnings[0]).toMatchObject({
      title: "first title",
      message: "first message",
      action: "first action",
      details: { instrumentId: "flags", itemId: "first", answer: 1 },
    });
  });

  it("raises nothing for no, for missing answers, or for items without a rule", () => {
    expect(redFlagWarnings(flagScreen, { first: 0, plain: 1, second: 0 })).toEqual([]);
    expect(redFlagWarnings(flagScreen, {})).toEqual([]);
    expect(redFlagWarnings(gappedScale, { alpha: 4, beta: 5, gamma: 3 })).toEqual([]);
  });

  it("returns copies, so changing a warning does not change the instrument", () => {
    const [first] = redFlagWarnings(flagScreen, { first: 1 });
    first?.sources.push({ title: "added", url: "https://example.org/x" });
    const [again] = redFlagWarnings(flagScreen, { first: 1 });
    expect(again?.sources).toHaveLength(1);
  });
});
