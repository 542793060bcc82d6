import { type AuditEntry, appendAudit } from "../../db/audit.ts";
import { findUserByEmail } from "../../db/users.ts";
import { SESSION_COOKIE } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";

const LOGIN_ROUTE = "/api/auth/login";

/**
 * Records refusals in the audit log, in one place rather than in every route:
 * - a failed sign-in (wrong password, unknown e-mail, disabled account): `login-failed` on
 *   `session`, about the account when the e-mail names one (never the e-mail or password typed);
 * - a refused request to the API (401 or 403): `refused` on `route`, the entity id naming the
 *   method and route (`GET /api/admin/users`), by and about the signed-in person, with the
 *   status and error code as details. A 401 is recorded only when the request carried a session
 *   cookie (expired, ended or forged): a visitor who is not signed in asking is no event, and
 *   recording each would let anyone fill the log.
 * A refused attempt of the sign-in throttle (429) is not recorded: the throttle counts those.
 */
export function installRefusalAudit(app: App): void {
  app.addHook("onError", async (request, _reply, error) => {
    if (!(error instanceof ApiError)) return;
    if (error.statusCode !== 401 && error.statusCode !== 403) return;
    const route = request.routeOptions.url;
    if (!route?.startsWith("/api/")) return;
    const at = app.mitra.now();
    const address = request.ip;
    let entry: AuditEntry | null;
    if (route === LOGIN_ROUTE) {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      const user = typeof email === "string" ? await findUserByEmail(app.mitra.db, email) : null;
      entry = {
        actorId: null,
        subjectId: user?.id ?? null,
        action: "login-failed",
        entity: "session",
        address,
        details: { code: error.code },
        at,
      };
    } else if (error.statusCode === 403 || request.cookies[SESSION_COOKIE] !== undefined) {
      const userId = request.user?.id ?? null;
      entry = {
        actorId: userId,
        subjectId: userId,
        action: "refused",
        entity: "route",
        entityId: `${request.method} ${route}`,
        address,
        details: { status: error.statusCode, code: error.code },
        at,
      };
    } else {
      entry = null;
    }
    if (!entry) return;
    try {
      await appendAudit(app.mitra.db, entry);
    } catch (failure) {
      request.log.error({ err: failure }, "could not record a refusal in the audit log");
    }
  });
}
