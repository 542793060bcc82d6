import { describe, expect, it } from "vitest";
import { dailyCheck, gappedScale } from "../../testing/test-instruments.ts";
import { validateAnswers } from "./validate-answers.ts";

describe("validateAnswers", () => {
  it("accepts a complete set of allowed answers", () => {
    expect(validateAnswers(gappedScale, { alpha: 4, beta: 5, gamma: 3 })).toEqual({ ok: true });
    expect(validateAnswers(dailyCheck, { mood: 2, hours: 6.5 })).toEqual({ ok: true });
  });

  it("names each missing item", () => {
    const result = validateAnswers(gappedScale, { beta: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.item)).toEqual(["alpha", "gamma"]);
    expect(result.issues[0]?.message).toContain("No answer");
  });

  it("names an item whose value is not in its allowed set and lists the allowed values", () => {
    const result = validateAnswers(gappedScale, { alpha: 3, beta: 0, gamma: 0 });
    expect(result).toEqual({
      ok: false,
      issues: [{ item: "alpha", message: expect.stringContaining("allowed: 0, 1, 2, 4") }],
    });
  });

  it("names unknown items after the instrument's own issues", () => {
    const result = validateAnswers(gappedScale, { alpha: 9, beta: 0, gamma: 0, delta: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.item)).toEqual(["alpha", "delta"]);
    expect(result.issues[1]?.message).toContain("not an item");
  });

  it("refuses non-numbers and off-grid numeric answers, naming the item", () => {
    const answers = { mood: "2", hours: 7.25 } as unknown as Record<string, number>;
    const result = validateAnswers(dailyCheck, answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.item)).toEqual(["mood", "hours"]);
    expect(result.issues[0]?.message).toContain('"2"');
    expect(result.issues[1]?.message).toContain("steps of 0.5");
  });

  it("does not treat inherited properties as answers", () => {
    const answers = Object.create({ alpha: 1 }) as Record<string, number>;
    const result = validateAnswers(gappedScale, answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.item)).toEqual(["alpha", "beta", "gamma"]);
  });
});
