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
import type { NotifyEvent } from "../notifications/notifier.ts";
import {
  hashInvitationCode,
  INVITATION_TTL_HOURS,
  newInvitationCode,
  normalizeInvitationCode,
} from "./invitation-code.ts";
import { reserveJoinAttempt } from "./join-throttle.ts";
import {
  idParams,
  invitationBody,
  invitationCreated,
  joinBody,
  joinResponse,
  type LinkView,
  linksQuery,
  linksResponse,
  notesResponse,
  pendingInvitations,
} from "./schemas.ts";

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
  app.post(
    "/api/care/invitations",
    {
      schema: {
        tags: ["care team"],
        summary: "Create a single-use invitation code (24 h) with what the clinician may see",
        body: invitationBody,
        response: { 201: invitationCreated },
      },
    },
    async (request, reply) => {
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
    },
  );

  app.get(
    "/api/care/invitations",
    {
      schema: {
        tags: ["care team"],
        summary: "The person's unused, unexpired invitations (codes are never shown again)",
        response: { 200: pendingInvitations },
      },
    },
    async (request) => {
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
    },
  );

  app.delete(
    "/api/care/invitations/:id",
    {
      schema: {
        tags: ["care team"],
        summary: "Withdraw an unused invitation",
        params: idParams,
      },
    },
    async (request, reply) => {
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
    },
  );

  app.post(
    "/api/care/join",
    {
      schema: {
        tags: ["care team"],
        summary: "A clinician joins a patient's care team with the code the patient gave",
        body: joinBody,
        response: { 200: joinResponse, 201: joinResponse },
      },
    },
    async (request, reply) => {
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
    },
  );

  app.get(
    "/api/care/links",
    {
      schema: {
        tags: ["care team"],
        summary: "Who has access to the person's data (include=all adds revoked links)",
        querystring: linksQuery,
        response: { 200: linksResponse },
      },
    },
    async (request) => {
      const patient = requireRole(request, "patient");
      const links = await listLinksOfPatient(app.mitra.db, patient.id, {
        includeRevoked: request.query.include === "all",
      });
      return { links: links.map(toLinkView) };
    },
  );

  app.delete(
    "/api/care/links/:id",
    {
      schema: {
        tags: ["care team"],
        summary: "Revoke a clinician's access, effective on their next request",
        params: idParams,
      },
    },
    async (request, reply) => {
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
    },
  );

  app.get(
    "/api/care/notes",
    {
      schema: {
        tags: ["care team"],
        summary: "Notes the person's clinicians wrote on their record",
        response: { 200: notesResponse },
      },
    },
    async (request) => {
      const patient = requireRole(request, "patient");
      return { notes: await listClinicalNotes(app.mitra.db, patient.id, { limit: 500 }) };
    },
  );
}
