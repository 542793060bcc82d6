/**
 * The day-by-day schedule of a plan: which daily target applies on which calendar day.
 *
 * Rules (all documented here, tested in schedule.test.ts):
 * - Day `startDate` is step 0 and its target is `startAmountPerDay`, exactly as given.
 * - Every `stepLengthDays` days the next step begins.
 * - Taper: the next target is the current one minus the step amount, or minus `percent` of the
 *   current target, rounded to the nearest multiple of the rounding unit (see rounding.ts). It
 *   always drops by at least one rounding unit, so a percent taper whose percentage has become
 *   smaller than the rounding unit keeps going by one unit a step and ends. It never goes below
 *   the floor (`limitAmountPerDay`, 0 when omitted); once at the floor it stays there.
 * - Titration: the mirror image, rising by at least one rounding unit a step, never above the
 *   ceiling (`limitAmountPerDay`), staying there once reached.
 * - Before `startDate` and after `endDate` (inclusive end) the plan sets no target.
 *
 * Because each step moves by at least one rounding unit, a taper reaches its floor within
 * ceil((start − floor) / roundingUnit) steps, and a titration its ceiling likewise.
 */

import { addDays, daysBetween, isCalendarDay } from "./calendar-day.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { ceilToGrid, floorToGrid, roundingStepOf, roundToGrid } from "./rounding.ts";
import { assertValidPlan } from "./validate-plan.ts";

export interface ScheduledDay {
  /** Calendar day, YYYY-MM-DD. */
  day: string;
  /** The plan's amount for that day, in the plan's unit. */
  targetPerDay: number;
  /**
   * Which step the target belongs to (0 = the start). Once the limit is reached the index stays
   * at the step that reached it, since no later step changes the target.
   */
  stepIndex: number;
  /** True once the target has reached the floor (taper) or the ceiling (titration). */
  atLimit: boolean;
}

/** The floor a taper never goes below, or the ceiling a titration never goes above. */
export function planLimit(plan: PlanDefinition): number {
  if (plan.kind === "taper") return plan.limitAmountPerDay ?? 0;
  return plan.limitAmountPerDay ?? Number.POSITIVE_INFINITY;
}

/** The target that follows `current` after one step. Assumes a valid plan. */
function nextTarget(plan: PlanDefinition, current: number, roundingStep: number): number {
  const limit = planLimit(plan);
  const { step } = plan;
  if (plan.kind === "taper") {
    const raw = step.kind === "amount" ? current - step.amount : current * (1 - step.percent / 100);
    const atLeastOneUnitDown = floorToGrid(current - roundingStep, roundingStep);
    return Math.max(limit, Math.min(roundToGrid(raw, roundingStep), atLeastOneUnitDown));
  }
  const raw = step.kind === "amount" ? current + step.amount : current * (1 + step.percent / 100);
  const atLeastOneUnitUp = ceilToGrid(current + roundingStep, roundingStep);
  return Math.min(limit, Math.max(roundToGrid(raw, roundingStep), atLeastOneUnitUp));
}

/**
 * Targets of steps 0..`lastStepIndex`, stopping early once the limit is reached (the last entry
 * is then the limit, which holds for every later step).
 */
function stepTargets(plan: PlanDefinition, lastStepIndex: number): number[] {
  const roundingStep = roundingStepOf(plan);
  const limit = planLimit(plan);
  const targets = [plan.startAmountPerDay];
  let current = plan.startAmountPerDay;
  while (targets.length <= lastStepIndex && current !== limit) {
    const next = nextTarget(plan, current, roundingStep);
    // Each step moves by at least one rounding unit; anything else is a bug, not a plan.
    if (next === current) throw new Error(`Schedule stalled at ${current} ${plan.unit}`);
    current = next;
    targets.push(current);
  }
  return targets;
}

function isInForce(plan: PlanDefinition, day: string): boolean {
  return day >= plan.startDate && (plan.endDate === undefined || day <= plan.endDate);
}

function scheduledDay(plan: PlanDefinition, targets: number[], day: string): ScheduledDay {
  const calendarStep = Math.floor(daysBetween(plan.startDate, day) / plan.stepLengthDays);
  const stepIndex = Math.min(calendarStep, targets.length - 1);
  const targetPerDay = targets[stepIndex] as number;
  return { day, targetPerDay, stepIndex, atLimit: targetPerDay === planLimit(plan) };
}

export interface ScheduleWindow {
  /** First day of the window (YYYY-MM-DD); omitted = the plan's start date. */
  from?: string;
  /** Number of calendar days in the window (a whole number, 0 or more). */
  days: number;
}

/**
 * The plan's targets day by day over a window, for the preview and for charts. Only days on
 * which the plan is in force appear: days before the start or after the end date are left out,
 * so the result can be shorter than `days`. Throws `InvalidPlanError` for an invalid plan and
 * `RangeError` for a bad window.
 */
export function planSchedule(plan: PlanDefinition, window: ScheduleWindow): ScheduledDay[] {
  assertValidPlan(plan);
  const from = window.from ?? plan.startDate;
  if (!isCalendarDay(from)) throw new RangeError(`from must be a calendar day: ${from}`);
  if (!Number.isInteger(window.days) || window.days < 0) {
    throw new RangeError(`days must be a whole number, 0 or more: ${window.days}`);
  }
  const lastDay = addDays(from, window.days - 1);
  const lastStep = Math.max(
    0,
    Math.floor(daysBetween(plan.startDate, lastDay) / plan.stepLengthDays),
  );
  const targets = stepTargets(plan, lastStep);
  const schedule: ScheduledDay[] = [];
  for (let offset = 0; offset < window.days; offset++) {
    const day = addDays(from, offset);
    if (isInForce(plan, day)) schedule.push(scheduledDay(plan, targets, day));
  }
  return schedule;
}

/** The schedule entry for one day, or null when the plan is not in force that day. */
export function scheduledDayOf(plan: PlanDefinition, day: string): ScheduledDay | null {
  return planSchedule(plan, { from: day, days: 1 })[0] ?? null;
}

/** The plan's target for a day, or null when the plan is not in force that day. */
export function targetForDay(plan: PlanDefinition, day: string): number | null {
  return scheduledDayOf(plan, day)?.targetPerDay ?? null;
}

/**
 * The first day the target reaches the floor (taper) or ceiling (titration), with its step, or
 * null when the plan ends before that.
 */
export function limitReachedOn(plan: PlanDefinition): { day: string; stepIndex: number } | null {
  assertValidPlan(plan);
  const targets = stepTargets(plan, Number.POSITIVE_INFINITY);
  const stepIndex = targets.length - 1;
  const day = addDays(plan.startDate, stepIndex * plan.stepLengthDays);
  return isInForce(plan, day) ? { day, stepIndex } : null;
}

/**
 * The first day after `day` whose target differs from `target`, looking one step length ahead;
 * null when there is none (the plan holds steady, or ends).
 */
export function nextTargetChange(
  definition: PlanDefinition,
  day: string,
  target: number,
): { day: string; targetPerDay: number } | null {
  const ahead = planSchedule(definition, { from: day, days: definition.stepLengthDays + 1 });
  const change = ahead.find((d) => d.targetPerDay !== target);
  return change ? { day: change.day, targetPerDay: change.targetPerDay } : null;
}
