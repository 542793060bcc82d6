import { contract } from "../../api/contract.ts";
import { withAuditEntry } from "../../db/audit.ts";
import { setClinicianApproval } from "../../db/clinician-approval.ts";
import {
  deleteSessionsOfUser,
  insertResetCode,
  setAccountDisabled,
  setRole,
} from "../../db/credentials.ts";
import { findUserById } from "../../db/users.ts";
import { requireRole } from "../auth/session.ts";
import {
  hashInvitationCode,
  newInvitationCode,
  normalizeInvitationCode,
} from "../care-team/invitation-code.ts";
import type { App } from "../context.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";

/** An account as the administrator's changes answer it. */
async function accountView(app: App, id: string) {
  const updated = await findUserById(app.mitra.db, id);
  if (!updated) throw notFound("That account");
  return {
    id: updated.id,
    email: updated.email,
    role: updated.role,
    disabled: updated.disabled_at !== null,
    approval: updated.approval,
  };
}

/** How long a reset code works. */
export const RESET_CODE_TTL_HOURS = 24;

/**
 * An administrator's control of accounts: disable and re-enable (disabling ends every session),
 * change the role, and issue a one-time password reset code. Each is audited on the person's
 * trail. An administrator cannot disable or demote themselves (the installation would lose its
 * last way in).
 */
export async function accountControlRoutes(app: App): Promise<void> {
  handle(app, contract.updateUser, async (request) => {
    const admin = requireRole(request, "admin");
    const { id } = request.params;
    const body = request.body;
    if (id === admin.id) {
      throw new ApiError(409, "own_account", "Administrators cannot disable or demote themselves", {
        fields: [{ field: "params.id", message: "your own account" }],
      });
    }
    const user = await findUserById(app.mitra.db, id);
    if (!user) throw notFound("That account");
    const now = app.mitra.now();
    await withAuditEntry(
      app.mitra.db,
      async (trx) => {
        if (body.disabled !== undefined) {
          await setAccountDisabled(trx, id, body.disabled, now);
          if (body.disabled) await deleteSessionsOfUser(trx, id);
        }
        if (body.role !== undefined) await setRole(trx, id, body.role, now);
        // An administrator who makes someone a clinician approves them by doing so.
        if (body.role === "clinician" && user.role !== "clinician") {
          await setClinicianApproval(trx, id, "approved", now);
        }
      },
      () => ({
        actorId: admin.id,
        subjectId: id,
        action: "account_change",
        entity: "user",
        entityId: id,
        address: request.ip,
        at: now,
        details: {
          ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
          ...(body.role !== undefined ? { role: { from: user.role, to: body.role } } : {}),
        },
      }),
    );
    return { user: await accountView(app, id) };
  });

  handle(app, contract.decideClinician, async (request) => {
    const admin = requireRole(request, "admin");
    const { id } = request.params;
    const { decision } = request.body;
    const user = await findUserById(app.mitra.db, id);
    if (!user) throw notFound("That account");
    if (user.role !== "clinician") {
      throw new ApiError(409, "not_a_clinician", "Only clinician accounts are approved", {
        fields: [{ field: "params.id", message: `a ${user.role} account` }],
      });
    }
    const now = app.mitra.now();
    await withAuditEntry(
      app.mitra.db,
      async (trx) => {
        if (decision === "approve") {
          await setClinicianApproval(trx, id, "approved", now);
        } else {
          await setAccountDisabled(trx, id, true, now);
          await deleteSessionsOfUser(trx, id);
        }
      },
      () => ({
        actorId: admin.id,
        subjectId: id,
        action: decision === "approve" ? "clinician_approved" : "clinician_refused",
        entity: "user",
        entityId: id,
        address: request.ip,
        at: now,
        details: { licence: user.licence, from: user.approval },
      }),
    );
    return { user: await accountView(app, id) };
  });

  handle(app, contract.issueResetCode, async (request, reply) => {
    const admin = requireRole(request, "admin");
    const { id } = request.params;
    const user = await findUserById(app.mitra.db, id);
    if (!user) throw notFound("That account");
    const code = newInvitationCode();
    const canonical = normalizeInvitationCode(code);
    if (!canonical) throw new Error("a new code is always canonical");
    const now = app.mitra.now();
    const expiresAt = new Date(now.getTime() + RESET_CODE_TTL_HOURS * 3_600_000);
    await withAuditEntry(
      app.mitra.db,
      (trx) =>
        insertResetCode(trx, {
          userId: id,
          codeHash: hashInvitationCode(canonical),
          createdBy: admin.id,
          now,
          expiresAt,
        }),
      () => ({
        actorId: admin.id,
        subjectId: id,
        action: "reset_code_issued",
        entity: "user",
        entityId: id,
        address: request.ip,
        at: now,
        details: { expiresAt: expiresAt.toISOString() },
      }),
    );
    reply.status(201);
    return { code, expiresAt: expiresAt.toISOString() };
  });
}
