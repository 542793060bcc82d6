import { describe, expect, it } from "vitest";
import { dailyCheck, gappedScale } from "../../testing/test-instruments.ts";
import { allowedValues, answerLabel, isAllowedAnswer } from "./instrument.ts";

const [alpha] = gappedScale.items;
const hours = dailyCheck.items[1];

describe("isAllowedAnswer", () => {
  it("accepts exactly the listed values of a choice item, gaps included", () => {
    if (alpha === undefined) throw new Error("fixture");
    expect([0, 1, 2, 4].map((v) => isAllowedAnswer(alpha, v))).toEqual([true, true, true, true]);
    expect([3, 5, -1, 0.5, Number.NaN].map((v) => isAllowedAnswer(alpha, v))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("refuses values that are not numbers", () => {
    if (alpha === undefined) throw new Error("fixture");
    expect(isAllowedAnswer(alpha, "1")).toBe(false);
    expect(isAllowedAnswer(alpha, null)).toBe(false);
    expect(isAllowedAnswer(alpha, undefined)).toBe(false);
  });

  it("accepts numeric answers on the step grid within the range only", () => {
    if (hours === undefined) throw new Error("fixture");
    for (const v of [0, 0.5, 7, 7.5, 23.5, 24]) expect(isAllowedAnswer(hours, v)).toBe(true);
    for (const v of [-0.5, 24.5, 7.25, 7.1, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(isAllowedAnswer(hours, v)).toBe(false);
    }
  });
});

describe("allowedValues and answerLabel", () => {
  it("list a choice item's values and label an answer", () => {
    if (alpha === undefined || hours === undefined) throw new Error("fixture");
    expect(allowedValues(alpha)).toEqual([0, 1, 2, 4]);
    expect(allowedValues(hours)).toBeNull();
    expect(answerLabel(alpha, 4)).toBe("most");
    expect(answerLabel(alpha, 3)).toBeNull();
    expect(answerLabel(hours, 7.5)).toBe("7.5 hours");
    expect(answerLabel(hours, 7.25)).toBeNull();
  });
});
