import { describe, expect, it } from "vitest";
import type { ActivePlanLimits } from "../plan/active-plan.ts";
import { doseWindowOpensAt } from "./dose-window.ts";

const plan = (extra: Partial<ActivePlanLimits>): ActivePlanLimits => ({
  kind: "taper",
  unit: "g",
  targetForDay: 10,
  maxPerDay: 10,
  ...extra,
});
const now = new Date("2026-05-04T10:00:00Z");
const dose = { substanceId: "kratom", takenAt: "2026-05-04T09:00:00Z" };

describe("doseWindowOpensAt", () => {
  it("is takenAt plus the governing plan's interval", () => {
    const plans = [
      plan({ substanceId: "magnesium", minIntervalHours: 8 }),
      plan({ substanceId: "kratom", minIntervalHours: 4 }),
    ];
    expect(doseWindowOpensAt(plans, dose, now)?.toISOString()).toBe("2026-05-04T13:00:00.000Z");
  });

  it("matches a product plan by product, not by its substance", () => {
    const plans = [plan({ productId: "p1", minIntervalHours: 3 })];
    expect(doseWindowOpensAt(plans, dose, now)).toBeNull();
    const byProduct = doseWindowOpensAt(plans, { ...dose, productId: "p1" }, now);
    expect(byProduct?.toISOString()).toBe("2026-05-04T12:00:00.000Z");
  });

  it("is null with no interval, no governing plan, or a window already open", () => {
    expect(doseWindowOpensAt([plan({ substanceId: "kratom" })], dose, now)).toBeNull();
    expect(doseWindowOpensAt([], dose, now)).toBeNull();
    const short = [plan({ substanceId: "kratom", minIntervalHours: 0.5 })];
    expect(doseWindowOpensAt(short, dose, now)).toBeNull();
  });
});
