import { contract } from "../../api/contract.ts";
import { appendAuditBatch } from "../../db/audit-batch.ts";
import { countPendingClinicians, listPendingClinicians } from "../../db/clinician-approval.ts";
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
    await auditListing(app, admin.id, page.users, request.ip, "admin user list");
    return { ...page, limit: q.limit, offset: q.offset };
  });

  handle(app, contract.listPendingClinicians, async (request) => {
    const admin = requireRole(request, "admin");
    const rows = await listPendingClinicians(app.mitra.db);
    await auditListing(app, admin.id, rows, request.ip, "pending clinicians");
    return {
      clinicians: rows.map((r) => ({
        id: r.id,
        email: r.email,
        displayName: r.display_name,
        licence: r.licence,
        createdAt: r.created_at,
      })),
    };
  });

  handle(app, contract.getAdminOverview, async () => {
    const counts = await countUsersByRole(app.mitra.db);
    return {
      version: app.mitra.version,
      database: { engine: app.mitra.engine },
      users: { ...counts, total: counts.patient + counts.clinician + counts.admin },
      clinicianApproval: {
        setting: app.mitra.config.clinicianApproval,
        pending: await countPendingClinicians(app.mitra.db),
      },
      knowledge: { files: [...loadedKnowledgeBase().versions] },
      backup: backupAdvice(app.mitra.engine),
    };
  });

  await app.register(accountControlRoutes);
}

/** Each listed person can see in their own audit trail that an administrator read it. */
async function auditListing(
  app: App,
  adminId: string,
  people: readonly { id: string }[],
  address: string,
  via: string,
): Promise<void> {
  const now = app.mitra.now();
  await appendAuditBatch(
    app.mitra.db,
    people.map((person) => ({
      actorId: adminId,
      subjectId: person.id,
      action: "read",
      entity: "user",
      entityId: person.id,
      address,
      at: now,
      details: { via },
    })),
  );
}
