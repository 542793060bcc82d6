import { contract } from "../../api/contract.ts";
import { InvalidPlanError } from "../../core/plan/index.ts";
import type { PlanRecord, PlanWithVersions } from "../../db/plans.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { planAdherenceOf } from "./plan-adherence.ts";
import { previewPlan, storedPlanPreview } from "./plan-preview.ts";
import { createPlan, endPlanOf, findPlanOf, listPlansOf, revisePlanOf } from "./plan-service.ts";
import { plansForToday } from "./plan-today.ts";

const own = (request: Parameters<typeof requireUser>[0]) => {
  const user = requireUser(request);
  return { subjectUserId: user.id, actorUserId: user.id, address: request.ip };
};

/** One plan without its versions (a list shows only the current one). */
function planOut(plan: PlanRecord): PlanRecord {
  return {
    id: plan.id,
    userId: plan.userId,
    createdBy: plan.createdBy,
    status: plan.status,
    createdAt: plan.createdAt,
    endedAt: plan.endedAt,
    endedBy: plan.endedBy,
    endReason: plan.endReason,
    replacedBy: plan.replacedBy,
    current: plan.current,
  };
}

function withVersions(plan: PlanWithVersions) {
  return { ...planOut(plan), versions: plan.versions };
}

/** A stored definition that no longer validates cannot be scheduled: say so, never a 500. */
async function scheduled<T>(compute: () => T | Promise<T>): Promise<T> {
  try {
    return await compute();
  } catch (error) {
    if (error instanceof InvalidPlanError) {
      throw new ApiError(
        409,
        "plan_invalid",
        "This plan no longer passes validation; edit it to correct it",
        { fields: error.issues.map((i) => ({ field: `plan.${i.field}`, message: i.message })) },
      );
    }
    throw error;
  }
}

/** The signed-in person's own titration and taper plans. */
export async function planRoutes(app: App): Promise<void> {
  handle(app, contract.createPlan, async (request, reply) => {
    const created = await createPlan(app, own(request), request.body);
    reply.status(created.status);
    return { plan: withVersions(created.plan), replaced: created.replaced };
  });

  handle(app, contract.listPlans, async (request) => {
    const plans = await listPlansOf(app, own(request), request.query);
    return { plans: plans.map(planOut) };
  });

  handle(app, contract.getPlansToday, async (request) => plansForToday(app, own(request)));

  handle(app, contract.previewPlan, async (request) => {
    const { definition, days, from } = request.body;
    return previewPlan(definition, { days, from });
  });

  handle(app, contract.getPlan, async (request) => {
    const plan = await findPlanOf(app, own(request), request.params.id);
    return { plan: withVersions(plan), replaced: [] };
  });

  handle(app, contract.revisePlan, async (request) => {
    const result = await revisePlanOf(
      app,
      own(request),
      request.params.id,
      request.body.definition,
    );
    return { plan: withVersions(result.plan), replaced: result.replaced };
  });

  handle(app, contract.endPlan, async (request) => {
    const plan = await endPlanOf(app, own(request), request.params.id);
    return { plan: withVersions(plan), replaced: [] };
  });

  handle(app, contract.previewStoredPlan, async (request) => {
    const plan = await findPlanOf(app, own(request), request.params.id);
    const { days, from } = request.query;
    return scheduled(() => storedPlanPreview(plan.current.definition, { days, from }));
  });

  // Never a 409: a day whose version no longer validates is marked `plan-invalid` instead.
  handle(app, contract.getPlanAdherence, async (request) =>
    planAdherenceOf(app, own(request), request.params.id, request.query),
  );
}
