import { describe, expect, it } from "vitest";
import { type PlanDefinition, validatePlan } from "../../core/plan/index.ts";
import { percentTaper } from "../../testing/plan-fixtures.ts";
import {
  emptyPlanForm,
  formFieldOf,
  fromDefinition,
  issuesByField,
  parseAmount,
  toDefinition,
} from "./plan-form.ts";

/** The shared 10 % taper, a step a week, with every optional term set. */
const taper: PlanDefinition = {
  ...percentTaper,
  stepLengthDays: 7,
  limitAmountPerDay: 2,
  maxPerDose: 4,
  maxPerDay: 10,
  minHoursBetweenDoses: 3,
  endDate: "2026-06-01",
};

describe("plan form", () => {
  it("round-trips a definition through the form", () => {
    expect(toDefinition(fromDefinition(taper))).toEqual(taper);
  });

  it("leaves empty optional fields out", () => {
    const form = {
      ...emptyPlanForm("2026-03-01"),
      substanceId: "kratom-leaf",
      startAmountPerDay: "6",
      stepValue: "0.5",
      stepLengthDays: "7",
    };
    const definition = toDefinition(form);
    expect(definition).toEqual({
      kind: "taper",
      substanceId: "kratom-leaf",
      unit: "g",
      startDate: "2026-03-01",
      startAmountPerDay: 6,
      step: { kind: "amount", amount: 0.5 },
      stepLengthDays: 7,
    });
    expect(validatePlan(definition)).toEqual([]);
  });

  it("reads a decimal comma, and empty as missing", () => {
    expect(parseAmount("1,5")).toBe(1.5);
    expect(parseAmount("  ")).toBeUndefined();
    expect(parseAmount("abc")).toBeNaN();
  });

  it("puts core's issues next to the right inputs", () => {
    const empty = toDefinition(emptyPlanForm("2026-03-01"));
    const byField = issuesByField(validatePlan(empty));
    expect(byField.substanceId).toMatch(/substance/);
    expect(byField.startAmountPerDay).toBe("Is required.");
    expect(byField.stepValue).toBe("Is required.");
  });

  it("maps server fields and step fields to inputs", () => {
    expect(formFieldOf("body.definition.limitAmountPerDay")).toBe("limitAmountPerDay");
    expect(formFieldOf("step.percent")).toBe("stepValue");
    expect(formFieldOf("body.definition.productId")).toBe("substanceId");
    expect(formFieldOf("nonsense")).toBeUndefined();
  });
});
