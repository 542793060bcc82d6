import { z } from "zod";
import { queryAudit } from "../../db/audit-views.ts";
import { requireRole, requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { isoInstant } from "../../api/instant.ts";

/** Most entries one page returns. */
const MAX_LIMIT = 500;

const ownQuery = z
  .object({
    before: isoInstant.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(200),
  })
  .strict();

const adminQuery = ownQuery
  .extend({
    subjectId: z.uuid({ message: "a user id" }).optional(),
    actorId: z.uuid({ message: "a user id" }).optional(),
    /** With `before`: the last entry shown, so entries at that same instant are not skipped. */
    beforeId: z.uuid({ message: "an audit entry id" }).optional(),
  })
  .strict();

const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  subjectEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  address: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

const auditResponse = z.object({ entries: z.array(auditEntry) });

/**
 * Reading the audit log: a person sees every entry about their data (reads by others and every
 * change) with its details, an administrator sees all entries without their details (who, what
 * kind, when; never clinical content). There is no route that edits or deletes an entry.
 */
export async function auditRoutes(app: App): Promise<void> {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Who read or changed one's data, when and from where; newest first",
        querystring: ownQuery,
        response: { 200: auditResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query;
      return {
        entries: await queryAudit(app.mitra.db, {
          subjectId: user.id,
          limit: q.limit,
          ...(q.before ? { before: new Date(q.before) } : {}),
        }),
      };
    },
  );

  app.get(
    "/api/admin/audit",
    {
      schema: {
        tags: ["audit", "admin"],
        summary: "The whole audit log for administrators, optionally by subject or actor",
        querystring: adminQuery,
        response: { 200: auditResponse },
      },
    },
    async (request) => {
      requireRole(request, "admin");
      const q = request.query;
      return {
        entries: await queryAudit(app.mitra.db, {
          limit: q.limit,
          withoutDetails: true,
          ...(q.before ? { before: new Date(q.before) } : {}),
          ...(q.before && q.beforeId ? { beforeId: q.beforeId } : {}),
          ...(q.subjectId ? { subjectId: q.subjectId } : {}),
          ...(q.actorId ? { actorId: q.actorId } : {}),
        }),
      };
    },
  );
}
