import { type Kysely, sql } from "kysely";

/**
 * Notifications (docs/ARCHITECTURE.md, "Notifications"): the outbox of events written in the
 * same transaction as their cause, the in-app list, what was sent on which channel (so a retry
 * never sends twice), Web Push subscriptions, each account's preferences, and server settings
 * (the VAPID keys).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notification_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    // Whose record the event is about (the patient), or whose account (an invitation).
    .addColumn("subject_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    // Who else it names: the clinician of a care link.
    .addColumn("other_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("finished_at", "text")
    .addCheckConstraint(
      "notification_events_state_check",
      sql`state in ('pending', 'delivered', 'dead')`,
    )
    .execute();
  await db.schema
    .createIndex("notification_events_due_idx")
    .on("notification_events")
    .columns(["state", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("notification_events_subject_idx")
    .on("notification_events")
    .column("subject_id")
    .execute();
  await db.schema
    .createIndex("notification_events_other_idx")
    .on("notification_events")
    .column("other_id")
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) =>
      c.notNull().references("notification_events.id").onDelete("cascade"),
    )
    .addColumn("recipient_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    // The patient a clinician's notification is about: hidden once that consent ends.
    .addColumn("patient_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("link_path", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addUniqueConstraint("notifications_event_recipient_key", ["event_id", "recipient_id"])
    .execute();
  await db.schema
    .createIndex("notifications_recipient_idx")
    .on("notifications")
    .columns(["recipient_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("notifications_patient_idx")
    .on("notifications")
    .column("patient_id")
    .execute();

  await db.schema
    .createTable("notification_deliveries")
    .addColumn("event_id", "text", (c) =>
      c.notNull().references("notification_events.id").onDelete("cascade"),
    )
    .addColumn("recipient_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_deliveries_pk", ["event_id", "recipient_id", "channel"])
    .execute();
  await db.schema
    .createIndex("notification_deliveries_recipient_idx")
    .on("notification_deliveries")
    .column("recipient_id")
    .execute();

  await db.schema
    .createTable("push_subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("endpoint", "text", (c) => c.notNull().unique())
    .addColumn("p256dh", "text", (c) => c.notNull())
    .addColumn("auth", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("push_subscriptions_user_idx")
    .on("push_subscriptions")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    // JSON (src/core/notifications/preferences.ts).
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("server_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "server_settings",
    "notification_preferences",
    "push_subscriptions",
    "notification_deliveries",
    "notifications",
    "notification_events",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
