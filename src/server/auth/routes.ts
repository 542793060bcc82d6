import { randomUUID } from "node:crypto";
import { contract } from "../../api/contract.ts";
import { approvalAtSignUp } from "../../core/accounts/clinician-approval.ts";
import { appendAudit } from "../../db/audit.ts";
import { clearLoginFailures } from "../../db/login-failures.ts";
import { inTransaction } from "../../db/transaction.ts";
import {
  countAccounts,
  findUserByEmail,
  findUserById,
  insertUser,
  type UserRow,
  updateUserProfile,
} from "../../db/users.ts";
import type { App, SessionUser } from "../context.ts";
import { ApiError, invalidInput } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { onceId } from "../notifications/once-id.ts";
import { deviceKeyOf } from "./device-key.ts";
import { reserveAttempt, reserveLoginAttempt, throttleKeys } from "./login-throttle.ts";
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { endSession, requireUser, startSession } from "./session.ts";

const toPublic = (u: Omit<SessionUser, "sessionId" | "csrfToken">) => ({
  id: u.id,
  email: u.email,
  role: u.role,
  displayName: u.displayName,
  timeZone: u.timeZone,
  jurisdiction: u.jurisdiction,
  licence: u.licence,
  approval: u.approval,
});

/** The public view of a stored account. */
const rowToPublic = (user: UserRow) =>
  toPublic({
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.display_name,
    timeZone: user.time_zone,
    jurisdiction: user.jurisdiction,
    licence: user.licence,
    approval: user.approval,
  });

export async function authRoutes(app: App): Promise<void> {
  handle(app, contract.register, async (request, reply) => {
    const body = request.body;
    const problem = passwordProblem(body.password, body.email);
    if (problem) throw invalidInput([{ field: "body.password", message: problem }]);
    // Every sign-up counts against the address, an e-mail already taken too: probing which
    // addresses have an account (which here reveals a health condition) is slowed to this.
    await reserveAttempt(
      app,
      [
        {
          key: `register-address:${request.ip}`,
          limit: app.mitra.config.registrationsPerAddress,
        },
      ],
      "sign-up attempts from this network",
    );
    const id = randomUUID();
    // Hashed before the transaction: scrypt takes a while and SQLite has one connection.
    const passwordHash = await hashPassword(body.password);
    // The account, its audit entry and its first session commit together.
    const csrfToken = await app.mitra.db
      .transaction()
      .execute(async (trx) => {
        const clinician =
          body.role === "clinician"
            ? {
                licence: body.licence ?? null,
                approval: approvalAtSignUp(
                  app.mitra.config.clinicianApproval,
                  await countAccounts(trx),
                ),
              }
            : {};
        const created = await insertUser(trx, {
          id,
          email: body.email,
          passwordHash,
          role: body.role,
          displayName: body.displayName ?? null,
          timeZone: body.timeZone ?? "UTC",
          now: app.mitra.now(),
          ...clinician,
        });
        if (!created) {
          throw new ApiError(409, "email_taken", "An account with this email already exists", {
            fields: [{ field: "body.email", message: "already registered: sign in instead" }],
          });
        }
        await appendAudit(trx, {
          actorId: id,
          subjectId: id,
          action: "register",
          entity: "user",
          entityId: id,
          address: request.ip,
          at: app.mitra.now(),
          ...("approval" in clinician ? { details: clinician } : {}),
        });
        return startSession(app, request, reply, id, trx);
      })
      .catch(async (error: unknown) => {
        // The owner of the address hears that someone tried it (once an hour at most).
        if (error instanceof ApiError && error.code === "email_taken") {
          await tellOwnerOfSignUpAttempt(app, body.email);
        }
        throw error;
      });
    const user = await findUserById(app.mitra.db, id);
    if (!user) throw new Error("user vanished after insert");
    reply.status(201);
    return { user: rowToPublic(user), csrfToken };
  });

  handle(app, contract.login, async (request, reply) => {
    const { email, password } = request.body;
    const attempt = await reserveLoginAttempt(app, email, request.ip);
    const user = await findUserByEmail(app.mitra.db, email);
    const ok = user
      ? await verifyPassword(password, user.password_hash)
      : await verifyPassword(password, await decoyHash()).then(() => false);
    // A wrong password leaves the attempt counted as a failure.
    if (!user || !ok) {
      throw new ApiError(401, "invalid_credentials", "Email or password is incorrect");
    }
    if (user.disabled_at !== null) {
      await attempt.succeeded();
      throw new ApiError(
        403,
        "account_disabled",
        "This account is disabled. Ask the administrator of this Mitra to enable it again.",
      );
    }
    // The cleared failures, the session and its audit entry commit together.
    const csrfToken = await app.mitra.db.transaction().execute(async (trx) => {
      await attempt.succeeded(trx);
      await clearLoginFailures(trx, throttleKeys(email, request.ip).account);
      const token = await startSession(app, request, reply, user.id, trx);
      await appendAudit(trx, {
        actorId: user.id,
        subjectId: user.id,
        action: "login",
        entity: "session",
        address: request.ip,
        at: app.mitra.now(),
      });
      return token;
    });
    return { user: rowToPublic(user), csrfToken };
  });

  handle(app, contract.logout, async (request, reply) => {
    await endSession(app, request, reply);
    return reply.status(204).send();
  });

  handle(app, contract.getMe, async (request) => {
    const user = requireUser(request);
    return { user: toPublic(user), csrfToken: user.csrfToken };
  });

  handle(app, contract.getDeviceKey, async (request) => {
    const user = requireUser(request);
    return { key: await deviceKeyOf(app.mitra.db, user.id, app.mitra.now()) };
  });

  handle(app, contract.updateMe, async (request) => {
    const user = requireUser(request);
    const body = request.body;
    const changes = {
      ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
      ...(body.timeZone !== undefined ? { time_zone: body.timeZone } : {}),
      ...(body.jurisdiction !== undefined ? { jurisdiction: body.jurisdiction } : {}),
    };
    await updateUserProfile(app.mitra.db, user.id, changes, app.mitra.now());
    const updated = {
      ...user,
      ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      ...(body.timeZone !== undefined ? { timeZone: body.timeZone } : {}),
      ...(body.jurisdiction !== undefined ? { jurisdiction: body.jurisdiction } : {}),
    };
    return { user: toPublic(updated), csrfToken: user.csrfToken };
  });
}

/** A notice to the account holder of `email` that someone tried to sign up with it. */
async function tellOwnerOfSignUpAttempt(app: App, email: string): Promise<void> {
  const owner = await findUserByEmail(app.mitra.db, email);
  if (!owner) return;
  const now = app.mitra.now();
  const hour = now.toISOString().slice(0, 13);
  const event = {
    id: onceId(`registration_attempt ${owner.id} ${hour}`),
    kind: "registration_attempt" as const,
    subjectId: owner.id,
  };
  await inTransaction(app.mitra.db, (trx) => app.mitra.notifier.record(trx, event, now));
}
