import type { ActivePlanLimits } from "../plan/active-plan.ts";

const HOUR_MS = 3_600_000;

/** The plan in force that governs a dose of `substanceId` (or of product `productId`). */
export function governingPlan(
  plans: readonly ActivePlanLimits[],
  dose: { substanceId: string; productId?: string | null },
): ActivePlanLimits | undefined {
  return plans.find((p) =>
    p.productId !== undefined ? p.productId === dose.productId : p.substanceId === dose.substanceId,
  );
}

/**
 * When the next dose a plan's minimum interval allows may be taken after `dose`: takenAt plus
 * the interval of the plan that governs it. Null when no plan in force governs it, the plan sets
 * no interval, or the window opened by `now` already (a dose logged late).
 */
export function doseWindowOpensAt(
  plans: readonly ActivePlanLimits[],
  dose: { substanceId: string; productId?: string | null; takenAt: string },
  now: Date,
): Date | null {
  const hours = governingPlan(plans, dose)?.minIntervalHours;
  if (!hours) return null;
  const at = new Date(new Date(dose.takenAt).getTime() + hours * HOUR_MS);
  return at > now ? at : null;
}
