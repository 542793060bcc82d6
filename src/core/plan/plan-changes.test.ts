import { describe, expect, it } from "vitest";
import { amountTaper, titration } from "../../testing/plan-fixtures.ts";
import { PLAN_FIELDS, planChanged } from "./plan-changes.ts";

describe("planChanged", () => {
  it("lists nothing for identical versions", () => {
    expect(planChanged(amountTaper, { ...amountTaper })).toEqual([]);
  });

  it("lists each changed field in a stable order", () => {
    const next = { ...amountTaper, stepLengthDays: 10, startDate: "2026-03-02", maxPerDay: 5 };
    expect(planChanged(amountTaper, next)).toEqual(["startDate", "stepLengthDays", "maxPerDay"]);
  });

  it("treats a field that appears or disappears as changed", () => {
    expect(planChanged(amountTaper, { ...amountTaper, endDate: "2026-05-01" })).toEqual([
      "endDate",
    ]);
    expect(planChanged({ ...amountTaper, endDate: "2026-05-01" }, amountTaper)).toEqual([
      "endDate",
    ]);
    expect(planChanged(amountTaper, { ...amountTaper, endDate: undefined })).toEqual([]);
  });

  it("names the part of the step that changed", () => {
    expect(
      planChanged(amountTaper, { ...amountTaper, step: { kind: "amount", amount: 0.25 } }),
    ).toEqual(["step.amount"]);
    expect(
      planChanged(amountTaper, { ...amountTaper, step: { kind: "percent", percent: 10 } }),
    ).toEqual(["step"]);
    const percent = { ...amountTaper, step: { kind: "percent", percent: 10 } } as const;
    expect(planChanged(percent, { ...percent, step: { kind: "percent", percent: 5 } })).toEqual([
      "step.percent",
    ]);
  });

  it("can report every field", () => {
    const everything = planChanged(amountTaper, {
      ...titration,
      step: { kind: "percent", percent: 20 },
      productId: "prod-1",
      startDate: "2026-04-01",
      stepLengthDays: 5,
      maxPerDose: 100,
      maxPerDay: 300,
      minHoursBetweenDoses: 6,
      endDate: "2026-06-01",
      roundTo: 5,
    });
    expect(everything).toEqual([...PLAN_FIELDS]);
  });
});
