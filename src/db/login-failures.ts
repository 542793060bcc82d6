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

/** Failures per key since `since`, and the oldest of them (to compute Retry-After). */
export async function countLoginFailures(db: Kysely<Database>, key: string, since: Date) {
  const row = await db
    .selectFrom("login_failures")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.min("failed_at").as("oldest")])
    .where("key", "=", key)
    .where("failed_at", ">", since.toISOString())
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ?? null };
}

export async function deleteAttempts(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("login_failures").where("id", "in", ids).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}

export async function pruneLoginFailures(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom("login_failures").where("failed_at", "<=", before.toISOString()).execute();
}
