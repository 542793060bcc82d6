import type { LinkView } from "../../api/care-team-schemas.ts";
import { contract } from "../../api/contract.ts";
import { isVerified } from "../../core/accounts/clinician-approval.ts";
import { withAuditEntry } from "../../db/audit.ts";
import {
  type CareLinkWithPerson,
  cancelInvitation,
  insertInvitation,
  listLinksOfPatient,
  listPendingInvitations,
  redeemInvitation,
  revokeLink,
} from "../../db/care-team.ts";
import { listClinicalNotes } from "../../db/clinical-notes.ts";
import { findUserById } from "../../db/users.ts";
import { requireRole } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError, invalidInput, notFound } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import type { NotifyEvent } from "../notifications/notifier.ts";
import {
  hashInvitationCode,
  INVITATION_TTL_HOURS,
  newInvitationCode,
  normalizeInvitationCode,
} from "./invitation-code.ts";
import { reserveJoinAttempt } from "./join-throttle.ts";

export function toLinkView(link: CareLinkWithPerson): LinkView {
  return {
    id: link.id,
    scopes: link.scopes,
    maySetPlans: link.maySetPlans,
    createdAt: link.createdAt,
    revokedAt: link.revokedAt,
    person: {
      id: link.person.id,
      email: link.person.email,
      displayName: link.person.displayName,
    },
  };
}

/** Consent: the person invites, a clinician joins with the code, the person sees and revokes. */
export async function consentRoutes(app: App): Promise<void> {
  handle(app, contract.createInvitation, async (request, reply) => {
    const patient = requireRole(request, "patient");
    const now = app.mitra.now();
    const code = newInvitationCode();
    const canonical = normalizeInvitationCode(code);
    if (!canonical) throw new Error("generated an invalid invitation code");
    // The invitation and its audit entry commit together.
    const invitation = await withAuditEntry(
      app.mitra.db,
      (trx) =>
        insertInvitation(trx, {
          codeHash: hashInvitationCode(canonical),
          patientId: patient.id,
          scopes: request.body.scopes,
          maySetPlans: request.body.maySetPlans,
          now,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3_600_000),
        }),
      (stored) => ({
        actorId: patient.id,
        subjectId: patient.id,
        action: "create",
        entity: "invitation",
        entityId: stored.id,
        address: request.ip,
        at: now,
        details: { scopes: stored.scopes, maySetPlans: stored.maySetPlans },
      }),
    );
    reply.status(201);
    return {
      id: invitation.id,
      code,
      expiresAt: invitation.expiresAt,
      scopes: invitation.scopes,
      maySetPlans: invitation.maySetPlans,
    };
  });

  handle(app, contract.listInvitations, async (request) => {
    const patient = requireRole(request, "patient");
    const pending = await listPendingInvitations(app.mitra.db, patient.id, app.mitra.now());
    return {
      invitations: pending.map((i) => ({
        id: i.id,
        scopes: i.scopes,
        maySetPlans: i.maySetPlans,
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
      })),
    };
  });

  handle(app, contract.withdrawInvitation, async (request, reply) => {
    const patient = requireRole(request, "patient");
    const now = app.mitra.now();
    // The withdrawal and its audit entry commit together.
    const cancelled = await withAuditEntry(
      app.mitra.db,
      (trx) => cancelInvitation(trx, patient.id, request.params.id, now),
      (done) =>
        done
          ? {
              actorId: patient.id,
              subjectId: patient.id,
              action: "delete",
              entity: "invitation",
              entityId: request.params.id,
              address: request.ip,
              at: now,
            }
          : null,
    );
    if (!cancelled) throw notFound("That pending invitation");
    return reply.status(204).send();
  });

  handle(app, contract.joinCareTeam, async (request, reply) => {
    const clinician = requireRole(request, "clinician");
    const canonical = normalizeInvitationCode(request.body.code);
    if (!canonical) {
      throw invalidInput([
        { field: "body.code", message: "a code has 8 letters and digits, like 7KQM-3XVD" },
      ]);
    }
    const attempt = await reserveJoinAttempt(app, clinician.id, request.ip);
    const now = app.mitra.now();
    // A new link and its audit entry commit together.
    const redemption = await withAuditEntry(
      app.mitra.db,
      async (trx) => {
        const redeemed = await redeemInvitation(
          trx,
          hashInvitationCode(canonical),
          clinician.id,
          now,
        );
        if (redeemed.outcome === "joined") {
          const { patientId } = redeemed.link;
          const event: NotifyEvent = {
            kind: "care_link_joined",
            subjectId: patientId,
            otherId: clinician.id,
          };
          await app.mitra.notifier.record(trx, event, now);
        }
        return redeemed;
      },
      (redeemed) =>
        redeemed.outcome === "joined"
          ? {
              actorId: clinician.id,
              subjectId: redeemed.link.patientId,
              action: "create",
              entity: "care_link",
              entityId: redeemed.link.id,
              address: request.ip,
              at: now,
              details: { scopes: redeemed.link.scopes, maySetPlans: redeemed.link.maySetPlans },
            }
          : null,
    );
    // A code sent again answers with its link only while that link is live: once the patient
    // revoked it (or the clinician joined again), the clinician learns nothing more from it.
    if (redemption.outcome === "invalid" || redemption.link.revokedAt !== null) {
      throw new ApiError(
        404,
        "invitation_not_found",
        "This code is unknown, expired or already used. Ask the patient for a new one.",
        { fields: [{ field: "body.code", message: "unknown, expired or already used" }] },
      );
    }
    await attempt.succeeded();
    const link = redemption.link;
    const patient = await findUserById(app.mitra.db, link.patientId);
    if (!patient) throw notFound("That patient");
    reply.status(redemption.outcome === "joined" ? 201 : 200);
    return {
      link: toLinkView({
        ...link,
        person: {
          id: patient.id,
          email: patient.email,
          displayName: patient.display_name,
          timeZone: patient.time_zone,
        },
      }),
    };
  });

  handle(app, contract.listCareLinks, async (request) => {
    const patient = requireRole(request, "patient");
    const links = await listLinksOfPatient(app.mitra.db, patient.id, {
      includeRevoked: request.query.include === "all",
    });
    return {
      links: links.map((link) => ({
        ...toLinkView(link),
        clinician: {
          licence: link.clinician.licence,
          verified: isVerified(link.clinician.approval),
        },
      })),
    };
  });

  handle(app, contract.revokeCareLink, async (request, reply) => {
    const patient = requireRole(request, "patient");
    const now = app.mitra.now();
    // The revocation and its audit entry commit together.
    const result = await withAuditEntry(
      app.mitra.db,
      async (trx) => {
        const revoked = await revokeLink(trx, patient.id, request.params.id, now);
        if (revoked?.revoked) {
          const { clinicianId } = revoked.link;
          const event: NotifyEvent = {
            kind: "care_link_revoked",
            subjectId: patient.id,
            otherId: clinicianId,
          };
          await app.mitra.notifier.record(trx, event, now);
        }
        return revoked;
      },
      (revoked) =>
        revoked?.revoked
          ? {
              actorId: patient.id,
              subjectId: patient.id,
              action: "delete",
              entity: "care_link",
              entityId: revoked.link.id,
              address: request.ip,
              at: now,
              details: { clinicianId: revoked.link.clinicianId },
            }
          : null,
    );
    if (!result) throw notFound("That link");
    return reply.status(204).send();
  });

  handle(app, contract.listOwnNotes, async (request) => {
    const patient = requireRole(request, "patient");
    return { notes: await listClinicalNotes(app.mitra.db, patient.id, { limit: 500 }) };
  });
}
