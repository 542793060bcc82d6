import type { FastifyRequest } from "fastify";
import {
  AWAITING_APPROVAL_MESSAGE,
  mayWorkWithPatients,
} from "../../core/accounts/clinician-approval.ts";
import { clinicianMayChangePlans, clinicianMayReadPlans } from "../../core/plan/index.ts";
import { appendAudit } from "../../db/audit.ts";
import { type CareLinkRecord, findLiveLink } from "../../db/care-team.ts";
import type { CareScope } from "../../db/tables/care-team.ts";
import { findUserById } from "../../db/users.ts";
import { requireRole } from "../auth/session.ts";
import type { App, SessionUser } from "../context.ts";
import { ApiError, notFound } from "../http/api-error.ts";

/**
 * What a route needs of the link: a scope; `plans` to read plans (the doses scope, or the
 * permission to set plans); `set-plans` to change them; `any` for a live link alone.
 */
export type CareNeed = CareScope | "plans" | "set-plans" | "any";

/** The person a clinician works with, as much as the clinician may know. */
export interface CarePatient {
  id: string;
  email: string;
  displayName: string | null;
  timeZone: string;
}

export interface CareAccess {
  clinician: SessionUser;
  patient: CarePatient;
  link: CareLinkRecord;
}

export interface AuditedRead {
  /** What was read, e.g. `timeline`, `export.pdf`. */
  entity: string;
  details?: Record<string, unknown>;
}

export function hasNeed(link: CareLinkRecord, need: CareNeed): boolean {
  if (need === "any") return true;
  const consent = { maySetPlans: link.maySetPlans, sharesDoses: link.scopes.includes("doses") };
  if (need === "set-plans") return clinicianMayChangePlans(consent);
  if (need === "plans") return clinicianMayReadPlans(consent);
  return link.scopes.includes(need);
}

/**
 * The signed-in clinician, or 403 `clinician_unverified` while their account waits for an
 * administrator's approval: they may join with a code but see no patient's records until then.
 */
export function requireApprovedClinician(request: FastifyRequest): SessionUser {
  const clinician = requireRole(request, "clinician");
  if (!mayWorkWithPatients(clinician.approval)) {
    throw new ApiError(403, "clinician_unverified", AWAITING_APPROVAL_MESSAGE);
  }
  return clinician;
}

/**
 * The one gate of every clinician route about a person. The caller must be a signed-in clinician
 * (401 / 403) whom an administrator approved if approval was asked (403 `clinician_unverified`); the person must have a live link to that clinician, or the answer is 404 exactly as
 * for an id that does not exist, so a clinician learns nothing about people who did not consent
 * or who revoked; the link must grant `need` (403 `scope_not_granted`, since the person did
 * consent and the clinician may know that). Reads the link afresh on every request, so a
 * revocation takes effect on the very next one. When `read` is given, records the read in the
 * person's audit log (who, what, when, from where); writes are audited by the code that writes.
 */
export async function requirePatientAccess(
  app: App,
  request: FastifyRequest,
  patientId: string,
  need: CareNeed,
  read?: AuditedRead,
): Promise<CareAccess> {
  const clinician = requireApprovedClinician(request);
  const link = await findLiveLink(app.mitra.db, clinician.id, patientId);
  if (!link) throw notFound("That patient");
  const user = await findUserById(app.mitra.db, patientId);
  if (!user) throw notFound("That patient");
  if (!hasNeed(link, need)) {
    throw new ApiError(
      403,
      "scope_not_granted",
      need === "set-plans"
        ? "This patient has not allowed you to set plans"
        : need === "plans"
          ? "This patient has not shared their doses or plans with you"
          : `This patient has not shared their ${need} with you`,
      { needed: need, granted: link.scopes, maySetPlans: link.maySetPlans },
    );
  }
  if (read) {
    await appendAudit(app.mitra.db, {
      actorId: clinician.id,
      subjectId: patientId,
      action: "read",
      entity: read.entity,
      address: request.ip,
      at: app.mitra.now(),
      details: { linkId: link.id, ...read.details },
    });
  }
  return {
    clinician,
    patient: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      timeZone: user.time_zone,
    },
    link,
  };
}
