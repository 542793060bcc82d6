import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** A person's "Got it, quiet for today" on warnings (core/quiet-warnings.ts), by day and code. */

/**
 * Records that the person acknowledged `code` on `day` (their zone's calendar day), unless they
 * already did; returns the stored time (the first one when repeated) and whether this call made it.
 */
export async function acknowledgeWarning(
  db: Kysely<Database>,
  userId: string,
  day: string,
  code: string,
  now: Date,
): Promise<{ created: boolean; acknowledgedAt: string }> {
  const key = { user_id: userId, day, code };
  const inserted = await db
    .insertInto("warning_acknowledgements")
    .values({ ...key, acknowledged_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["user_id", "day", "code"]).doNothing())
    .returning("acknowledged_at")
    .executeTakeFirst();
  if (inserted) return { created: true, acknowledgedAt: inserted.acknowledged_at };
  const { acknowledged_at } = await db
    .selectFrom("warning_acknowledgements")
    .select("acknowledged_at")
    .where((eb) => eb.and(key))
    .executeTakeFirstOrThrow();
  return { created: false, acknowledgedAt: acknowledged_at };
}

/** The codes the person acknowledged on `day`, sorted. */
export async function acknowledgedWarningCodes(
  db: Kysely<Database>,
  userId: string,
  day: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("warning_acknowledgements")
    .select("code")
    .where((eb) => eb.and({ user_id: userId, day }))
    .orderBy("code")
    .execute();
  return rows.map((r) => r.code);
}
