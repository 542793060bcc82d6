import { contract } from "../../api/contract.ts";
import { checkpointAfterDeletion, deleteAccount } from "../../db/account-deletion.ts";
import { withAuditEntry } from "../../db/audit.ts";
import { findUserById } from "../../db/users.ts";
import { reserveLoginAttempt } from "../auth/login-throttle.ts";
import { verifyPassword } from "../auth/passwords.ts";
import { endSession, requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";

/**
 * Deleting one's account: with the password entered again, removes the account and every record
 * in it (see db/account-deletion.ts), which ends every clinician's access, signs out everywhere,
 * and leaves one anonymous audit entry that an account was deleted.
 */
export async function accountDeletionRoutes(app: App): Promise<void> {
  handle(app, contract.deleteAccount, async (request, reply) => {
    const user = requireUser(request);
    const attempt = await reserveLoginAttempt(app, user.email, request.ip);
    const row = await findUserById(app.mitra.db, user.id);
    if (!row) throw notFound("Your account");
    if (!(await verifyPassword(request.body.password, row.password_hash))) {
      throw new ApiError(403, "wrong_password", "That password is not right", {
        fields: [{ field: "body.password", message: "not your password" }],
      });
    }
    // The deletion and its (anonymous) audit entry commit together.
    const deleted = await withAuditEntry(
      app.mitra.db,
      async (trx) => {
        await attempt.succeeded(trx);
        return deleteAccount(trx, user.id);
      },
      (gone) =>
        gone
          ? {
              actorId: null,
              subjectId: null,
              action: "delete",
              entity: "account",
              at: app.mitra.now(),
              details: { role: gone.role, careLinksEnded: gone.linksEnded },
            }
          : null,
    );
    if (!deleted) throw notFound("Your account");
    await checkpointAfterDeletion(app.mitra.db);
    request.user = null;
    await endSession(app, request, reply);
    return reply.status(204).send();
  });
}
