import { z } from "zod";
import { route } from "./define.ts";
import { isoInstant } from "./instant.ts";

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
export type AuditEntry = z.infer<typeof auditEntry>;

const auditResponse = z.object({ entries: z.array(auditEntry) });

/**
 * Reading the audit log: a person sees every entry about their data (reads by others and every
 * change), an administrator sees all. There is no route that edits or deletes an entry.
 */
export const auditRoutes = {
  listOwnAudit: route({
    method: "GET",
    path: "/api/audit",
    tag: "audit",
    summary: "Who read or changed one's data, when and from where; newest first",
    access: "signedIn",
    query: ownQuery,
    responses: { 200: auditResponse },
  }),
  listAudit: route({
    method: "GET",
    path: "/api/admin/audit",
    tag: "audit",
    summary: "The whole audit log for administrators, optionally by subject or actor",
    access: ["admin"],
    query: adminQuery,
    responses: { 200: auditResponse },
  }),
};
