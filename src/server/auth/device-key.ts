import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { serverSetting } from "../../db/server-settings.ts";

/**
 * The AES-256 key (base64url) a person's browser seals their offline entries with. Derived from
 * a secret only the server holds, so it is the same on every device and every visit, and a
 * device that forgot it (at sign-out) gets it back only by signing in as that person again.
 */
export async function deviceKeyOf(db: Kysely<Database>, userId: string, now: Date) {
  const secret = await serverSetting(
    db,
    "device_key_secret",
    () => randomBytes(32).toString("base64url"),
    now,
  );
  return createHmac("sha256", Buffer.from(secret, "base64url"))
    .update(`offline-entries:${userId}`)
    .digest("base64url");
}
