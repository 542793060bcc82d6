import { describe, expect, it } from "vitest";
import type { PlanDefinition } from "./plan-definition.ts";
import { MAX_PLAN_STEPS, stepsToLimitAtMost, validatePlanForStorage } from "./plan-size.ts";
import { limitReachedOn } from "./schedule.ts";

const taper: PlanDefinition = {
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate: "2026-03-01",
  startAmountPerDay: 10,
  step: { kind: "percent", percent: 10 },
  stepLengthDays: 7,
  limitAmountPerDay: 2,
};

describe("plan size", () => {
  it("bounds the steps by the distance in rounding units", () => {
    // (10 − 2) / 0.05 g = 160 rounding units.
    expect(stepsToLimitAtMost(taper)).toBe(160);
    const reached = limitReachedOn(taper);
    expect(reached).not.toBeNull();
    expect(reached?.stepIndex).toBeLessThanOrEqual(stepsToLimitAtMost(taper));
  });

  it("accepts an ordinary plan", () => {
    expect(validatePlanForStorage(taper)).toEqual([]);
  });

  it("refuses a plan that could take too many steps, naming roundTo when it is set", () => {
    const fine = { ...taper, roundTo: 0.0001, step: { kind: "amount" as const, amount: 0.0001 } };
    const issues = validatePlanForStorage(fine);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: "roundTo", code: "out_of_range" });
    expect(stepsToLimitAtMost(fine)).toBeGreaterThan(MAX_PLAN_STEPS);
  });

  it("names the start amount when the default rounding makes it too long", () => {
    const huge = { ...taper, startAmountPerDay: 1_000_000 };
    expect(validatePlanForStorage(huge)[0]?.field).toBe("startAmountPerDay");
  });

  it("reports validatePlan's issues first", () => {
    const bad = { ...taper, stepLengthDays: 0 };
    expect(validatePlanForStorage(bad).map((i) => i.field)).toContain("stepLengthDays");
  });
});
