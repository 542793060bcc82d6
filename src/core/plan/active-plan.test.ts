import { describe, expect, it } from "vitest";
import { amountTaper, titration } from "../../testing/plan-fixtures.ts";
import type { ActivePlan } from "../safety/types.ts";
import { activePlanLimits } from "./active-plan.ts";
import { targetForDay } from "./schedule.ts";

describe("activePlanLimits", () => {
  const taper = { ...amountTaper, maxPerDose: 2, maxPerDay: 5, minHoursBetweenDoses: 4 };

  it("gives the safety engine the day's target and the plan's limits", () => {
    expect(activePlanLimits(taper, "2026-03-08")).toEqual({
      kind: "taper",
      substanceId: "kratom-leaf",
      unit: "g",
      targetForDay: 3.5,
      maxPerDose: 2,
      maxPerDay: 3.5,
      statedMaxPerDay: 5,
      minIntervalHours: 4,
    });
  });

  it("caps the day at the lower of maxPerDay and the day's target as the taper goes down", () => {
    for (const day of ["2026-03-01", "2026-03-20", "2026-04-30", "2026-09-01"]) {
      const limits = activePlanLimits(taper, day);
      const target = targetForDay(taper, day);
      expect(limits?.targetForDay).toBe(target);
      expect(limits?.maxPerDay).toBe(Math.min(5, target ?? Number.NaN));
    }
    // Once the taper reaches zero, the day allows nothing.
    expect(activePlanLimits(taper, "2026-09-01")?.maxPerDay).toBe(0);
  });

  it("uses the target as the day's maximum when the plan states none, for a titration too", () => {
    const limits = activePlanLimits(titration, "2026-03-05");
    expect(limits).toMatchObject({ kind: "titration", unit: "mg", targetForDay: 150 });
    expect(limits?.maxPerDay).toBe(150);
    expect(limits).not.toHaveProperty("statedMaxPerDay");
    expect(limits).not.toHaveProperty("maxPerDose");
    expect(limits).not.toHaveProperty("minIntervalHours");
  });

  it("carries the product id when the plan is about a product", () => {
    const byProduct = { ...amountTaper, substanceId: undefined, productId: "prod-42" };
    const limits = activePlanLimits(byProduct, "2026-03-01");
    expect(limits?.productId).toBe("prod-42");
    expect(limits).not.toHaveProperty("substanceId");
  });

  it("is null when the plan is not in force", () => {
    expect(activePlanLimits(taper, "2026-02-28")).toBeNull();
    expect(activePlanLimits({ ...taper, endDate: "2026-03-31" }, "2026-04-01")).toBeNull();
  });

  it("fits the safety engine's ActivePlan as it is", () => {
    const limits = activePlanLimits(taper, "2026-03-08");
    // Type-level check: this line stops compiling if the two shapes drift apart.
    const forSafety: ActivePlan | null = limits;
    expect(forSafety?.maxPerDay).toBe(limits?.targetForDay);
  });
});
