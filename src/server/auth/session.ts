import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { deleteSession, findLiveSession, insertSession, touchSession } from "../../db/sessions.ts";
import type { App, SessionUser } from "../context.ts";
import { ApiError, unauthenticated } from "../http/api-error.ts";

export const SESSION_COOKIE = "mitra_session";
export const CSRF_HEADER = "x-csrf-token";

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

function secure(app: App, request: FastifyRequest): boolean {
  const mode = app.mitra.config.secureCookies;
  return mode === "always" || (mode === "auto" && request.protocol === "https");
}

/**
 * Starts a new session (a new id every time: no fixation) and sets its cookie. Pass a transaction
 * as `db` to commit the session with the sign-in's other writes (its audit entry).
 */
export async function startSession(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  db: Kysely<Database> = app.mitra.db,
): Promise<string> {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await deleteSession(db, hashToken(previous));
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = app.mitra.now();
  const ttlMs = app.mitra.config.sessionTtlHours * 3_600_000;
  await insertSession(db, {
    id: hashToken(token),
    userId,
    csrfToken,
    now,
    expiresAt: new Date(now.getTime() + ttlMs),
  });
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secure(app, request),
    path: "/",
    maxAge: Math.floor(ttlMs / 1000),
  });
  return csrfToken;
}

export async function endSession(app: App, request: FastifyRequest, reply: FastifyReply) {
  if (request.user) await deleteSession(app.mitra.db, request.user.sessionId);
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax" });
}

/** How often a session's last use is written: at most once per this many milliseconds. */
const TOUCH_INTERVAL_MS = 60_000;

/** The instant before which an unused session is idle (MITRA_SESSION_IDLE_MINUTES). */
export function idleSince(app: App, now: Date): Date {
  return new Date(now.getTime() - app.mitra.config.sessionIdleMinutes * 60_000);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host an Origin header names; undefined when it is not a URL (e.g. "null"): cross-origin. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Resolves the session on every request (one ended by its absolute lifetime or left unused for
 * MITRA_SESSION_IDLE_MINUTES is none), marks it used, and refuses cookie-authenticated writes that do not
 * carry the session's CSRF token in the X-CSRF-Token header, or that come from another origin.
 */
export function installSessions(app: App): void {
  app.decorateRequest("user", null);
  app.addHook("onRequest", async (request, reply) => {
    // The route the router matched, not the raw URL: `/%61pi/...` is routed to `/api/...` too.
    if (!request.routeOptions.url?.startsWith("/api/")) return;
    const unsafe = !SAFE_METHODS.has(request.method);
    const origin = request.headers.origin;
    if (unsafe && origin && originHost(origin) !== request.host) {
      throw new ApiError(403, "cross_origin", "Requests from other sites are refused");
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = app.mitra.now();
    const row = await findLiveSession(app.mitra.db, hashToken(token), now, idleSince(app, now));
    if (!row) return;
    await touchSession(
      app.mitra.db,
      row.sessionId,
      now,
      new Date(now.getTime() - TOUCH_INTERVAL_MS),
    );
    const user: SessionUser = {
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
      id: row.userId,
      email: row.email,
      role: row.role,
      displayName: row.displayName,
      timeZone: row.timeZone,
      jurisdiction: row.jurisdiction,
      licence: row.licence,
      approval: row.approval,
    };
    if (unsafe) {
      const sent = request.headers[CSRF_HEADER];
      const ok =
        typeof sent === "string" &&
        sent.length === user.csrfToken.length &&
        timingSafeEqual(Buffer.from(sent), Buffer.from(user.csrfToken));
      if (!ok) {
        throw new ApiError(
          403,
          "csrf",
          "This request is missing its security token. Reload the page and try again.",
        );
      }
    }
    request.user = user;
    // Answers about a signed-in person are never kept by browsers or proxies.
    reply.header("cache-control", "no-store");
  });
}

/** The signed-in person, or a 401. */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

export function requireRole(request: FastifyRequest, ...roles: SessionUser["role"][]): SessionUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) {
    throw new ApiError(403, "forbidden", `This is for ${roles.join(" or ")} accounts`);
  }
  return user;
}
