import { contract } from "../../api/contract.ts";
import { appendAudit, withAuditEntry } from "../../db/audit.ts";
import {
  deleteSessionsOfUser,
  insertResetCode,
  setPasswordHash,
  useResetCode,
} from "../../db/credentials.ts";
import { clearLoginFailures } from "../../db/login-failures.ts";
import { findUserByEmail, findUserById } from "../../db/users.ts";
import {
  hashInvitationCode,
  newInvitationCode,
  normalizeInvitationCode,
} from "../care-team/invitation-code.ts";
import type { App } from "../context.ts";
import { ApiError, invalidInput, notFound } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { reserveAttempt, reserveLoginAttempt, throttleKeys } from "./login-throttle.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { endSession, requireUser } from "./session.ts";

/** How long a code sent by e-mail works. */
const EMAILED_CODE_TTL_MS = 3_600_000;

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

  handle(app, contract.forgotPassword, async (request, reply) => {
    const { mailer } = app.mitra.notifier;
    if (!mailer) {
      throw new ApiError(
        409,
        "email_not_configured",
        "This Mitra does not send e-mail. Ask the administrator for a reset code.",
      );
    }
    const { config } = app.mitra;
    const keys = throttleKeys(request.body.email, request.ip);
    await reserveAttempt(
      app,
      [
        { key: `forgot-${keys.account}`, limit: config.loginFailuresPerAccount },
        { key: `forgot-${keys.address}`, limit: config.loginFailuresPerAddress },
      ],
      "reset e-mails asked for",
    );
    const user = await findUserByEmail(app.mitra.db, request.body.email);
    if (user && user.disabled_at === null) {
      const code = newInvitationCode();
      const canonical = normalizeInvitationCode(code);
      if (!canonical) throw new Error("a new code is always canonical");
      const now = app.mitra.now();
      const expiresAt = new Date(now.getTime() + EMAILED_CODE_TTL_MS);
      await withAuditEntry(
        app.mitra.db,
        (trx) =>
          insertResetCode(trx, {
            userId: user.id,
            codeHash: hashInvitationCode(canonical),
            createdBy: user.id,
            now,
            expiresAt,
          }),
        () => ({
          actorId: null,
          subjectId: user.id,
          action: "reset_code_emailed",
          entity: "user",
          entityId: user.id,
          address: request.ip,
          at: now,
        }),
      );
      // Sent directly, not through the outbox: the code is kept only as a hash. Not awaited, so
      // an address with an account is answered as fast as one without.
      const text =
        `Your Mitra password reset code is ${code}. It works once, for one hour: enter it ` +
        "with your e-mail address and a new password on Mitra's sign-in page.\n\n" +
        "If you did not ask for it, ignore this message: your password stays as it is.\n";
      const html = text
        .split("\n\n")
        .map((p) => `<p>${p.trim()}</p>`)
        .join("");
      void mailer
        .send(user.email, "Mitra: your password reset code", { text, html })
        .catch((error) => request.log.error({ err: error }, "reset e-mail not sent"));
    }
    return reply.status(202).send();
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
