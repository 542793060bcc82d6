import type { Kysely } from "kysely";
import { preparedQuery } from "./prepared-query.ts";
import type { Database } from "./schema.ts";

export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; userId: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  const at = session.now.toISOString();
  await db
    .insertInto("sessions")
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

const liveSession = preparedQuery((db, p: { id: string; now: string; idleSince: string }) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.csrf_token as csrfToken",
      "sessions.expires_at as expiresAt",
      "users.id as userId",
      "users.email as email",
      "users.role as role",
      "users.display_name as displayName",
      "users.time_zone as timeZone",
      "users.jurisdiction as jurisdiction",
      "users.licence as licence",
      "users.approval as approval",
    ])
    .where("sessions.id", "=", p.id)
    .where("sessions.expires_at", ">", p.now)
    .where("sessions.last_seen_at", ">", p.idleSince)
    .where("users.disabled_at", "is", null),
);

/**
 * The live session and its user, or undefined when it is unknown, expired, or idle since
 * `idleSince` (not seen after it): one query by primary key on every request (prepared: it runs
 * for every signed-in request).
 */
export async function findLiveSession(
  db: Kysely<Database>,
  id: string,
  now: Date,
  idleSince: Date,
) {
  const { rows } = await liveSession(db, {
    id,
    now: now.toISOString(),
    idleSince: idleSince.toISOString(),
  });
  return rows[0];
}

/**
 * Marks the session seen at `now`, unless it was seen after `unlessSince`: at most one write per
 * session per interval, not one per request.
 */
export async function touchSession(
  db: Kysely<Database>,
  id: string,
  now: Date,
  unlessSince: Date,
): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now.toISOString() })
    .where("id", "=", id)
    .where("last_seen_at", "<=", unlessSince.toISOString())
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Removes sessions expired at `now` or idle since `idleSince`. */
export async function deleteExpiredSessions(
  db: Kysely<Database>,
  now: Date,
  idleSince: Date,
): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now.toISOString()),
        eb("last_seen_at", "<=", idleSince.toISOString()),
      ]),
    )
    .execute();
}
