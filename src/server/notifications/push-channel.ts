import type { Kysely } from "kysely";
import webpush from "web-push";
import { deletePushSubscription, listPushSubscriptions } from "../../db/push-subscriptions.ts";
import type { Database } from "../../db/schema.ts";
import { serverSetting } from "../../db/server-settings.ts";
import type { Channel } from "./channels.ts";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The server's VAPID keys, made and stored at first start (shared by every instance). */
export async function loadVapidKeys(db: Kysely<Database>, now: Date): Promise<VapidKeys> {
  const stored = await serverSetting(
    db,
    "vapid_keys",
    () => JSON.stringify(webpush.generateVAPIDKeys()),
    now,
  );
  return JSON.parse(stored) as VapidKeys;
}

/** Push services answer 404 or 410 for a subscription the browser dropped. */
const GONE = new Set([404, 410]);

/**
 * Web Push to every browser the recipient subscribed, encrypted for it (RFC 8291, aes128gcm) and
 * signed with the VAPID keys. The payload is the title and the link, nothing more. A
 * subscription the push service no longer knows is removed.
 */
export function pushChannel(db: Kysely<Database>, keys: VapidKeys, subject: string): Channel {
  const vapidDetails = { subject, ...keys };
  return {
    name: "push",
    async send(recipient, message) {
      const payload = JSON.stringify({ title: message.title, link: message.link });
      for (const s of await listPushSubscriptions(db, recipient.id)) {
        const subscription = { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } };
        try {
          await webpush.sendNotification(subscription, payload, {
            vapidDetails,
            TTL: 24 * 3600,
            contentEncoding: "aes128gcm",
            urgency: "high",
            timeout: 10_000,
          });
        } catch (error) {
          const status = (error as { statusCode?: number }).statusCode;
          if (status !== undefined && GONE.has(status)) {
            await deletePushSubscription(db, s.endpoint);
            continue;
          }
          throw error;
        }
      }
    },
  };
}
