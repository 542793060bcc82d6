import {
  endingChangesPlan,
  type PlanDefinition,
  planReadIsAudited,
  validatePlanForStorage,
} from "../../core/plan/index.ts";
import { type AuditEntry, appendAudit, withAuditEntry } from "../../db/audit.ts";
import {
  endPlan,
  getPlan,
  getPlanAmongOwnPlans,
  insertPlan,
  listPlans,
  type PlanListFilter,
  type PlanRecord,
  type PlanWithVersions,
  revisePlan,
} from "../../db/plans.ts";
import type { App } from "../context.ts";
import { ApiError, invalidInput, notFound } from "../http/api-error.ts";

/**
 * Plans as a service: every function takes the person the plan is for (`subjectUserId`) and who
 * acts (`actorUserId`), so the person's own routes and the care team's consented routes share
 * them. They do not check that the actor may act for the subject: the caller does that first
 * (own routes: actor = subject; care-team routes: consent with permission to set plans).
 * Every write is audited; a read by anyone other than the subject is audited too.
 */

export interface Actor {
  subjectUserId: string;
  actorUserId: string;
  /** The client's address, for the audit log. */
  address?: string;
}

/** 400 naming each field core's `validatePlan` finds wrong, as `<prefix>.<field>`. */
export function assertPlanValid(definition: PlanDefinition, prefix = "body.definition"): void {
  const issues = validatePlanForStorage(definition);
  if (issues.length > 0) {
    throw invalidInput(
      issues.map((i) => ({ field: `${prefix}.${i.field}`, message: i.message })),
      `The plan is not valid: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`,
    );
  }
}

/** The audit entry for `action` on a plan by `who`. */
function planEntry(
  app: App,
  who: Actor,
  action: string,
  planId: string | null,
  details?: Record<string, unknown>,
): AuditEntry {
  return {
    actorId: who.actorUserId,
    subjectId: who.subjectUserId,
    action,
    entity: "plan",
    entityId: planId,
    address: who.address ?? null,
    ...(details ? { details } : {}),
    at: app.mitra.now(),
  };
}

async function auditRead(app: App, who: Actor, planId: string | null): Promise<void> {
  if (planReadIsAudited(who)) {
    await appendAudit(app.mitra.db, planEntry(app, who, "read", planId));
  }
}

export interface CreatedPlan {
  /** 201 when stored now, 200 when this id was stored before (a retry). */
  status: 200 | 201;
  plan: PlanWithVersions;
  replaced: string[];
}

/**
 * Creates an active plan for the subject. 400 naming `body.definition.<field>` for an invalid
 * definition; 409 `id_conflict` for an id that belongs to someone else's plan. The same id again
 * returns the stored plan. Ends the subject's active plan for the same substance or product.
 */
export async function createPlan(
  app: App,
  who: Actor,
  input: { id: string; definition: PlanDefinition },
): Promise<CreatedPlan> {
  assertPlanValid(input.definition);
  // The plan and its audit entry commit together.
  const result = await withAuditEntry(
    app.mitra.db,
    (trx) =>
      insertPlan(trx, {
        id: input.id,
        userId: who.subjectUserId,
        createdBy: who.actorUserId,
        definition: input.definition,
        now: app.mitra.now(),
      }),
    (inserted) =>
      inserted.created
        ? planEntry(app, who, "create", input.id, { version: 1, replaced: inserted.replaced })
        : null,
  );
  if (result.plan.userId !== who.subjectUserId) {
    throw new ApiError(409, "id_conflict", "This id is already used by another record", {
      fields: [{ field: "body.id", message: "already used: generate a new uuid" }],
    });
  }
  return { status: result.created ? 201 : 200, plan: result.plan, replaced: result.replaced };
}

/** The subject's plans with their current versions, newest first. */
export async function listPlansOf(
  app: App,
  who: Actor,
  filter: PlanListFilter = {},
): Promise<PlanRecord[]> {
  const plans = await listPlans(app.mitra.db, who.subjectUserId, filter);
  await auditRead(app, who, null);
  return plans;
}

/** One of the subject's plans with every version; 404 when it is not theirs (or not there). */
export async function findPlanOf(app: App, who: Actor, planId: string): Promise<PlanWithVersions> {
  const plan = await getPlan(app.mitra.db, planId);
  if (!plan || plan.userId !== who.subjectUserId) throw notFound("Plan");
  await auditRead(app, who, planId);
  return plan;
}

/**
 * One of the subject's plans with every version, and all the subject's plans with theirs (which
 * core needs to tell the days the plan governs); 404 when it is not theirs. Two reads.
 */
export async function findPlanAmongOwnOf(
  app: App,
  who: Actor,
  planId: string,
): Promise<{ plan: PlanWithVersions; plans: PlanWithVersions[] }> {
  const found = await getPlanAmongOwnPlans(app.mitra.db, planId);
  if (!found || found.plan.userId !== who.subjectUserId) throw notFound("Plan");
  await auditRead(app, who, planId);
  return found;
}

/**
 * Adds a version to one of the subject's plans. 404 when not theirs, 409 `plan_ended` for an
 * ended plan, 400 naming the field for an invalid definition. The same definition again adds no
 * version. A move to a substance or product another active plan covers ends that plan.
 */
export async function revisePlanOf(
  app: App,
  who: Actor,
  planId: string,
  definition: PlanDefinition,
): Promise<{ plan: PlanWithVersions; replaced: string[] }> {
  const existing = await getPlan(app.mitra.db, planId);
  if (!existing || existing.userId !== who.subjectUserId) throw notFound("Plan");
  assertPlanValid(definition);
  // The new version and its audit entry commit together.
  const result = await withAuditEntry(
    app.mitra.db,
    (trx) =>
      revisePlan(trx, { planId, createdBy: who.actorUserId, definition, now: app.mitra.now() }),
    (revised) =>
      revised.outcome === "revised"
        ? planEntry(app, who, "update", planId, {
            version: revised.plan.current.version,
            changedFields: revised.plan.current.changedFields,
            replaced: revised.replaced,
          })
        : null,
  );
  switch (result.outcome) {
    case "not_found":
      throw notFound("Plan");
    case "ended":
      throw new ApiError(409, "plan_ended", "This plan has ended; start a new plan instead");
    case "unchanged":
      return { plan: result.plan, replaced: [] };
    case "revised":
      return { plan: result.plan, replaced: result.replaced };
  }
}

/** Ends one of the subject's plans (again: no change). 404 when not theirs. */
export async function endPlanOf(app: App, who: Actor, planId: string): Promise<PlanWithVersions> {
  const existing = await getPlan(app.mitra.db, planId);
  if (!existing || existing.userId !== who.subjectUserId) throw notFound("Plan");
  // The change and its audit entry commit together.
  const ended = await withAuditEntry(
    app.mitra.db,
    (trx) => endPlan(trx, planId, who.actorUserId, app.mitra.now()),
    (plan) => (plan && endingChangesPlan(existing) ? planEntry(app, who, "end", planId) : null),
  );
  if (!ended) throw notFound("Plan");
  return ended;
}
