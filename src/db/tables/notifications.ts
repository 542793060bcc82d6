/** Notifications: the outbox, the in-app list, what was sent, push subscriptions, preferences. */

/** An event waiting to be delivered, written in the same transaction as its cause. */
export interface NotificationEventsTable {
  id: string;
  /** A `NotificationKind` (src/core/notifications/kinds.ts). */
  kind: string;
  /** Whose record or account the event is about. */
  subject_id: string | null;
  /** Who else it names: the clinician of a care link. */
  other_id: string | null;
  created_at: string;
  /** `pending` until delivered; `dead` after the last retry failed (shown to administrators). */
  state: "pending" | "delivered" | "dead";
  attempts: number;
  /** When the in-process worker (SQLite) may next try it. */
  next_attempt_at: string;
  last_error: string | null;
  finished_at: string | null;
}

/** One entry of a person's in-app notification list. */
export interface NotificationsTable {
  id: string;
  event_id: string;
  recipient_id: string;
  kind: string;
  /** The patient a clinician's notification is about; hidden once that consent ends. */
  patient_id: string | null;
  /** The page that shows the details, behind sign-in. */
  link_path: string;
  created_at: string;
  read_at: string | null;
}

/** A message handed to a channel (e-mail, push) for one recipient of one event. */
export interface NotificationDeliveriesTable {
  event_id: string;
  recipient_id: string;
  channel: string;
  sent_at: string;
}

export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
}

export interface NotificationPreferencesTable {
  user_id: string;
  settings: string;
  updated_at: string;
}

/** Settings the server makes for itself at first start (the VAPID keys). */
export interface ServerSettingsTable {
  key: string;
  value: string;
  created_at: string;
}

export interface NotificationTables {
  notification_events: NotificationEventsTable;
  notifications: NotificationsTable;
  notification_deliveries: NotificationDeliveriesTable;
  push_subscriptions: PushSubscriptionsTable;
  notification_preferences: NotificationPreferencesTable;
  server_settings: ServerSettingsTable;
}
