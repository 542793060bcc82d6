import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** A person's "Got it, quiet for today" on warnings (core/quiet-warnings.ts), by day and code. */

/**
 * Records that the person acknowledged `code` on `day` (their zone's calendar day), unless they
 * already did; returns the stored time (the first one when repeated) and whether this call made it.
 * A new code on a day that already holds `perDay` of them is not recorded: "full". (Two new codes
 * sent at the same moment may both pass the count; the limit bounds storage, it is not a quota.)
 */
export async function acknowledgeWarning(
  db: Kysely<Database>,
  userId: string,
  day: string,
  code: string,
  now: Date,
  perDay: number,
): Promise<{ created: boolean; acknowledgedAt: string } | "full"> {
  const key = { user_id: userId, day, code };
  const kept = () =>
    db
      .selectFrom("warning_acknowledgements")
      .select("acknowledged_at")
      .where((eb) => eb.and(key))
      .executeTakeFirst();
  const existing = await kept();
  if (existing) return { created: false, acknowledgedAt: existing.acknowledged_at };
  const { count } = await db
    .selectFrom("warning_acknowledgements")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where((eb) => eb.and({ user_id: userId, day }))
    .executeTakeFirstOrThrow();
  if (Number(count) >= perDay) return "full";
  const inserted = await db
    .insertInto("warning_acknowledgements")
    .values({ ...key, acknowledged_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["user_id", "day", "code"]).doNothing())
    .returning("acknowledged_at")
    .executeTakeFirst();
  if (inserted) return { created: true, acknowledgedAt: inserted.acknowledged_at };
  // Kept by a request that came at the same moment.
  const same = await kept();
  if (!same) throw new Error("warning acknowledgement neither inserted nor found");
  return { created: false, acknowledgedAt: same.acknowledged_at };
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
