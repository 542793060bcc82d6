/**
 * Checks a plan definition and names every problem by its field, so the server can answer a 400
 * that points at the right input and the form can mark it.
 */

import { isCalendarDay } from "./calendar-day.ts";
import { PLAN_KINDS, type PlanDefinition } from "./plan-definition.ts";
import { roundingStepOf } from "./rounding.ts";

export type PlanIssueCode =
  | "required"
  | "invalid"
  | "not_positive"
  | "negative"
  | "not_integer"
  | "out_of_range"
  | "inconsistent";

export interface PlanIssue {
  /** Path of the field at fault, e.g. `startAmountPerDay` or `step.percent`. */
  field: string;
  code: PlanIssueCode;
  message: string;
}

/** A plan the schedule functions cannot use; `issues` says why. */
export class InvalidPlanError extends Error {
  readonly issues: PlanIssue[];
  constructor(issues: PlanIssue[]) {
    super(`Invalid plan: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
    this.name = "InvalidPlanError";
    this.issues = issues;
  }
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/**
 * Every problem with a plan, or `[]` when it can be scheduled. Rules:
 * - `kind` is "taper" or "titration"; `substanceId` or `productId` is given; `unit` is not blank.
 * - `startDate` (and `endDate` if given) are real YYYY-MM-DD days, the end not before the start.
 * - `startAmountPerDay`, `maxPerDose`, `maxPerDay`, `minHoursBetweenDoses`, `roundTo` and an
 *   amount step are positive finite numbers; a percent step is in (0, 100) for a taper and in
 *   (0, 100] for a titration; an amount step is at least the rounding unit.
 * - `stepLengthDays` is a whole number of at least 1.
 * - taper: `limitAmountPerDay` (the floor) is finite, at least 0 and below the start.
 * - titration: `limitAmountPerDay` (the ceiling) is required and above the start.
 * - `maxPerDose` is at most `maxPerDay`; no scheduled target exceeds `maxPerDay` (a taper's start,
 *   a titration's ceiling).
 */
export function validatePlan(plan: PlanDefinition): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (field: string, code: PlanIssueCode, message: string) =>
    issues.push({ field, code, message });

  const positive = (field: string, value: unknown, required: boolean): value is number => {
    if (value === undefined || value === null) {
      if (required) add(field, "required", "is required");
      return false;
    }
    if (!isFiniteNumber(value)) {
      add(field, "invalid", "must be a finite number");
      return false;
    }
    if (value <= 0) {
      add(field, "not_positive", "must be greater than 0");
      return false;
    }
    return true;
  };

  const kindOk = (PLAN_KINDS as readonly string[]).includes(plan.kind);
  if (!kindOk) add("kind", "invalid", `must be one of: ${PLAN_KINDS.join(", ")}`);

  if (!plan.substanceId?.trim() && !plan.productId?.trim()) {
    add("substanceId", "required", "a plan needs a substance or a product");
  }
  if (typeof plan.unit !== "string" || !plan.unit.trim()) add("unit", "required", "is required");

  const startOk = isCalendarDay(plan.startDate);
  if (!startOk) add("startDate", "invalid", "must be a calendar day written YYYY-MM-DD");
  if (plan.endDate !== undefined) {
    if (!isCalendarDay(plan.endDate)) {
      add("endDate", "invalid", "must be a calendar day written YYYY-MM-DD");
    } else if (startOk && plan.endDate < plan.startDate) {
      add("endDate", "out_of_range", "must not be before the start date");
    }
  }

  const startAmountOk = positive("startAmountPerDay", plan.startAmountPerDay, true);
  const roundToOk = plan.roundTo === undefined ? true : positive("roundTo", plan.roundTo, false);

  if (!Number.isInteger(plan.stepLengthDays)) {
    add("stepLengthDays", "not_integer", "must be a whole number of days");
  } else if (plan.stepLengthDays < 1) {
    add("stepLengthDays", "out_of_range", "must be at least 1 day");
  }

  const step = plan.step as PlanDefinition["step"] | undefined;
  if (!step) {
    add("step", "required", "is required");
  } else if (step.kind === "amount") {
    if (positive("step.amount", step.amount, true) && roundToOk && typeof plan.unit === "string") {
      const roundingStep = roundingStepOf(plan);
      if (step.amount < roundingStep) {
        add(
          "step.amount",
          "out_of_range",
          `must be at least the rounding unit (${roundingStep} ${plan.unit}); set roundTo for finer steps`,
        );
      }
    }
  } else if (step.kind === "percent") {
    if (!isFiniteNumber(step.percent)) {
      add("step.percent", "invalid", "must be a finite number");
    } else if (plan.kind === "taper" && !(step.percent > 0 && step.percent < 100)) {
      add("step.percent", "out_of_range", "must be more than 0 and less than 100 for a taper");
    } else if (plan.kind === "titration" && !(step.percent > 0 && step.percent <= 100)) {
      add("step.percent", "out_of_range", "must be more than 0 and at most 100 for a titration");
    }
  } else {
    add("step.kind", "invalid", 'must be "amount" or "percent"');
  }

  const limit = plan.limitAmountPerDay;
  if (plan.kind === "taper" && limit !== undefined) {
    if (!isFiniteNumber(limit)) {
      add("limitAmountPerDay", "invalid", "must be a finite number");
    } else if (limit < 0) {
      add("limitAmountPerDay", "negative", "the floor must not be negative");
    } else if (startAmountOk && limit >= plan.startAmountPerDay) {
      add("limitAmountPerDay", "inconsistent", "a taper's floor must be below the start amount");
    }
  }
  let ceilingOk = false;
  if (plan.kind === "titration") {
    if (limit === undefined) {
      add("limitAmountPerDay", "required", "a titration needs a ceiling");
    } else if (positive("limitAmountPerDay", limit, true)) {
      if (startAmountOk && limit <= plan.startAmountPerDay) {
        add(
          "limitAmountPerDay",
          "inconsistent",
          "a titration's ceiling must be above the start amount",
        );
      } else {
        ceilingOk = true;
      }
    }
  }

  const maxPerDose = positive("maxPerDose", plan.maxPerDose, false) ? plan.maxPerDose : undefined;
  const maxPerDay = positive("maxPerDay", plan.maxPerDay, false) ? plan.maxPerDay : undefined;
  positive("minHoursBetweenDoses", plan.minHoursBetweenDoses, false);
  if (maxPerDose !== undefined && maxPerDay !== undefined && maxPerDose > maxPerDay) {
    add("maxPerDose", "inconsistent", "must not be more than the maximum per day");
  }
  if (maxPerDay !== undefined) {
    if (plan.kind === "taper" && startAmountOk && plan.startAmountPerDay > maxPerDay) {
      add("startAmountPerDay", "inconsistent", "must not be more than the maximum per day");
    }
    if (plan.kind === "titration" && ceilingOk && (limit ?? 0) > maxPerDay) {
      add(
        "limitAmountPerDay",
        "inconsistent",
        "the ceiling must not be more than the maximum per day",
      );
    }
  }

  return issues;
}

/** Throws `InvalidPlanError` unless the plan is valid. */
export function assertValidPlan(plan: PlanDefinition): void {
  const issues = validatePlan(plan);
  if (issues.length > 0) throw new InvalidPlanError(issues);
}
