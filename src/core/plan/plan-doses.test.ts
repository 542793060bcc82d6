import { describe, expect, it } from "vitest";
import { amountTaper } from "../../testing/plan-fixtures.ts";
import { countsTowardPlan, doseInPlanUnit, type LoggedDose, planDoses } from "./plan-doses.ts";

const pools: Record<string, string> = { "kratom-leaf": "leaf", "kratom-capsules": "leaf" };
const poolOf = (id: string) => pools[id] ?? id;

function dose(fields: Partial<LoggedDose>): LoggedDose {
  return {
    takenAt: "2026-03-02T08:00:00.000Z",
    amount: 1,
    unit: "g",
    substanceId: "kratom-leaf",
    productId: null,
    canonical: null,
    ...fields,
  };
}

describe("countsTowardPlan", () => {
  const counts = countsTowardPlan(amountTaper, poolOf);

  it("counts the plan's substance and one pooled with it", () => {
    expect(counts(dose({}))).toBe(true);
    expect(counts(dose({ substanceId: "kratom-capsules" }))).toBe(true);
  });

  it("reads the pool recorded when the dose was logged before the catalog's", () => {
    expect(
      counts(dose({ substanceId: "renamed", canonical: { amount: 1, unit: "g", pool: "leaf" } })),
    ).toBe(true);
  });

  it("does not count an extract or another substance", () => {
    expect(counts(dose({ substanceId: "kratom-extract" }))).toBe(false);
    expect(counts(dose({ substanceId: "magnesium-glycinate" }))).toBe(false);
  });

  it("counts the plan's product whatever its substance", () => {
    const productPlan = { ...amountTaper, substanceId: undefined, productId: "p1" };
    expect(countsTowardPlan(productPlan, poolOf)(dose({ substanceId: "x", productId: "p1" }))).toBe(
      true,
    );
    expect(countsTowardPlan(productPlan, poolOf)(dose({ productId: "p2" }))).toBe(false);
  });
});

describe("doseInPlanUnit", () => {
  it("keeps a dose in the plan's unit", () => {
    expect(doseInPlanUnit(dose({ amount: 2 }), { unit: "g" })).toEqual({
      takenAt: "2026-03-02T08:00:00.000Z",
      amount: 2,
      unit: "g",
    });
  });

  it("converts a mass from the canonical amount recorded when logged", () => {
    const capsules = dose({
      amount: 4,
      unit: "capsule",
      canonical: { amount: 2000, unit: "mg", pool: "leaf" },
    });
    expect(doseInPlanUnit(capsules, { unit: "g" })).toMatchObject({ amount: 2, unit: "g" });
  });

  it("leaves a dose it cannot convert as logged", () => {
    expect(doseInPlanUnit(dose({ amount: 3, unit: "capsule" }), { unit: "g" })).toMatchObject({
      amount: 3,
      unit: "capsule",
    });
  });
});

describe("planDoses", () => {
  it("keeps the doses that count, in the plan's unit", () => {
    const logged = [
      dose({ amount: 1 }),
      dose({ substanceId: "magnesium-glycinate", amount: 200, unit: "mg" }),
      dose({ amount: 500, unit: "mg", canonical: { amount: 500, unit: "mg", pool: "leaf" } }),
    ];
    expect(planDoses(amountTaper, logged, poolOf).map((d) => [d.amount, d.unit])).toEqual([
      [1, "g"],
      [0.5, "g"],
    ]);
  });
});
