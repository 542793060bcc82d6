import { contract } from "../../api/contract.ts";
import type { PlanWithVersions } from "../../db/plans.ts";
import type { App } from "../context.ts";
import { handle } from "../http/handle.ts";
import { planAdherenceOf } from "../plans/plan-adherence.ts";
import { createPlan, endPlanOf, listPlansOf, revisePlanOf } from "../plans/plan-service.ts";
import { requirePatientAccess } from "./access.ts";

const withVersions = (plan: PlanWithVersions) => ({ ...plan });

/**
 * A consenting clinician's view of a patient's plans through the plans service: reading needs
 * the doses scope or the permission to set plans, writing needs that permission. The service
 * audits every read by someone other than the patient and every change.
 */
export async function clinicianPlanRoutes(app: App): Promise<void> {
  handle(app, contract.listPatientPlans, async (request) => {
    const access = await requirePatientAccess(app, request, request.params.id, "plans");
    const plans = await listPlansOf(app, {
      subjectUserId: access.patient.id,
      actorUserId: access.clinician.id,
      address: request.ip,
    });
    return { plans };
  });

  handle(app, contract.createPatientPlan, async (request, reply) => {
    const access = await requirePatientAccess(app, request, request.params.id, "set-plans");
    const created = await createPlan(
      app,
      { subjectUserId: access.patient.id, actorUserId: access.clinician.id, address: request.ip },
      request.body,
    );
    reply.status(created.status);
    return { plan: withVersions(created.plan), replaced: created.replaced };
  });

  handle(app, contract.revisePatientPlan, async (request) => {
    const access = await requirePatientAccess(app, request, request.params.id, "set-plans");
    const result = await revisePlanOf(
      app,
      { subjectUserId: access.patient.id, actorUserId: access.clinician.id, address: request.ip },
      request.params.planId,
      request.body.definition,
    );
    return { plan: withVersions(result.plan), replaced: result.replaced };
  });

  handle(app, contract.endPatientPlan, async (request) => {
    const access = await requirePatientAccess(app, request, request.params.id, "set-plans");
    const plan = await endPlanOf(
      app,
      { subjectUserId: access.patient.id, actorUserId: access.clinician.id, address: request.ip },
      request.params.planId,
    );
    return { plan: withVersions(plan), replaced: [] };
  });

  // Adherence is what was taken each day: dose data, whatever the permission to set plans.
  handle(app, contract.getPatientPlanAdherence, async (request) => {
    const access = await requirePatientAccess(app, request, request.params.id, "doses");
    return planAdherenceOf(
      app,
      { subjectUserId: access.patient.id, actorUserId: access.clinician.id, address: request.ip },
      request.params.planId,
      request.query,
    );
  });
}
