/**
 * What the safety engine needs to know about the plan in force on a day: the limits a new dose
 * is checked against.
 */

import type { PlanDefinition, PlanKind } from "./plan-definition.ts";
import { scheduledDayOf } from "./schedule.ts";

/** The active plan's limits on one day; the safety engine's `ActivePlan`. */
export interface ActivePlanLimits {
  kind: PlanKind;
  substanceId?: string;
  productId?: string;
  /** Unit of every amount below. Doses in another unit must be converted or not compared. */
  unit: string;
  /** The plan's target for the day. */
  targetForDay: number;
  maxPerDose?: number;
  /**
   * The most the day allows: the lower of the plan's `maxPerDay` and the day's target. In a taper
   * the target is the most the day allows (going above it undoes the taper); in a titration it is
   * the most the day allows too (going above it climbs faster than the plan). Both kinds are
   * therefore treated alike. Never undefined, since a plan in force always has a target. (For a
   * valid plan this equals the target, since validation keeps every target within `maxPerDay`;
   * the minimum is kept so the invariant holds even for a plan stored before that rule.)
   */
  maxPerDay: number;
  /** The plan's own `maxPerDay`, when it has one, so a rule can tell "over today's target" from "over the hard maximum". */
  statedMaxPerDay?: number;
  /** Least hours between two doses (the plan's `minHoursBetweenDoses`). */
  minIntervalHours?: number;
}

/**
 * The limits of `plan` on calendar `day` (YYYY-MM-DD in the person's zone), or null when the
 * plan is not in force that day (before its start or after its end date). Throws
 * `InvalidPlanError` for an invalid plan.
 */
export function activePlanLimits(plan: PlanDefinition, day: string): ActivePlanLimits | null {
  const scheduled = scheduledDayOf(plan, day);
  if (!scheduled) return null;
  const target = scheduled.targetPerDay;
  const limits: ActivePlanLimits = {
    kind: plan.kind,
    unit: plan.unit,
    targetForDay: target,
    maxPerDay: plan.maxPerDay === undefined ? target : Math.min(plan.maxPerDay, target),
  };
  if (plan.substanceId !== undefined) limits.substanceId = plan.substanceId;
  if (plan.productId !== undefined) limits.productId = plan.productId;
  if (plan.maxPerDose !== undefined) limits.maxPerDose = plan.maxPerDose;
  if (plan.maxPerDay !== undefined) limits.statedMaxPerDay = plan.maxPerDay;
  if (plan.minHoursBetweenDoses !== undefined) {
    limits.minIntervalHours = plan.minHoursBetweenDoses;
  }
  return limits;
}
