/**
 * A bound on how many steps a plan may take to reach its limit, so a schedule (computed on the
 * server and in the browser as the person types) always stays small. Each step moves the target
 * by at least one rounding unit (see schedule.ts), so a plan takes at most
 * ceil(|start − limit| / rounding unit) steps. This is a size guard, not a clinical rule.
 */

import type { PlanDefinition } from "./plan-definition.ts";
import { roundingStepOf } from "./rounding.ts";
import { planLimit } from "./schedule.ts";
import { type PlanIssue, validatePlan } from "./validate-plan.ts";

/** Most steps a stored plan may take from its start to its floor or ceiling. */
export const MAX_PLAN_STEPS = 2000;

/** Upper bound on the steps from the start to the limit; assumes a valid plan. */
export function stepsToLimitAtMost(plan: PlanDefinition): number {
  const distance = Math.abs(plan.startAmountPerDay - planLimit(plan));
  return Math.ceil(distance / roundingStepOf(plan) - 1e-9);
}

/**
 * `validatePlan`'s issues, and for an otherwise valid plan an issue on `roundTo` (or the start
 * amount) when it could take more than `MAX_PLAN_STEPS` steps.
 */
export function validatePlanForStorage(plan: PlanDefinition): PlanIssue[] {
  const issues = validatePlan(plan);
  if (issues.length > 0) return issues;
  const steps = stepsToLimitAtMost(plan);
  if (steps > MAX_PLAN_STEPS) {
    return [
      {
        field: plan.roundTo === undefined ? "startAmountPerDay" : "roundTo",
        code: "out_of_range",
        message: `makes a schedule of up to ${steps} steps; at most ${MAX_PLAN_STEPS} are allowed (use a coarser rounding or a smaller range)`,
      },
    ];
  }
  return [];
}
