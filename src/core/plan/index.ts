/**
 * Plans and adherence: the pure core of titration and taper plans. See each module for the rules.
 */

export { type ActivePlanLimits, activePlanLimits } from "./active-plan.ts";
export {
  type AdherenceDose,
  ON_PLAN_TOLERANCE,
} from "./adherence.ts";
export { addDays, daysBetween, isCalendarDay } from "./calendar-day.ts";
export {
  type GovernedAdherenceDay,
  governedAdherence,
  type VersionedAdherenceDay,
} from "./governed-adherence.ts";
export {
  PLAN_KINDS,
  type PlanDefinition,
  type PlanKind,
} from "./plan-definition.ts";
export { planDoses } from "./plan-doses.ts";
export {
  endedOnDay,
  type GovernedPlan,
  plansInForceOn,
} from "./plan-governance.ts";
export {
  clinicianMayChangePlans,
  clinicianMayReadPlans,
  decideRevision,
  endingChangesPlan,
  FIRST_PLAN_VERSION,
  type PlanEnding,
  planEnding,
  planReadIsAudited,
  plansReplacedBy,
} from "./plan-lifecycle.ts";
export { validatePlanForStorage } from "./plan-size.ts";
export { coversSameSubject } from "./plan-subject.ts";
export {
  limitReachedOn,
  nextTargetChange,
  planSchedule,
  type ScheduledDay,
  targetForDay,
} from "./schedule.ts";
export {
  InvalidPlanError,
  type PlanIssue,
  validatePlan,
} from "./validate-plan.ts";
