import { contract } from "../../api/contract.ts";
import { appendAuditBatch } from "../../db/audit-batch.ts";
import { countUsersByRole, listDirectoryUsers } from "../../db/user-directory.ts";
import { requireRole } from "../auth/session.ts";
import type { App } from "../context.ts";
import { handle } from "../http/handle.ts";
import { loadedKnowledgeBase } from "../knowledge/knowledge-base.ts";
import { accountControlRoutes } from "./account-routes.ts";
import { backupAdvice } from "./backup-advice.ts";

/**
 * The administrator's pages: the accounts, and an overview of the installation (counts by role,
 * engine, version, knowledge files, how to back up). The audit log is in ../audit/routes.ts.
 * Administrators only (the contract's access, checked before the query is validated).
 */
export async function adminRoutes(app: App): Promise<void> {
  handle(app, contract.listUsers, async (request) => {
    const admin = requireRole(request, "admin");
    const q = request.query;
    const page = await listDirectoryUsers(app.mitra.db, {
      limit: q.limit,
      offset: q.offset,
      ...(q.role ? { role: q.role } : {}),
      ...(q.email ? { email: q.email } : {}),
    });
    // Each listed person can see in their own audit trail that an administrator read it.
    const now = app.mitra.now();
    await appendAuditBatch(
      app.mitra.db,
      page.users.map((user) => ({
        actorId: admin.id,
        subjectId: user.id,
        action: "read",
        entity: "user",
        entityId: user.id,
        address: request.ip,
        at: now,
        details: { via: "admin user list" },
      })),
    );
    return { ...page, limit: q.limit, offset: q.offset };
  });

  handle(app, contract.getAdminOverview, async () => {
    const counts = await countUsersByRole(app.mitra.db);
    return {
      version: app.mitra.version,
      database: { engine: app.mitra.engine },
      users: { ...counts, total: counts.patient + counts.clinician + counts.admin },
      knowledge: { files: [...loadedKnowledgeBase().versions] },
      backup: backupAdvice(app.mitra.engine),
    };
  });

  await app.register(accountControlRoutes);
}
