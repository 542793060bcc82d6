import { z } from "zod";
import { NOTIFICATION_KINDS } from "../core/notifications/kinds.ts";

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

const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time like 08:30");

export const preferencesBody = z
  .object({
    enabled: z.boolean(),
    channels: z.object({ email: z.boolean(), push: z.boolean() }).strict(),
    mutedKinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
    mutedPatients: z.array(z.uuid()).max(2000),
    checkInReminders: z
      .array(wallClock)
      .max(6, "at most 6 reminders a day")
      .refine((t) => new Set(t).size === t.length, "each time once"),
    quietHours: z.object({ start: wallClock, end: wallClock }).strict().nullable(),
    doseWindowReminders: z.boolean().default(false),
  })
  .strict();
