import { InvalidPlanError } from "../../core/plan/index.ts";
import type { PlanRecord, PlanWithVersions } from "../../db/plans.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import { planAdherenceOf } from "./plan-adherence.ts";
import { previewPlan, storedPlanPreview } from "./plan-preview.ts";
import { createPlan, endPlanOf, findPlanOf, listPlansOf, revisePlanOf } from "./plan-service.ts";
import { plansForToday } from "./plan-today.ts";
import {
  ADHERENCE_DESCRIPTION,
  adherenceQuery,
  adherenceResponse,
  createPlanBody,
  PLAN_GOVERNANCE_RULE,
  planListQuery,
  planListResponse,
  planParams,
  planResponse,
  previewBody,
  previewQuery,
  previewResponse,
  revisePlanBody,
  todayResponse,
} from "./schemas.ts";

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
  app.post(
    "/api/plans",
    {
      schema: {
        tags: ["plans"],
        summary: "Start a plan; ends the active plan for the same substance or product",
        description: PLAN_GOVERNANCE_RULE,
        body: createPlanBody,
        response: { 200: planResponse, 201: planResponse },
      },
    },
    async (request, reply) => {
      const created = await createPlan(app, own(request), request.body);
      reply.status(created.status);
      return { plan: withVersions(created.plan), replaced: created.replaced };
    },
  );

  app.get(
    "/api/plans",
    {
      schema: {
        tags: ["plans"],
        summary: "One's own plans with their current versions, newest first",
        querystring: planListQuery,
        response: { 200: planListResponse },
      },
    },
    async (request) => {
      const plans = await listPlansOf(app, own(request), request.query);
      return { plans: plans.map(planOut) };
    },
  );

  app.get(
    "/api/plans/today",
    {
      schema: {
        tags: ["plans"],
        summary: "Today's targets and limits of one's active plans, in one's time zone",
        response: { 200: todayResponse },
      },
    },
    async (request) => plansForToday(app, own(request)),
  );

  app.post(
    "/api/plans/preview",
    {
      schema: {
        tags: ["plans"],
        summary: "Preview a plan day by day before saving it (nothing is stored)",
        body: previewBody,
        response: { 200: previewResponse },
      },
    },
    async (request) => {
      requireUser(request);
      const { definition, days, from } = request.body;
      return previewPlan(definition, { days, from });
    },
  );

  app.get(
    "/api/plans/:id",
    {
      schema: {
        tags: ["plans"],
        summary: "One of one's plans with every version",
        params: planParams,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const plan = await findPlanOf(app, own(request), request.params.id);
      return { plan: withVersions(plan), replaced: [] };
    },
  );

  app.put(
    "/api/plans/:id",
    {
      schema: {
        tags: ["plans"],
        summary: "Change a plan: adds a version (the same definition again adds none)",
        params: planParams,
        body: revisePlanBody,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const result = await revisePlanOf(
        app,
        own(request),
        request.params.id,
        request.body.definition,
      );
      return { plan: withVersions(result.plan), replaced: result.replaced };
    },
  );

  app.post(
    "/api/plans/:id/end",
    {
      schema: {
        tags: ["plans"],
        summary: "End a plan (ending it again changes nothing)",
        description: PLAN_GOVERNANCE_RULE,
        params: planParams,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const plan = await endPlanOf(app, own(request), request.params.id);
      return { plan: withVersions(plan), replaced: [] };
    },
  );

  app.get(
    "/api/plans/:id/preview",
    {
      schema: {
        tags: ["plans"],
        summary: "The plan's current version day by day",
        params: planParams,
        querystring: previewQuery,
        response: { 200: previewResponse },
      },
    },
    async (request) => {
      const plan = await findPlanOf(app, own(request), request.params.id);
      const { days, from } = request.query;
      return scheduled(() => storedPlanPreview(plan.current.definition, { days, from }));
    },
  );

  app.get(
    "/api/plans/:id/adherence",
    {
      schema: {
        tags: ["plans"],
        summary: "Taken against planned per day in one's time zone (default: the last 14 days)",
        description: ADHERENCE_DESCRIPTION,
        params: planParams,
        querystring: adherenceQuery,
        response: { 200: adherenceResponse },
      },
    },
    // Never a 409: a day whose version no longer validates is marked `plan-invalid` instead.
    async (request) => planAdherenceOf(app, own(request), request.params.id, request.query),
  );
}
