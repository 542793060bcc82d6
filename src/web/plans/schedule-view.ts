/**
 * Pure helpers that turn a core schedule into what the preview shows: how many days to preview,
 * a compact table of steps, and the geometry of a small step chart.
 */

import {
  daysBetween,
  limitReachedOn,
  type PlanDefinition,
  type ScheduledDay,
} from "../../core/plan/index.ts";

/** The longest preview the page computes, in days. */
export const MAX_PREVIEW_DAYS = 366;
/** Preview length for an open-ended plan that never reaches its limit in view. */
export const DEFAULT_PREVIEW_DAYS = 56;

/**
 * Days to preview from the start: to the end date if there is one, else until the limit is
 * reached plus one more step at it, at most `MAX_PREVIEW_DAYS`. Assumes a valid plan.
 */
export function previewLength(plan: PlanDefinition): number {
  let days: number;
  if (plan.endDate !== undefined) {
    days = daysBetween(plan.startDate, plan.endDate) + 1;
  } else {
    const reached = limitReachedOn(plan);
    days = reached
      ? daysBetween(plan.startDate, reached.day) + plan.stepLengthDays
      : DEFAULT_PREVIEW_DAYS;
  }
  return Math.max(1, Math.min(days, MAX_PREVIEW_DAYS));
}

export interface StepRow {
  stepIndex: number;
  fromDay: string;
  toDay: string;
  /** Days in this row (consecutive days with the same target). */
  days: number;
  targetPerDay: number;
  atLimit: boolean;
  /** 1-based day numbers from the plan's start, for "days 8–14". */
  firstDayNumber: number;
  lastDayNumber: number;
}

/** Consecutive days with the same target, as one row each. */
export function stepRows(schedule: readonly ScheduledDay[], startDate: string): StepRow[] {
  const rows: StepRow[] = [];
  for (const day of schedule) {
    const last = rows.at(-1);
    const dayNumber = daysBetween(startDate, day.day) + 1;
    if (last && last.targetPerDay === day.targetPerDay && last.stepIndex === day.stepIndex) {
      last.toDay = day.day;
      last.days += 1;
      last.lastDayNumber = dayNumber;
    } else {
      rows.push({
        stepIndex: day.stepIndex,
        fromDay: day.day,
        toDay: day.day,
        days: 1,
        targetPerDay: day.targetPerDay,
        atLimit: day.atLimit,
        firstDayNumber: dayNumber,
        lastDayNumber: dayNumber,
      });
    }
  }
  return rows;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room left of the plot for the amount labels. */
  left: number;
  /** Room below the plot for the day labels. */
  bottom: number;
  top: number;
  right: number;
}

export interface StepChartGeometry {
  /** SVG path of the daily target as a step line. */
  path: string;
  /** The amount at the top of the plot (a round number at or above the highest target). */
  yMax: number;
  /** Plot-area corners. */
  plot: { x0: number; x1: number; y0: number; y1: number };
  /** y of an amount. */
  y(amount: number): number;
  /** x of the start of day `index` (0-based). */
  x(index: number): number;
}

/** A round axis top at or above `value`: 1, 2, 2.5, 5 × 10^n. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * power >= value - 1e-12) return m * power;
  }
  return 10 * power;
}

/** Geometry of the step chart: each day is a horizontal segment at its target. */
export function stepChart(schedule: readonly ScheduledDay[], box: ChartBox): StepChartGeometry {
  const plot = {
    x0: box.left,
    x1: box.width - box.right,
    y0: box.top,
    y1: box.height - box.bottom,
  };
  const highest = Math.max(0, ...schedule.map((d) => d.targetPerDay));
  const yMax = niceCeiling(highest);
  const count = Math.max(1, schedule.length);
  const x = (index: number) => plot.x0 + ((plot.x1 - plot.x0) * index) / count;
  const y = (amount: number) => plot.y1 - ((plot.y1 - plot.y0) * amount) / yMax;
  const round = (n: number) => Math.round(n * 10) / 10;
  let path = "";
  schedule.forEach((day, index) => {
    const yy = round(y(day.targetPerDay));
    path += index === 0 ? `M${round(x(0))} ${yy}` : `V${yy}`;
    path += `H${round(x(index + 1))}`;
  });
  return { path, yMax, plot, x, y };
}
