import { contract } from "../../api/contract.ts";
import { startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { findAssessment } from "../../db/assessments.ts";
import { appendAudit, withAuditEntry } from "../../db/audit.ts";
import { appendAuditBatch } from "../../db/audit-batch.ts";
import {
  acknowledgeCheckIn,
  listCheckInAcknowledgements,
} from "../../db/check-in-acknowledgements.ts";
import { insertClinicalNote } from "../../db/clinical-notes.ts";
import { toAssessmentView } from "../assessments/assessment-view.ts";
import { recordAssessment } from "../assessments/record-assessment.ts";
import { assessmentTrends } from "../assessments/trends.ts";
import type { App } from "../context.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { gatherPatientRecord } from "../reports/patient-record.ts";
import { resolveRange } from "../reports/range.ts";
import { requireApprovedClinician, requirePatientAccess } from "./access.ts";
import { clinicianPlanRoutes } from "./clinician-plan-routes.ts";
import { checkInAlerts, triageDashboard } from "./triage.ts";

/** The clinician's side: the triage dashboard and the view of one consenting patient. */
export async function clinicianRoutes(app: App): Promise<void> {
  handle(app, contract.getTriageDashboard, async (request) => {
    const clinician = requireApprovedClinician(request);
    const now = app.mitra.now();
    const { quiet, ...query } = request.query;
    const dashboard = await triageDashboard(app.mitra.db, clinician.id, now, {
      ...query,
      ...(quiet === undefined ? {} : { quietDays: quiet }),
    });
    // Only the patients on the page are shown, so only they are recorded as read.
    await appendAuditBatch(
      app.mitra.db,
      dashboard.patients.map((row) => ({
        actorId: clinician.id,
        subjectId: row.patient.id,
        action: "read",
        entity: "triage_summary",
        address: request.ip,
        at: now,
        details: { linkId: row.linkId },
      })),
    );
    return dashboard;
  });

  handle(app, contract.getPatientTimeline, async (request) => {
    const now = app.mitra.now();
    const asked = resolveRange(request.query, now);
    const access = await requirePatientAccess(app, request, request.params.id, "any");
    // Without a `from`, whole days in the patient's zone: the first day's doses are all there.
    const timeZone = access.patient.timeZone;
    const range =
      request.query.from === undefined
        ? { ...asked, from: startOfZonedDay(zonedDay(asked.from, timeZone), timeZone) }
        : asked;
    const record = await gatherPatientRecord(
      app.mitra.db,
      access.patient.id,
      access.link.scopes,
      range,
    );
    if (!record) throw notFound("That patient");
    await appendAudit(app.mitra.db, {
      actorId: access.clinician.id,
      subjectId: access.patient.id,
      action: "read",
      entity: "timeline",
      address: request.ip,
      at: now,
      details: {
        linkId: access.link.id,
        sections: access.link.scopes,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
      },
    });
    return {
      patient: access.patient,
      access: { scopes: access.link.scopes, maySetPlans: access.link.maySetPlans },
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      ...(record.assessments
        ? {
            assessments: record.assessments.map(toAssessmentView),
            trends: await assessmentTrends(app.mitra.db, access.patient.id, now),
            alerts: checkInAlerts(record.assessments, range.from.toISOString(), null),
            acknowledgements: await listCheckInAcknowledgements(
              app.mitra.db,
              access.patient.id,
              range,
            ),
          }
        : {}),
      ...(record.doses ? { doses: record.doses } : {}),
      ...(record.plans ? { plans: record.plans } : {}),
      ...(record.products
        ? {
            products: record.products.map((p) => ({
              id: p.id,
              vendor: p.vendor,
              name: p.name,
              form: p.form,
              substanceId: p.substanceId,
              substanceName: p.substanceName,
              lot: p.lot,
              gramsPerCapsule: p.gramsPerCapsule,
              gramsPerServing: p.gramsPerServing,
              elementalMgPerUnit: p.elementalMgPerUnit,
              certificate: p.certificate,
              createdAt: p.createdAt,
              updatedAt: p.updatedAt,
              version: p.version,
            })),
          }
        : {}),
      ...(record.notes ? { notes: record.notes } : {}),
    };
  });

  handle(app, contract.writePatientNote, async (request, reply) => {
    const access = await requirePatientAccess(app, request, request.params.id, "notes");
    const now = app.mitra.now();
    // The note and its audit entry commit together.
    const { created, record } = await withAuditEntry(
      app.mitra.db,
      (trx) =>
        insertClinicalNote(trx, {
          id: request.body.id,
          patientId: access.patient.id,
          authorId: access.clinician.id,
          body: request.body.body,
          now,
        }),
      (inserted) =>
        inserted.created
          ? {
              actorId: access.clinician.id,
              subjectId: access.patient.id,
              action: "create",
              entity: "clinical_note",
              entityId: inserted.record.id,
              address: request.ip,
              at: now,
            }
          : null,
    );
    if (record.patientId !== access.patient.id || record.authorId !== access.clinician.id) {
      throw new ApiError(409, "id_conflict", "This id is already used by another record", {
        fields: [{ field: "body.id", message: "already used: generate a new uuid" }],
      });
    }
    reply.status(created ? 201 : 200);
    return {
      note: {
        id: record.id,
        authorId: record.authorId,
        authorName: record.authorName,
        body: record.body,
        createdAt: record.createdAt,
      },
    };
  });

  handle(app, contract.recordPatientAssessment, async (request, reply) => {
    const access = await requirePatientAccess(app, request, request.params.id, "assessments");
    const { status, response } = await recordAssessment(app, {
      subjectUserId: access.patient.id,
      recordedBy: { id: access.clinician.id, role: access.clinician.role },
      body: request.body,
      address: request.ip,
    });
    reply.status(status);
    return response;
  });

  handle(app, contract.acknowledgeCheckIn, async (request, reply) => {
    const access = await requirePatientAccess(app, request, request.params.id, "assessments");
    const checkIn = await findAssessment(app.mitra.db, request.params.assessmentId);
    if (!checkIn || checkIn.userId !== access.patient.id) throw notFound("That check-in");
    const now = app.mitra.now();
    const { created, acknowledgedAt } = await withAuditEntry(
      app.mitra.db,
      (trx) => acknowledgeCheckIn(trx, checkIn.id, access.clinician.id, now),
      (result) =>
        result.created
          ? {
              actorId: access.clinician.id,
              subjectId: access.patient.id,
              action: "create",
              entity: "check_in_acknowledgement",
              entityId: checkIn.id,
              address: request.ip,
              at: now,
              details: { linkId: access.link.id },
            }
          : null,
    );
    reply.status(created ? 201 : 200);
    return {
      acknowledgement: {
        assessmentId: checkIn.id,
        clinicianId: access.clinician.id,
        clinicianName: access.clinician.displayName,
        acknowledgedAt,
      },
    };
  });

  await clinicianPlanRoutes(app);
}
