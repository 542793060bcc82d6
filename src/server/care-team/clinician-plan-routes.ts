import {
  ADHERENCE_DESCRIPTION,
  adherenceQuery,
  adherenceResponse,
  createPlanBody,
  PLAN_GOVERNANCE_RULE,
  planListResponse,
  planResponse,
  revisePlanBody,
} from "../../api/plan-schemas.ts";
import type { PlanWithVersions } from "../../db/plans.ts";
import type { App } from "../context.ts";
import { planAdherenceOf } from "../plans/plan-adherence.ts";
import { createPlan, endPlanOf, listPlansOf, revisePlanOf } from "../plans/plan-service.ts";
import { requirePatientAccess } from "./access.ts";
import { patientParams, patientPlanParams } from "./clinician-schemas.ts";

const withVersions = (plan: PlanWithVersions) => ({ ...plan });

/**
 * A consenting clinician's view of a patient's plans through the plans service: reading needs
 * the doses scope or the permission to set plans, writing needs that permission. The service
 * audits every read by someone other than the patient and every change.
 */
export async function clinicianPlanRoutes(app: App): Promise<void> {
  app.get(
    "/api/clinician/patients/:id/plans",
    {
      schema: {
        tags: ["clinician"],
        summary: "A consenting patient's plans (needs doses, or permission to set plans)",
        params: patientParams,
        response: { 200: planListResponse },
      },
    },
    async (request) => {
      const access = await requirePatientAccess(app, request, request.params.id, "plans");
      const plans = await listPlansOf(app, {
        subjectUserId: access.patient.id,
        actorUserId: access.clinician.id,
        address: request.ip,
      });
      return { plans };
    },
  );

  app.post(
    "/api/clinician/patients/:id/plans",
    {
      schema: {
        tags: ["clinician"],
        summary: "Set a plan for a patient who allowed it; ends their plan for the same substance",
        description: PLAN_GOVERNANCE_RULE,
        params: patientParams,
        body: createPlanBody,
        response: { 200: planResponse, 201: planResponse },
      },
    },
    async (request, reply) => {
      const access = await requirePatientAccess(app, request, request.params.id, "set-plans");
      const created = await createPlan(
        app,
        { subjectUserId: access.patient.id, actorUserId: access.clinician.id, address: request.ip },
        request.body,
      );
      reply.status(created.status);
      return { plan: withVersions(created.plan), replaced: created.replaced };
    },
  );

  app.put(
    "/api/clinician/patients/:id/plans/:planId",
    {
      schema: {
        tags: ["clinician"],
        summary: "Change a patient's plan (adds a version) when they allowed it",
        params: patientPlanParams,
        body: revisePlanBody,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const access = await requirePatientAccess(app, request, request.params.id, "set-plans");
      const result = await revisePlanOf(
        app,
        { subjectUserId: access.patient.id, actorUserId: access.clinician.id, address: request.ip },
        request.params.planId,
        request.body.definition,
      );
      return { plan: withVersions(result.plan), replaced: result.replaced };
    },
  );

  app.post(
    "/api/clinician/patients/:id/plans/:planId/end",
    {
      schema: {
        tags: ["clinician"],
        summary: "End a patient's plan when they allowed it",
        description: PLAN_GOVERNANCE_RULE,
        params: patientPlanParams,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const access = await requirePatientAccess(app, request, request.params.id, "set-plans");
      const plan = await endPlanOf(
        app,
        { subjectUserId: access.patient.id, actorUserId: access.clinician.id, address: request.ip },
        request.params.planId,
      );
      return { plan: withVersions(plan), replaced: [] };
    },
  );

  app.get(
    "/api/clinician/patients/:id/plans/:planId/adherence",
    {
      schema: {
        tags: ["clinician"],
        summary: "Taken against planned per day for a patient's plan, in their time zone",
        description: ADHERENCE_DESCRIPTION,
        params: patientPlanParams,
        querystring: adherenceQuery,
        response: { 200: adherenceResponse },
      },
    },
    async (request) => {
      const access = await requirePatientAccess(app, request, request.params.id, "plans");
      return planAdherenceOf(
        app,
        { subjectUserId: access.patient.id, actorUserId: access.clinician.id, address: request.ip },
        request.params.planId,
        request.query,
      );
    },
  );
}
