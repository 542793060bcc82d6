import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/**
 * The setting under `key`, made with `create` the first time. Instances starting together
 * agree: the first insert wins and every instance reads what was stored.
 */
export async function serverSetting(
  db: Kysely<Database>,
  key: string,
  create: () => string,
  now: Date,
): Promise<string> {
  await db
    .insertInto("server_settings")
    .values({ key, value: create(), created_at: now.toISOString() })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("server_settings")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  return row.value;
}
