import { contract } from "../../api/contract.ts";
import { appendAudit, withAuditEntry } from "../../db/audit.ts";
import { deleteSessionsOfUser, setPasswordHash, useResetCode } from "../../db/credentials.ts";
import { clearLoginFailures } from "../../db/login-failures.ts";
import { findUserByEmail, findUserById } from "../../db/users.ts";
import { hashInvitationCode, normalizeInvitationCode } from "../care-team/invitation-code.ts";
import type { App } from "../context.ts";
import { ApiError, invalidInput, notFound } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { reserveAttempt, reserveLoginAttempt, throttleKeys } from "./login-throttle.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { endSession, requireUser } from "./session.ts";

/**
 * One's own sign-in: change the password (the current one required; every other session ends),
 * sign out everywhere, and set a new password with a one-time code an administrator issued
 * (admin/account-routes.ts). Each is audited.
 */
export async function credentialRoutes(app: App): Promise<void> {
  handle(app, contract.changePassword, async (request) => {
    const user = requireUser(request);
    const body = request.body;
    const problem = passwordProblem(body.newPassword, user.email);
    if (problem) throw invalidInput([{ field: "body.newPassword", message: problem }]);
    // Guessing the current password from a stolen session is throttled like signing in.
    const attempt = await reserveLoginAttempt(app, user.email, request.ip);
    const row = await findUserById(app.mitra.db, user.id);
    if (!row) throw notFound("Your account");
    if (!(await verifyPassword(body.currentPassword, row.password_hash))) {
      throw new ApiError(403, "wrong_password", "That is not your current password", {
        fields: [{ field: "body.currentPassword", message: "not your current password" }],
      });
    }
    const passwordHash = await hashPassword(body.newPassword);
    const now = app.mitra.now();
    const ended = await withAuditEntry(
      app.mitra.db,
      async (trx) => {
        await attempt.succeeded(trx);
        await setPasswordHash(trx, user.id, passwordHash, now);
        return deleteSessionsOfUser(trx, user.id, user.sessionId);
      },
      (count) => ({
        actorId: user.id,
        subjectId: user.id,
        action: "password_change",
        entity: "user",
        entityId: user.id,
        address: request.ip,
        at: now,
        details: { sessionsEnded: count },
      }),
    );
    return { sessionsEnded: ended };
  });

  handle(app, contract.logoutEverywhere, async (request, reply) => {
    const user = requireUser(request);
    const now = app.mitra.now();
    const ended = await withAuditEntry(
      app.mitra.db,
      (trx) => deleteSessionsOfUser(trx, user.id),
      (count) => ({
        actorId: user.id,
        subjectId: user.id,
        action: "logout_everywhere",
        entity: "session",
        address: request.ip,
        at: now,
        details: { sessionsEnded: count },
      }),
    );
    await endSession(app, request, reply);
    return { sessionsEnded: ended };
  });

  handle(app, contract.resetPassword, async (request) => {
    const body = request.body;
    const problem = passwordProblem(body.newPassword, body.email);
    if (problem) throw invalidInput([{ field: "body.newPassword", message: problem }]);
    const { config } = app.mitra;
    const keys = throttleKeys(body.email, request.ip);
    const attempt = await reserveAttempt(
      app,
      [
        { key: `reset-${keys.account}`, limit: config.loginFailuresPerAccount },
        { key: `reset-${keys.address}`, limit: config.loginFailuresPerAddress },
      ],
      "wrong reset codes",
    );
    const wrong = () =>
      new ApiError(
        400,
        "invalid_reset_code",
        "This code is wrong, expired or already used. Ask the administrator for a new one.",
        { fields: [{ field: "body.code", message: "wrong, expired or already used" }] },
      );
    const canonical = normalizeInvitationCode(body.code);
    const user = await findUserByEmail(app.mitra.db, body.email);
    // Hashed before the transaction (scrypt is slow and SQLite has one connection); also for an
    // unknown address, so the answer takes as long.
    const passwordHash = await hashPassword(body.newPassword);
    if (!canonical || !user) throw wrong();
    const now = app.mitra.now();
    const ended = await app.mitra.db.transaction().execute(async (trx) => {
      if (!(await useResetCode(trx, user.id, hashInvitationCode(canonical), now))) return null;
      await attempt.succeeded(trx);
      await setPasswordHash(trx, user.id, passwordHash, now);
      await clearLoginFailures(trx, keys.account);
      const count = await deleteSessionsOfUser(trx, user.id);
      await appendAudit(trx, {
        actorId: user.id,
        subjectId: user.id,
        action: "password_reset",
        entity: "user",
        entityId: user.id,
        address: request.ip,
        at: now,
        details: { sessionsEnded: count },
      });
      return count;
    });
    if (ended === null) throw wrong();
    return { sessionsEnded: ended };
  });
}
