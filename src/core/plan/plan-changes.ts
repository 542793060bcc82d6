/**
 * What changed between two versions of a plan, for the plan's history ("step length 7 → 10
 * days"). Plans are versioned, never overwritten; this only compares two versions.
 */

import type { PlanDefinition } from "./plan-definition.ts";

/** Every field of a plan, in the order a history shows them. */
export const PLAN_FIELDS = [
  "kind",
  "substanceId",
  "productId",
  "unit",
  "startDate",
  "startAmountPerDay",
  "step",
  "stepLengthDays",
  "limitAmountPerDay",
  "maxPerDose",
  "maxPerDay",
  "minHoursBetweenDoses",
  "endDate",
  "roundTo",
] as const satisfies readonly (keyof PlanDefinition)[];

// Fails to compile when PlanDefinition gains a field that PLAN_FIELDS does not list.
type MissingPlanField = Exclude<keyof PlanDefinition, (typeof PLAN_FIELDS)[number]>;
const everyPlanFieldListed: [MissingPlanField] extends [never] ? true : MissingPlanField = true;
void everyPlanFieldListed;

/**
 * The fields that differ between `prev` and `next`, in `PLAN_FIELDS` order. A missing optional
 * field equals `undefined`. The step is reported as `step` when its kind changed, otherwise as
 * `step.amount` or `step.percent`.
 */
export function planChanged(prev: PlanDefinition, next: PlanDefinition): string[] {
  const changed: string[] = [];
  for (const field of PLAN_FIELDS) {
    if (field === "step") {
      if (prev.step.kind !== next.step.kind) changed.push("step");
      else if (prev.step.kind === "amount" && next.step.kind === "amount") {
        if (prev.step.amount !== next.step.amount) changed.push("step.amount");
      } else if (prev.step.kind === "percent" && next.step.kind === "percent") {
        if (prev.step.percent !== next.step.percent) changed.push("step.percent");
      }
    } else if (!Object.is(prev[field], next[field])) {
      changed.push(field);
    }
  }
  return changed;
}
