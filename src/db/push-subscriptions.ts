import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Web Push subscriptions (one per browser) and the server's own settings (its VAPID keys). */

export interface PushSubscriptionRecord {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** Stores a browser's subscription for the user; the same endpoint again moves it to them. */
export async function savePushSubscription(
  db: Kysely<Database>,
  userId: string,
  s: PushSubscriptionRecord,
  now: Date,
): Promise<void> {
  await db
    .insertInto("push_subscriptions")
    .values({
      id: randomUUID(),
      user_id: userId,
      endpoint: s.endpoint,
      p256dh: s.p256dh,
      auth: s.auth,
      created_at: now.toISOString(),
    })
    .onConflict((oc) =>
      oc.column("endpoint").doUpdateSet({ user_id: userId, p256dh: s.p256dh, auth: s.auth }),
    )
    .execute();
}

export async function listPushSubscriptions(
  db: Kysely<Database>,
  userId: string,
): Promise<PushSubscriptionRecord[]> {
  return db
    .selectFrom("push_subscriptions")
    .select(["endpoint", "p256dh", "auth"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

/** Removes a subscription: the user's own (`userId`), or any (the push service said it is gone). */
export async function deletePushSubscription(
  db: Kysely<Database>,
  endpoint: string,
  userId?: string,
): Promise<boolean> {
  let query = db.deleteFrom("push_subscriptions").where("endpoint", "=", endpoint);
  if (userId) query = query.where("user_id", "=", userId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
