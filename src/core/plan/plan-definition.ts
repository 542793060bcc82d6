/**
 * A titration or taper plan, as a clinician (or the person) defines it. Plain data: the database
 * stores each version of it, and every function in this folder takes it as input.
 *
 * Calendar days are `YYYY-MM-DD` strings in the person's time zone; the plan itself never needs
 * the zone, only adherence (which turns dose instants into days) does.
 */

/** A taper steps the daily amount down; a titration steps it up. */
export const PLAN_KINDS = ["taper", "titration"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/**
 * How much the daily amount changes at each step.
 * - `amount`: by a fixed amount in the plan's unit (e.g. 0.5 g per step).
 * - `percent`: by a percentage of the current daily amount (e.g. 10 % per step).
 */
export type PlanStep = { kind: "amount"; amount: number } | { kind: "percent"; percent: number };

export interface PlanDefinition {
  kind: PlanKind;
  /** What the plan is about: a substance id, a saved product id, or both. At least one is required. */
  substanceId?: string;
  productId?: string;
  /** Unit of every amount in the plan (e.g. "g", "mg", "capsule"). Doses in other units are not mixed in. */
  unit: string;
  /** First day of the plan (YYYY-MM-DD, in the person's time zone). Its target is `startAmountPerDay`. */
  startDate: string;
  /** Daily amount on the first step. Used exactly as given; later steps are snapped to the rounding grid. */
  startAmountPerDay: number;
  step: PlanStep;
  /** Days each step lasts (whole days, at least 1). */
  stepLengthDays: number;
  /**
   * The bound the schedule moves towards and never crosses.
   * - taper: the floor, never gone below (omitted = 0, i.e. taper to nothing). Must be below the start.
   * - titration: the ceiling, never gone above. Required for a titration, and above the start.
   */
  limitAmountPerDay?: number;
  /** Most allowed in a single dose. */
  maxPerDose?: number;
  /** Most allowed in one day, whatever the day's target. */
  maxPerDay?: number;
  /** Least time between two doses, in hours. */
  minHoursBetweenDoses?: number;
  /** Last day of the plan (inclusive). After it the plan sets no target. Omitted = open-ended. */
  endDate?: string;
  /**
   * Rounding unit for the scheduled amounts (e.g. 0.05 for grams). Omitted = the default for the
   * unit, see `defaultRoundingStep`.
   */
  roundTo?: number;
}
