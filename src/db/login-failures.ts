import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export async function recordLoginFailure(
  db: Kysely<Database>,
  keys: string[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("login_failures")
    .values(keys.map((key) => ({ id: randomUUID(), key, failed_at: at })))
    .execute();
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

export async function clearLoginFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}

export async function pruneLoginFailures(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom("login_failures").where("failed_at", "<=", before.toISOString()).execute();
}
