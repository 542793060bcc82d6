import { describe, expect, it } from "vitest";
import { type PlanDefinition, planSchedule } from "../../core/plan/index.ts";
import { amountTaper } from "../../testing/plan-fixtures.ts";
import {
  MAX_PREVIEW_DAYS,
  niceCeiling,
  previewLength,
  stepChart,
  stepRows,
} from "./schedule-view.ts";

/** 10 g a day, down 2 g a week to a floor of 4 g. */
const taper: PlanDefinition = {
  ...amountTaper,
  startAmountPerDay: 10,
  step: { kind: "amount", amount: 2 },
  stepLengthDays: 7,
  limitAmountPerDay: 4,
};

describe("schedule view", () => {
  it("previews until the floor is reached plus one step", () => {
    // 10 → 8 → 6 → 4: the floor is reached on step 3, day 22; one more step of 7 days.
    expect(previewLength(taper)).toBe(28);
  });

  it("previews to the end date when there is one, capped", () => {
    expect(previewLength({ ...taper, endDate: "2026-03-10" })).toBe(10);
    expect(previewLength({ ...taper, endDate: "2030-01-01" })).toBe(MAX_PREVIEW_DAYS);
  });

  it("groups days into steps", () => {
    const schedule = planSchedule(taper, { days: previewLength(taper) });
    const rows = stepRows(schedule, taper.startDate);
    expect(rows.map((r) => [r.firstDayNumber, r.lastDayNumber, r.targetPerDay])).toEqual([
      [1, 7, 10],
      [8, 14, 8],
      [15, 21, 6],
      [22, 28, 4],
    ]);
    expect(rows.at(-1)?.atLimit).toBe(true);
    expect(rows[1]).toMatchObject({ fromDay: "2026-03-08", toDay: "2026-03-14", days: 7 });
  });

  it("picks a round axis top", () => {
    expect(niceCeiling(10)).toBe(10);
    expect(niceCeiling(11)).toBe(20);
    expect(niceCeiling(0.35)).toBe(0.5);
    expect(niceCeiling(2.2)).toBe(2.5);
    expect(niceCeiling(0)).toBe(1);
  });

  it("draws one step line, lower for lower targets", () => {
    const schedule = planSchedule(taper, { days: 14 });
    const box = { width: 300, height: 120, left: 30, right: 5, top: 5, bottom: 20 };
    const chart = stepChart(schedule, box);
    expect(chart.yMax).toBe(10);
    expect(chart.path.startsWith("M30 5H")).toBe(true);
    expect(chart.y(8)).toBeGreaterThan(chart.y(10));
    expect(chart.x(14)).toBe(295);
    // One vertical move where the target drops from 10 to 8.
    expect(chart.path.match(/V/g)).toHaveLength(13);
  });
});
