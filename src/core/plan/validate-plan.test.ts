import { describe, expect, it } from "vitest";
import { amountTaper, percentTaper, titration } from "../../testing/plan-fixtures.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { assertValidPlan, InvalidPlanError, validatePlan } from "./validate-plan.ts";

/** The fields named by the issues of a plan. */
function faultyFields(plan: PlanDefinition): string[] {
  return validatePlan(plan).map((issue) => issue.field);
}

/** A plan with some fields replaced, including by values the type would not allow. */
function variant(base: PlanDefinition, changes: Record<string, unknown>): PlanDefinition {
  return { ...base, ...changes } as PlanDefinition;
}

describe("validatePlan", () => {
  it("accepts well-formed tapers and titrations", () => {
    expect(validatePlan(amountTaper)).toEqual([]);
    expect(validatePlan(percentTaper)).toEqual([]);
    expect(validatePlan(titration)).toEqual([]);
    expect(() => assertValidPlan(titration)).not.toThrow();
  });

  it("needs a kind, a substance or product, and a unit", () => {
    expect(faultyFields(variant(amountTaper, { kind: "detox" }))).toEqual(["kind"]);
    expect(faultyFields(variant(amountTaper, { substanceId: undefined }))).toEqual(["substanceId"]);
    expect(
      faultyFields(variant(amountTaper, { substanceId: undefined, productId: "prod-1" })),
    ).toEqual([]);
    expect(faultyFields(variant(amountTaper, { unit: " " }))).toEqual(["unit"]);
  });

  it("requires positive finite amounts", () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(faultyFields(variant(amountTaper, { startAmountPerDay: bad }))).toEqual([
        "startAmountPerDay",
      ]);
      expect(faultyFields(variant(amountTaper, { maxPerDose: bad }))).toEqual(["maxPerDose"]);
      expect(faultyFields(variant(amountTaper, { maxPerDay: bad }))).toEqual(["maxPerDay"]);
      expect(faultyFields(variant(amountTaper, { minHoursBetweenDoses: bad }))).toEqual([
        "minHoursBetweenDoses",
      ]);
      expect(faultyFields(variant(amountTaper, { step: { kind: "amount", amount: bad } }))).toEqual(
        ["step.amount"],
      );
      expect(faultyFields(variant(amountTaper, { roundTo: bad }))).toEqual(["roundTo"]);
    }
    const issue = validatePlan(variant(amountTaper, { startAmountPerDay: -2 }))[0];
    expect(issue).toEqual({
      field: "startAmountPerDay",
      code: "not_positive",
      message: "must be greater than 0",
    });
  });

  it("keeps a taper's percent strictly between 0 and 100, a titration's in (0, 100]", () => {
    for (const percent of [0, 100, 120, -5]) {
      expect(faultyFields(variant(amountTaper, { step: { kind: "percent", percent } }))).toEqual([
        "step.percent",
      ]);
    }
    expect(faultyFields(variant(titration, { step: { kind: "percent", percent: 100 } }))).toEqual(
      [],
    );
    expect(faultyFields(variant(titration, { step: { kind: "percent", percent: 0 } }))).toEqual([
      "step.percent",
    ]);
    expect(faultyFields(variant(amountTaper, { step: { kind: "halve" } }))).toEqual(["step.kind"]);
    expect(faultyFields(variant(amountTaper, { step: undefined }))).toEqual(["step"]);
  });

  it("refuses an amount step finer than the rounding unit, unless roundTo allows it", () => {
    const fine = variant(amountTaper, { step: { kind: "amount", amount: 0.01 } });
    const [issue] = validatePlan(fine);
    expect(issue?.field).toBe("step.amount");
    expect(issue?.message).toContain("0.05 g");
    expect(validatePlan({ ...fine, roundTo: 0.01 })).toEqual([]);
  });

  it("requires whole step lengths of at least one day", () => {
    expect(validatePlan(variant(amountTaper, { stepLengthDays: 0 }))[0]?.code).toBe("out_of_range");
    expect(validatePlan(variant(amountTaper, { stepLengthDays: 2.5 }))[0]?.code).toBe(
      "not_integer",
    );
  });

  it("keeps a taper's floor at 0 or more and below the start", () => {
    expect(faultyFields({ ...amountTaper, limitAmountPerDay: 0 })).toEqual([]);
    expect(faultyFields({ ...amountTaper, limitAmountPerDay: 3.5 })).toEqual([]);
    expect(validatePlan({ ...amountTaper, limitAmountPerDay: 4 })[0]?.code).toBe("inconsistent");
    expect(validatePlan({ ...amountTaper, limitAmountPerDay: -1 })[0]?.code).toBe("negative");
  });

  it("requires a titration's ceiling, above the start", () => {
    expect(validatePlan({ ...titration, limitAmountPerDay: undefined })[0]).toMatchObject({
      field: "limitAmountPerDay",
      code: "required",
    });
    expect(validatePlan({ ...titration, limitAmountPerDay: 100 })[0]).toMatchObject({
      field: "limitAmountPerDay",
      code: "inconsistent",
    });
  });

  it("checks dates and their order", () => {
    expect(faultyFields({ ...amountTaper, startDate: "2026-02-30" })).toEqual(["startDate"]);
    expect(faultyFields({ ...amountTaper, endDate: "next week" })).toEqual(["endDate"]);
    expect(faultyFields({ ...amountTaper, endDate: "2026-02-28" })).toEqual(["endDate"]);
    expect(faultyFields({ ...amountTaper, endDate: amountTaper.startDate })).toEqual([]);
  });

  it("keeps the maximums consistent with each other and with the schedule", () => {
    expect(faultyFields({ ...amountTaper, maxPerDose: 5, maxPerDay: 4 })).toEqual(["maxPerDose"]);
    expect(faultyFields({ ...amountTaper, maxPerDose: 4, maxPerDay: 4 })).toEqual([]);
    // A taper starting above its own daily maximum, a titration climbing above it.
    expect(faultyFields({ ...amountTaper, maxPerDay: 3 })).toEqual(["startAmountPerDay"]);
    expect(faultyFields({ ...titration, maxPerDay: 250 })).toEqual(["limitAmountPerDay"]);
  });

  it("reports every problem at once, and assertValidPlan throws them all", () => {
    const bad = variant(amountTaper, { unit: "", stepLengthDays: 0, endDate: "2020-01-01" });
    expect(faultyFields(bad).sort()).toEqual(["endDate", "stepLengthDays", "unit"]);
    expect(() => assertValidPlan(bad)).toThrow(InvalidPlanError);
    expect(() => assertValidPlan(bad)).toThrow(/stepLengthDays/);
  });
});
