import { describe, expect, it } from "vitest";
import { compareWithOwnTotals, describeOwnComparison } from "./own-comparison.ts";

describe("a total against one's own earlier totals", () => {
  it("says a first total is the first", () => {
    expect(describeOwnComparison(24, compareWithOwnTotals([]), "SOWS")).toBe(
      "This is your first SOWS. Your next ones will be compared with it.",
    );
  });

  it("compares with the last one and the person's range", () => {
    const earlier = [30, 34, 18, 28];
    expect(describeOwnComparison(24, compareWithOwnTotals(earlier), "SOWS")).toBe(
      "This total is lower than your last (28). Your 4 earlier SOWS totals ran from 18 to 34.",
    );
    expect(describeOwnComparison(12, compareWithOwnTotals(earlier), "SOWS")).toBe(
      "This total is lower than your last (28), your lowest yet. Your 4 earlier SOWS totals ran from 18 to 34.",
    );
    expect(describeOwnComparison(40, compareWithOwnTotals(earlier), "SOWS")).toMatch(
      /^This total is higher than your last \(28\), your highest yet\./,
    );
    expect(describeOwnComparison(28, compareWithOwnTotals([28]), "SOWS")).toBe(
      "This total is the same as your last.",
    );
  });
});
