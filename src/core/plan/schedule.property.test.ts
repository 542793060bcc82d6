import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanDefinition } from "./plan-definition.ts";
import { roundingStepOf } from "./rounding.ts";
import { limitReachedOn, planLimit, planSchedule } from "./schedule.ts";
import { validatePlan } from "./validate-plan.ts";

const roundTo = fc.constantFrom(0.01, 0.05, 0.1, 0.5, 1);

/** Any valid taper: amount or percent steps, a floor of 0 or some fraction of the start. */
const taperArb: fc.Arbitrary<PlanDefinition> = fc
  .record({
    roundTo,
    start: fc.double({ min: 0.1, max: 20, noNaN: true }),
    floorShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.95, noNaN: true })),
    stepLengthDays: fc.integer({ min: 1, max: 7 }),
    amountInUnits: fc.double({ min: 1, max: 40, noNaN: true }),
    percent: fc.double({ min: 0.01, max: 99.99, noNaN: true }),
    byPercent: fc.boolean(),
  })
  .map(
    (r): PlanDefinition => ({
      kind: "taper",
      substanceId: "kratom-leaf",
      unit: "g",
      startDate: "2026-01-01",
      startAmountPerDay: r.start,
      step: r.byPercent
        ? { kind: "percent", percent: r.percent }
        : { kind: "amount", amount: r.amountInUnits * r.roundTo },
      stepLengthDays: r.stepLengthDays,
      limitAmountPerDay: r.start * r.floorShare,
      roundTo: r.roundTo,
    }),
  );

/** Any valid titration with a ceiling above its start. */
const titrationArb: fc.Arbitrary<PlanDefinition> = fc
  .record({
    roundTo,
    start: fc.double({ min: 0.1, max: 20, noNaN: true }),
    rise: fc.double({ min: 0.01, max: 30, noNaN: true }),
    stepLengthDays: fc.integer({ min: 1, max: 7 }),
    amountInUnits: fc.double({ min: 1, max: 40, noNaN: true }),
    percent: fc.double({ min: 0.01, max: 100, noNaN: true }),
    byPercent: fc.boolean(),
  })
  .map(
    (r): PlanDefinition => ({
      kind: "titration",
      substanceId: "kratom-leaf",
      unit: "g",
      startDate: "2026-01-01",
      startAmountPerDay: r.start,
      step: r.byPercent
        ? { kind: "percent", percent: r.percent }
        : { kind: "amount", amount: r.amountInUnits * r.roundTo },
      stepLengthDays: r.stepLengthDays,
      limitAmountPerDay: r.start + r.rise,
      roundTo: r.roundTo,
    }),
  );

/**
 * Most steps a plan can take to reach its limit: every step moves at least one rounding unit
 * (one step of slack for floating-point rounding at the grid).
 */
function maxStepsToLimit(plan: PlanDefinition): number {
  const distance = Math.abs(planLimit(plan) - plan.startAmountPerDay);
  return Math.ceil(distance / roundingStepOf(plan)) + 1;
}

/** The schedule from the start until one step after the limit must have been reached. */
function wholeSchedule(plan: PlanDefinition) {
  return planSchedule(plan, { days: (maxStepsToLimit(plan) + 1) * plan.stepLengthDays });
}

describe("taper schedule properties", () => {
  it("generates only valid plans", () => {
    fc.assert(fc.property(taperArb, (plan) => validatePlan(plan).length === 0));
  });

  it("never increases from one day to the next", () => {
    fc.assert(
      fc.property(taperArb, (plan) => {
        const targets = wholeSchedule(plan).map((day) => day.targetPerDay);
        const rises = targets.filter((target, i) => i > 0 && target > (targets[i - 1] as number));
        expect(rises).toEqual([]);
      }),
    );
  });

  it("never goes below its floor, nor below zero", () => {
    fc.assert(
      fc.property(taperArb, (plan) => {
        const floor = planLimit(plan);
        const targets = wholeSchedule(plan).map((day) => day.targetPerDay);
        expect(targets.filter((target) => target < floor || target < 0)).toEqual([]);
      }),
    );
  });

  it("always reaches its floor within a bounded number of days, and stays there", () => {
    fc.assert(
      fc.property(taperArb, (plan) => {
        const reached = limitReachedOn(plan);
        expect(reached).not.toBeNull();
        expect(reached?.stepIndex).toBeLessThanOrEqual(maxStepsToLimit(plan));
        const schedule = wholeSchedule(plan);
        const last = schedule.at(-1);
        expect(last?.targetPerDay).toBe(planLimit(plan));
        expect(last?.atLimit).toBe(true);
      }),
    );
  });
});

describe("titration schedule properties", () => {
  it("generates only valid plans", () => {
    fc.assert(fc.property(titrationArb, (plan) => validatePlan(plan).length === 0));
  });

  it("never exceeds its ceiling and never goes down", () => {
    fc.assert(
      fc.property(titrationArb, (plan) => {
        const ceiling = planLimit(plan);
        const targets = wholeSchedule(plan).map((day) => day.targetPerDay);
        expect(targets.filter((target) => target > ceiling)).toEqual([]);
        const drops = targets.filter((target, i) => i > 0 && target < (targets[i - 1] as number));
        expect(drops).toEqual([]);
        expect(targets.at(-1)).toBe(ceiling);
      }),
    );
  });
});
