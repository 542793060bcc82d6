/**
 * Who may change a person's plans and what each change does: the lifecycle of a plan from its
 * creation through its versions to its end. (Which plan governs which day is
 * `plan-governance.ts`.) The rules:
 * 1. The person may read and change their own plans. A clinician may read them when the person
 *    shares their doses with them or allowed them to set plans, and may create, revise and end
 *    them only when allowed to set plans.
 * 2. A read by anyone other than the person is audited (every change is audited anyway).
 * 3. A person has at most one active plan per substance or product (`coversSameSubject`): a new
 *    plan, or a revision that moves a plan to another substance or product, ends the person's
 *    other active plans for it, recorded as `replaced` by that plan.
 * 4. A plan's content lives in versions, never overwritten: it is created with version 1 (no
 *    changed fields); a revision adds the next version with the fields that changed; the same
 *    definition again adds nothing (so a retried save is harmless); an ended plan is not revised.
 * 5. Ending an active plan records when, by whom and why; ending an ended plan changes nothing.
 */

import { planChanged } from "./plan-changes.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { coversSameSubject } from "./plan-subject.ts";

export type PlanStatus = "active" | "ended";
export type PlanEndReason = "ended" | "replaced";

/** What a clinician's care link says about plans. */
export interface PlanConsent {
  /** The person allowed the clinician to set plans. */
  maySetPlans: boolean;
  /** The person shares their doses (and so their plans) with the clinician. */
  sharesDoses: boolean;
}

/** Rule 1: a clinician may read the person's plans. */
export function clinicianMayReadPlans(consent: PlanConsent): boolean {
  return consent.maySetPlans || consent.sharesDoses;
}

/** Rule 1: a clinician may create, revise and end the person's plans. */
export function clinicianMayChangePlans(consent: PlanConsent): boolean {
  return consent.maySetPlans;
}

/** Rule 2: a read of the person's plans is audited when someone else reads them. */
export function planReadIsAudited(who: { actorUserId: string; subjectUserId: string }): boolean {
  return who.actorUserId !== who.subjectUserId;
}

/** Rule 4: the first version of a new plan. */
export const FIRST_PLAN_VERSION = { version: 1, changedFields: [] as string[] } as const;

/** What a plan is, as the lifecycle reads it. */
export interface LifecyclePlan {
  id: string;
  status: PlanStatus;
  current: { version: number; definition: PlanDefinition };
}

export type RevisionDecision =
  | { outcome: "ended" }
  | { outcome: "unchanged" }
  | { outcome: "revised"; version: number; changedFields: string[] };

/** Rule 4: what saving `next` over the plan does. */
export function decideRevision(plan: LifecyclePlan, next: PlanDefinition): RevisionDecision {
  if (plan.status !== "active") return { outcome: "ended" };
  const changedFields = planChanged(plan.current.definition, next);
  if (changedFields.length === 0) return { outcome: "unchanged" };
  return { outcome: "revised", version: plan.current.version + 1, changedFields };
}

/**
 * Rule 3: the ids of the person's active plans that plan `planId`, with `definition`, replaces:
 * the others that cover the same substance or product.
 */
export function plansReplacedBy(
  planId: string,
  definition: PlanDefinition,
  plans: readonly LifecyclePlan[],
): string[] {
  return plans
    .filter(
      (p) =>
        p.status === "active" &&
        p.id !== planId &&
        coversSameSubject(p.current.definition, definition),
    )
    .map((p) => p.id);
}

/** Rule 5: ending the plan changes it (it is active). */
export function endingChangesPlan(plan: Pick<LifecyclePlan, "status">): boolean {
  return plan.status === "active";
}

/** Rules 3 and 5: what an ended plan records. */
export interface PlanEnding {
  status: "ended";
  endedAt: string;
  endedBy: string;
  endReason: PlanEndReason;
  /** The plan that replaced it, for `replaced`. */
  replacedBy: string | null;
}

/** The end of a plan, by hand (`replacedBy` null) or by the plan that replaced it. */
export function planEnding(
  endedBy: string,
  at: Date,
  replacedBy: string | null = null,
): PlanEnding {
  return {
    status: "ended",
    endedAt: at.toISOString(),
    endedBy,
    endReason: replacedBy === null ? "ended" : "replaced",
    replacedBy,
  };
}
