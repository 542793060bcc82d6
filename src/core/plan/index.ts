/**
 * Plans and adherence: the pure core of titration and taper plans. See each module for the rules.
 */

export { type ActivePlanLimits, activePlanLimits } from "./active-plan.ts";
export {
  type AdherenceDay,
  type AdherenceDose,
  type AdherenceOptions,
  type AdherenceStatus,
  adherence,
  ON_PLAN_TOLERANCE,
  takenWithoutTarget,
  type UnconvertibleAmount,
  type UnitConverter,
} from "./adherence.ts";
export { addDays, daysBetween, isCalendarDay } from "./calendar-day.ts";
export {
  type GovernedAdherence,
  type GovernedAdherenceDay,
  governedAdherence,
  type VersionedAdherenceDay,
} from "./governed-adherence.ts";
export { PLAN_FIELDS, planChanged } from "./plan-changes.ts";
export {
  PLAN_KINDS,
  type PlanDefinition,
  type PlanKind,
  type PlanStep,
} from "./plan-definition.ts";
export {
  endedOnDay,
  type GovernedPlan,
  type PlanDay,
  type PlanDayState,
  planDayRuns,
  planDays,
  plansInForceOn,
} from "./plan-governance.ts";
export { MAX_PLAN_STEPS, stepsToLimitAtMost, validatePlanForStorage } from "./plan-size.ts";
export { coversSameSubject } from "./plan-subject.ts";
export {
  DEFAULT_ROUNDING_BY_UNIT,
  defaultRoundingStep,
  FALLBACK_ROUNDING_STEP,
  roundingStepOf,
} from "./rounding.ts";
export {
  limitReachedOn,
  planLimit,
  planSchedule,
  type ScheduledDay,
  type ScheduleWindow,
  scheduledDayOf,
  targetForDay,
} from "./schedule.ts";
export {
  assertValidPlan,
  InvalidPlanError,
  type PlanIssue,
  type PlanIssueCode,
  validatePlan,
} from "./validate-plan.ts";
export {
  type DatedPlanVersion,
  effectiveFromDay,
  type VersionSpan,
  versionInForceOn,
  versionSpans,
} from "./version-in-force.ts";
