import { describe, expect, it } from "vitest";
import { amountTaper, percentTaper, titration } from "../../testing/plan-fixtures.ts";
import { addDays } from "./calendar-day.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { roundingStepOf } from "./rounding.ts";
import {
  limitReachedOn,
  nextTargetChange,
  planLimit,
  planSchedule,
  targetForDay,
} from "./schedule.ts";
import { InvalidPlanError } from "./validate-plan.ts";

/** The distinct targets of a schedule, in order (one per step). */
function stepTargets(plan: PlanDefinition, days: number): number[] {
  const targets: number[] = [];
  for (const entry of planSchedule(plan, { days })) {
    if (targets[entry.stepIndex] === undefined) targets[entry.stepIndex] = entry.targetPerDay;
  }
  return targets;
}

describe("amount taper", () => {
  it("holds each target for the step length, then steps down by the amount", () => {
    const schedule = planSchedule(amountTaper, { days: 15 });
    expect(schedule).toHaveLength(15);
    expect(schedule[0]).toEqual({
      day: "2026-03-01",
      targetPerDay: 4,
      stepIndex: 0,
      atLimit: false,
    });
    expect(schedule[6]?.targetPerDay).toBe(4);
    expect(schedule[7]).toEqual({
      day: "2026-03-08",
      targetPerDay: 3.5,
      stepIndex: 1,
      atLimit: false,
    });
    expect(schedule[14]?.targetPerDay).toBe(3);
  });

  it("reaches zero when the floor is 0, after start / amount steps, and stays there", () => {
    const steps = amountTaper.startAmountPerDay / 0.5; // 8 steps of 0.5 g from 4 g
    expect(stepTargets(amountTaper, 200)).toEqual([4, 3.5, 3, 2.5, 2, 1.5, 1, 0.5, 0]);
    const reached = limitReachedOn(amountTaper);
    expect(reached).toEqual({ day: addDays("2026-03-01", steps * 7), stepIndex: steps });
    const later = planSchedule(amountTaper, { from: "2026-06-01", days: 3 });
    expect(later.map((d) => [d.targetPerDay, d.stepIndex, d.atLimit])).toEqual([
      [0, steps, true],
      [0, steps, true],
      [0, steps, true],
    ]);
  });

  it("never goes below the floor, even when the floor is off the step", () => {
    const withFloor = { ...amountTaper, limitAmountPerDay: 1.2 };
    expect(stepTargets(withFloor, 200)).toEqual([4, 3.5, 3, 2.5, 2, 1.5, 1.2]);
    expect(targetForDay(withFloor, "2027-01-01")).toBe(1.2);
  });

  it("snaps steps after an off-grid start to the rounding grid", () => {
    const offGrid = { ...amountTaper, startAmountPerDay: 4.03 };
    const targets = stepTargets(offGrid, 30);
    expect(targets[0]).toBe(4.03); // the start is used as given
    expect(targets[1]).toBe(3.55); // 3.53 rounded to the 0.05 g grid
    expect(targets[2]).toBe(3.05);
  });
});

describe("percent taper", () => {
  it("steps down by the percentage of the current target, rounded to 0.05 g", () => {
    // 10 → 9 → 8.1 → 7.29 ≈ 7.3 → 6.57 ≈ 6.55 → 5.895 ≈ 5.9
    expect(stepTargets(percentTaper, 16)).toEqual([10, 9, 8.1, 7.3, 6.55, 5.9]);
  });

  it("terminates at zero: once 10 % is below the rounding unit it steps by one unit", () => {
    const targets = stepTargets(percentTaper, 2000);
    expect(targets.at(-1)).toBe(0);
    const unit = roundingStepOf(percentTaper);
    // The last steps are one rounding unit apart (0.15 → 0.1 → 0.05 → 0), since 10 % of them rounds to nothing.
    const tail = targets.slice(-4);
    expect(tail).toEqual([3 * unit, 2 * unit, unit, 0].map((x) => Number(x.toFixed(2))));
    // Bounded: every step drops at least one unit.
    expect(targets.length - 1).toBeLessThanOrEqual(
      Math.ceil(percentTaper.startAmountPerDay / unit),
    );
  });

  it("stops at its floor", () => {
    const withFloor = { ...percentTaper, limitAmountPerDay: 2 };
    const targets = stepTargets(withFloor, 2000);
    expect(targets.at(-1)).toBe(2);
    expect(Math.min(...targets)).toBe(2);
  });

  it("honours a coarser roundTo", () => {
    const coarse = { ...percentTaper, roundTo: 0.5 };
    // 10 → 9 → 8.1 ≈ 8 → 7.2 ≈ 7 → 6.3 ≈ 6.5
    expect(stepTargets(coarse, 13)).toEqual([10, 9, 8, 7, 6.5]);
  });
});

describe("titration", () => {
  it("steps up by the amount to the ceiling and stays there", () => {
    expect(stepTargets(titration, 40)).toEqual([100, 150, 200, 250, 300]);
    expect(targetForDay(titration, "2026-12-31")).toBe(300);
    expect(limitReachedOn(titration)).toEqual({ day: "2026-03-17", stepIndex: 4 });
  });

  it("steps up by a percentage, never above the ceiling", () => {
    const byPercent: PlanDefinition = { ...titration, step: { kind: "percent", percent: 30 } };
    // 100 → 130 → 169 → 219.7 ≈ 220 → 286 → 371.8 capped at 300
    expect(stepTargets(byPercent, 40)).toEqual([100, 130, 169, 220, 286, 300]);
    expect(planLimit(byPercent)).toBe(300);
  });
});

describe("plan dates", () => {
  it("sets no target before the start or after the end date (inclusive end)", () => {
    const ending = { ...amountTaper, endDate: "2026-03-10" };
    expect(targetForDay(ending, "2026-02-28")).toBeNull();
    expect(targetForDay(ending, "2026-03-10")).toBe(3.5);
    expect(targetForDay(ending, "2026-03-11")).toBeNull();
    const window = planSchedule(ending, { from: "2026-02-27", days: 20 });
    expect(window[0]?.day).toBe("2026-03-01");
    expect(window.at(-1)?.day).toBe("2026-03-10");
    expect(window).toHaveLength(10);
  });

  it("reports no limit day when the plan ends before reaching it", () => {
    expect(limitReachedOn({ ...amountTaper, endDate: "2026-04-01" })).toBeNull();
  });

  it("can preview a window that starts mid-plan", () => {
    const window = planSchedule(amountTaper, { from: "2026-03-14", days: 2 });
    expect(window.map((d) => [d.day, d.targetPerDay, d.stepIndex])).toEqual([
      ["2026-03-14", 3.5, 1],
      ["2026-03-15", 3, 2],
    ]);
  });
});

describe("bad input", () => {
  it("refuses an invalid plan, naming the fields", () => {
    const bad = { ...amountTaper, stepLengthDays: 0 };
    expect(() => planSchedule(bad, { days: 3 })).toThrow(InvalidPlanError);
    const error = (() => {
      try {
        targetForDay(bad, "2026-03-01");
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(InvalidPlanError);
    expect((error as InvalidPlanError).issues.map((i) => i.field)).toEqual(["stepLengthDays"]);
  });

  it("refuses a bad window", () => {
    expect(() => planSchedule(amountTaper, { days: -1 })).toThrow(RangeError);
    expect(() => planSchedule(amountTaper, { days: 1.5 })).toThrow(RangeError);
    expect(() => planSchedule(amountTaper, { from: "tomorrow", days: 1 })).toThrow(RangeError);
    expect(planSchedule(amountTaper, { days: 0 })).toEqual([]);
  });
});

describe("nextTargetChange", () => {
  it("names the next step's day and target, from any day of a step", () => {
    const next = { day: "2026-03-08", targetPerDay: 3.5 };
    expect(nextTargetChange(amountTaper, "2026-03-01", 4)).toEqual(next);
    expect(nextTargetChange(amountTaper, "2026-03-07", 4)).toEqual(next);
  });

  it("is null once the target holds steady", () => {
    // 100 mg up 50 mg every 4 days reaches its 300 mg ceiling on day 17 (2026-03-17).
    expect(nextTargetChange(titration, "2026-03-13", 250)).toEqual({
      day: "2026-03-17",
      targetPerDay: 300,
    });
    expect(nextTargetChange(titration, "2026-03-17", 300)).toBeNull();
  });
});
