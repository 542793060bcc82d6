import { z } from "zod";
import { NOTIFICATION_KINDS } from "../../core/notifications/kinds.ts";

/** Zod schemas of the notification routes. */

export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** A line without health data; the details are at `linkPath`. */
  label: z.string(),
  linkPath: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationsQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();

export const notificationsResponse = z.object({
  notifications: z.array(notificationView),
  unread: z.number().int(),
});

export const unreadResponse = z.object({ unread: z.number().int() });

export const markReadBody = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export const markReadResponse = z.object({ marked: z.number().int(), unread: z.number().int() });

export const deadEventsResponse = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      createdAt: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      failedAt: z.string().nullable(),
    }),
  ),
});

export const pushKeyResponse = z.object({ publicKey: z.string() });

const endpoint = z
  .url({ protocol: /^https?$/, message: "the push service's https address" })
  .max(2048);
/** Base64url, as `PushSubscription.toJSON()` gives the keys. */
const base64url = (length: { min: number; max: number }) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, "base64url")
    .min(length.min)
    .max(length.max);

export const pushSubscriptionBody = z
  .object({
    endpoint,
    keys: z
      .object({ p256dh: base64url({ min: 80, max: 100 }), auth: base64url({ min: 16, max: 32 }) })
      .strict(),
  })
  .strict();

export const pushUnsubscribeBody = z.object({ endpoint }).strict();
