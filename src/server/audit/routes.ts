import { contract } from "../../api/contract.ts";
import { queryAudit } from "../../db/audit-views.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { handle } from "../http/handle.ts";

/**
 * Reading the audit log: a person sees every entry about their data (reads by others and every
 * change) with its details, an administrator sees all entries without their details (who, what
 * kind, when; never clinical content). There is no route that edits or deletes an entry.
 */
export async function auditRoutes(app: App): Promise<void> {
  handle(app, contract.listOwnAudit, async (request) => {
    const user = requireUser(request);
    const q = request.query;
    return {
      entries: await queryAudit(app.mitra.db, {
        subjectId: user.id,
        limit: q.limit,
        ...(q.before ? { before: new Date(q.before) } : {}),
      }),
    };
  });

  handle(app, contract.listAudit, async (request) => {
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
  });
}
