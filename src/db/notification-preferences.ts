import type { Kysely } from "kysely";
import {
  defaultPreferences,
  type NotificationPreferences,
} from "../core/notifications/preferences.ts";
import type { Database } from "./schema.ts";

/** Each account's notification preferences (src/core/notifications/preferences.ts), as JSON. */

const decode = (text: string): NotificationPreferences => ({
  ...defaultPreferences,
  ...(JSON.parse(text) as Partial<NotificationPreferences>),
});

export async function loadPreferences(
  db: Kysely<Database>,
  userId: string,
): Promise<NotificationPreferences> {
  const row = await db
    .selectFrom("notification_preferences")
    .select("settings")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? decode(row.settings) : defaultPreferences;
}

export async function savePreferences(
  db: Kysely<Database>,
  userId: string,
  prefs: NotificationPreferences,
  now: Date,
): Promise<void> {
  const settings = JSON.stringify(prefs);
  const updated_at = now.toISOString();
  await db
    .insertInto("notification_preferences")
    .values({ user_id: userId, settings, updated_at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ settings, updated_at }))
    .execute();
}

/** People with daily check-in reminders, with their zone (the reminder scheduler's list). */
export async function listReminderSubscribers(
  db: Kysely<Database>,
): Promise<{ userId: string; timeZone: string; prefs: NotificationPreferences }[]> {
  const rows = await db
    .selectFrom("notification_preferences as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["p.user_id", "p.settings", "u.time_zone"])
    .where("p.settings", "like", '%"checkInReminders":["%')
    .where("u.disabled_at", "is", null)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, timeZone: r.time_zone, prefs: decode(r.settings) }));
}
