import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Counts an attempt under each key before it is checked: one row per key, committed at once, so
 * that attempts sent together all see each other. Returns the rows' ids (to take the attempt back
 * when it succeeds or was refused).
 */
export async function recordAttempt(
  db: Kysely<Database>,
  keys: string[],
  now: Date,
): Promise<string[]> {
  const at = now.toISOString();
  const rows = keys.map((key) => ({ id: randomUUID(), key, failed_at: at }));
  await db.insertInto("login_failures").values(rows).execute();
  return rows.map((row) => row.id);
}

/**
 * Failures per key since `since` other than the rows `excluding` (an attempt's own), with the
 * oldest and the newest of them (to compute Retry-After).
 */
export async function countLoginFailures(
  db: Kysely<Database>,
  key: string,
  since: Date,
  excluding: readonly string[] = [],
) {
  const row = await db
    .selectFrom("login_failures")
    .select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.min("failed_at").as("oldest"),
      eb.fn.max("failed_at").as("newest"),
    ])
    .where("key", "=", key)
    .where("failed_at", ">", since.toISOString())
    .$if(excluding.length > 0, (qb) => qb.where("id", "not in", [...excluding]))
    .executeTakeFirst();
  return {
    count: Number(row?.count ?? 0),
    oldest: row?.oldest ?? null,
    newest: row?.newest ?? null,
  };
}

export async function deleteAttempts(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("login_failures").where("id", "in", ids).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}

/** The account key of a failed sign-in (see `throttleKeys`); every other key is pruned earlier. */
const ACCOUNT_KEY = "account:%";

/** Removes failures at or before `before`, sign-in failures of an account at or before `accountsBefore`. */
export async function pruneLoginFailures(
  db: Kysely<Database>,
  cutoffs: { before: Date; accountsBefore: Date },
): Promise<void> {
  await db
    .deleteFrom("login_failures")
    .where((eb) =>
      eb.or([
        eb.and([
          eb("key", "not like", ACCOUNT_KEY),
          eb("failed_at", "<=", cutoffs.before.toISOString()),
        ]),
        eb("failed_at", "<=", cutoffs.accountsBefore.toISOString()),
      ]),
    )
    .execute();
}
