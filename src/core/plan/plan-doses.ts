/**
 * Which logged doses a plan's adherence counts, and in what unit: the same doses the safety
 * engine adds up against the plan (core/safety/plan-limits.ts), the plan's product, or the
 * plan's substance or one pooled with it (leaf powder and leaf capsules share a pool; an extract
 * is its own pool, never leaf).
 */

import { convertMass } from "../units.ts";
import type { AdherenceDose } from "./adherence.ts";
import type { PlanDefinition } from "./plan-definition.ts";

/** A logged dose as the plan reads it. */
export interface LoggedDose {
  takenAt: string;
  amount: number;
  unit: string;
  substanceId: string;
  productId: string | null;
  /** The amount in the substance's canonical unit and its pool, recorded when logged. */
  canonical: { amount: number; unit: string; pool: string } | null;
}

/** The pool of a catalog substance (its own id when it shares none). */
export type PoolOf = (substanceId: string) => string;

/** Whether `dose` counts toward `plan`: the plan's product, or a substance in the plan's pool. */
export function countsTowardPlan(
  plan: Pick<PlanDefinition, "substanceId" | "productId">,
  poolOf: PoolOf,
): (dose: LoggedDose) => boolean {
  const planPool = plan.substanceId === undefined ? undefined : poolOf(plan.substanceId);
  return (dose) =>
    (plan.productId !== undefined && dose.productId === plan.productId) ||
    (planPool !== undefined && (dose.canonical?.pool ?? poolOf(dose.substanceId)) === planPool);
}

/**
 * The dose in the plan's unit when it can be converted (same unit, or a mass from the amount in
 * the substance's canonical unit recorded when logged); otherwise as logged, so adherence reports
 * it as not convertible rather than mixing it in.
 */
export function doseInPlanUnit(
  dose: LoggedDose,
  plan: Pick<PlanDefinition, "unit">,
): AdherenceDose {
  if (dose.unit === plan.unit)
    return { takenAt: dose.takenAt, amount: dose.amount, unit: dose.unit };
  const converted = dose.canonical
    ? convertMass(dose.canonical.amount, dose.canonical.unit, plan.unit)
    : null;
  return converted === null
    ? { takenAt: dose.takenAt, amount: dose.amount, unit: dose.unit }
    : { takenAt: dose.takenAt, amount: converted, unit: plan.unit };
}

/** The doses of `logged` that count toward `plan`, in its unit where they convert. */
export function planDoses(
  plan: Pick<PlanDefinition, "substanceId" | "productId" | "unit">,
  logged: readonly LoggedDose[],
  poolOf: PoolOf,
): AdherenceDose[] {
  const counts = countsTowardPlan(plan, poolOf);
  return logged.filter(counts).map((d) => doseInPlanUnit(d, plan));
}
