/**
 * Adherence: what was taken each day against what the plan set, in the person's time zone.
 *
 * - A dose belongs to the calendar day of its `takenAt` in `timeZone`, so a day can be 23 or 25
 *   hours long across a daylight-saving change and a dose at 00:30 local belongs to that day.
 * - Only doses in the plan's unit are added up. A dose in another unit is converted when the
 *   caller passes `convert` and it returns a number; otherwise it is never mixed in silently but
 *   reported in `unconvertible` for the day.
 * - The caller passes the doses of the plan's substance or product (this function does not
 *   filter by substance). Doses outside `from`..`to` are not counted, but still serve as "the
 *   previous dose" for the minimum-interval count.
 */

import { isValidTimeZone, zonedDay } from "../zoned-time.ts";
import { addDays, dayCountOf } from "./calendar-day.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { planSchedule } from "./schedule.ts";

/**
 * Relative tolerance for "on-plan": a day is on plan when what was taken is within ±10 % of the
 * day's target. A display convention of Mitra, not a clinical threshold; callers may pass their
 * own `tolerance`.
 */
export const ON_PLAN_TOLERANCE = 0.1;

/**
 * `plan-invalid` is never returned by `adherence` itself: a caller judging days by a stored
 * version that no longer passes validation marks those days so (see `governed-adherence.ts`).
 */
export type AdherenceStatus = "under" | "on-plan" | "over" | "no-plan" | "plan-invalid";

export interface AdherenceDose {
  /** ISO-8601 instant. */
  takenAt: string;
  amount: number;
  unit: string;
}

/** Converts an amount between units, or returns null when it cannot. */
export type UnitConverter = (amount: number, fromUnit: string, toUnit: string) => number | null;

export interface AdherenceOptions {
  /** Relative on-plan tolerance; default `ON_PLAN_TOLERANCE`. */
  tolerance?: number;
  convert?: UnitConverter;
}

export interface UnconvertibleAmount {
  unit: string;
  amount: number;
  doses: number;
}

export interface AdherenceDay {
  day: string;
  /** The plan's target, or null when the plan is not in force that day. */
  planned: number | null;
  /** Total taken, in the plan's unit (doses that could be converted only). */
  taken: number;
  /** taken / planned; null when there is no plan or the target is 0. */
  ratio: number | null;
  /**
   * - `no-plan`: the plan is not in force that day.
   * - `plan-invalid`: the version in force that day no longer passes validation, so it sets no
   *   target that can be computed (`planned` is null).
   * - `on-plan`: within `tolerance` of the target (for a target of 0: nothing taken).
   * - `under` / `over`: below / above that band.
   */
  status: AdherenceStatus;
  /** Number of doses counted in `taken`. */
  doses: number;
  /** Doses in units that could not be converted to the plan's unit, totalled per unit. */
  unconvertible: UnconvertibleAmount[];
  /** Counted doses larger than the plan's `maxPerDose`. */
  dosesOverMaxPerDose: number;
  /** Counted doses taken sooner after the previous dose than `minHoursBetweenDoses` allows. */
  dosesTooSoon: number;
}

const HOUR_MS = 3_600_000;

/** Sums without floating-point dust (0.1 + 0.2 = 0.3). */
function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function statusOf(planned: number | null, taken: number, tolerance: number): AdherenceStatus {
  if (planned === null) return "no-plan";
  const band = planned * tolerance;
  if (taken < planned - band - 1e-9) return "under";
  if (taken > planned + band + 1e-9) return "over";
  return "on-plan";
}

interface CountedDose {
  instant: number;
  day: string;
  amount: number;
}

/** How many days `from` to `to` spans (both inclusive); throws `RangeError` for bad arguments. */
function checkedDayCount(timeZone: string, from: string, to: string): number {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return dayCountOf(from, to);
}

/**
 * Adherence per calendar day from `from` to `to` (both inclusive, YYYY-MM-DD in `timeZone`).
 * Throws `RangeError` for an unknown time zone, bad days, `to` before `from`, a negative
 * tolerance, or a dose whose `takenAt` is not a date; `InvalidPlanError` for an invalid plan.
 */
export function adherence(
  plan: PlanDefinition,
  doses: readonly AdherenceDose[],
  timeZone: string,
  from: string,
  to: string,
  options: AdherenceOptions = {},
): AdherenceDay[] {
  const dayCount = checkedDayCount(timeZone, from, to);
  const tolerance = options.tolerance ?? ON_PLAN_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError(`tolerance must be a finite number, 0 or more: ${tolerance}`);
  }
  const targets = planSchedule(plan, { from, days: dayCount });
  return tally(plan, targets, doses, timeZone, from, dayCount, tolerance, options.convert);
}

/**
 * What was taken each day from `from` to `to` in `unit`, with no target: every day `no-plan`,
 * counted as `adherence` counts (same conversion, same unconvertible list), but no dose is over a
 * maximum or too soon, since no plan governs those days. For days a plan no longer governs (after
 * it ended) or whose version cannot be scheduled. Throws `RangeError` as `adherence` does.
 */
export function takenWithoutTarget(
  unit: string,
  doses: readonly AdherenceDose[],
  timeZone: string,
  from: string,
  to: string,
  options: AdherenceOptions = {},
): AdherenceDay[] {
  const dayCount = checkedDayCount(timeZone, from, to);
  return tally({ unit }, [], doses, timeZone, from, dayCount, 0, options.convert);
}

/** The days' entries: targets from `targets`, doses counted against `plan`'s rules. */
function tally(
  plan: Pick<PlanDefinition, "unit" | "maxPerDose" | "minHoursBetweenDoses">,
  targets: readonly { day: string; targetPerDay: number }[],
  doses: readonly AdherenceDose[],
  timeZone: string,
  from: string,
  dayCount: number,
  tolerance: number,
  convert: UnitConverter | undefined,
): AdherenceDay[] {
  const days = new Map<string, AdherenceDay>();
  for (let offset = 0; offset < dayCount; offset++) {
    const day = addDays(from, offset);
    days.set(day, {
      day,
      planned: null,
      taken: 0,
      ratio: null,
      status: "no-plan",
      doses: 0,
      unconvertible: [],
      dosesOverMaxPerDose: 0,
      dosesTooSoon: 0,
    });
  }
  for (const scheduled of targets) {
    const entry = days.get(scheduled.day);
    if (entry) entry.planned = scheduled.targetPerDay;
  }

  const counted: CountedDose[] = [];
  doses.forEach((dose, index) => {
    const instant = Date.parse(dose.takenAt);
    if (Number.isNaN(instant)) {
      throw new RangeError(`doses[${index}].takenAt is not a date: ${dose.takenAt}`);
    }
    const day = zonedDay(new Date(instant), timeZone);
    const amount =
      dose.unit === plan.unit
        ? dose.amount
        : (convert?.(dose.amount, dose.unit, plan.unit) ?? null);
    if (amount !== null) {
      counted.push({ instant, day, amount });
      return;
    }
    const entry = days.get(day);
    if (!entry) return;
    const sameUnit = entry.unconvertible.find((u) => u.unit === dose.unit);
    if (sameUnit) {
      sameUnit.amount = tidy(sameUnit.amount + dose.amount);
      sameUnit.doses += 1;
    } else {
      entry.unconvertible.push({ unit: dose.unit, amount: dose.amount, doses: 1 });
    }
  });

  counted.sort((a, b) => a.instant - b.instant);
  const minIntervalMs =
    plan.minHoursBetweenDoses === undefined ? undefined : plan.minHoursBetweenDoses * HOUR_MS;
  counted.forEach((dose, index) => {
    const entry = days.get(dose.day);
    if (!entry) return;
    entry.taken += dose.amount;
    entry.doses += 1;
    if (plan.maxPerDose !== undefined && dose.amount > plan.maxPerDose) {
      entry.dosesOverMaxPerDose += 1;
    }
    const previous = counted[index - 1];
    if (
      minIntervalMs !== undefined &&
      previous &&
      dose.instant - previous.instant < minIntervalMs
    ) {
      entry.dosesTooSoon += 1;
    }
  });

  return [...days.values()].map((entry) => {
    const taken = tidy(entry.taken);
    const ratio = entry.planned ? tidy(taken / entry.planned) : null;
    return { ...entry, taken, ratio, status: statusOf(entry.planned, taken, tolerance) };
  });
}
