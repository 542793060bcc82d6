import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Repository of notifications: the outbox of events (written in the transaction of their cause),
 * the in-app list, and the record of what each channel was handed, so a retried event never
 * sends the same message twice.
 */

export interface NewNotificationEvent {
  /** Given for an event that must happen once whoever writes it (a reminder's slot). */
  id?: string;
  kind: string;
  subjectId: string | null;
  otherId?: string | null;
  now: Date;
  /** When its first try is due, on the wall clock (now when not given). */
  dueAt?: Date;
}

export interface NotificationEvent {
  id: string;
  kind: string;
  subjectId: string | null;
  otherId: string | null;
  createdAt: string;
  state: "pending" | "delivered" | "dead";
  attempts: number;
}

/**
 * Adds an event to the outbox; call it in the transaction that writes its cause. `now` (the
 * app's clock) dates the event; the engine schedules its tries on the wall clock.
 */
export async function insertNotificationEvent(
  db: Kysely<Database>,
  event: NewNotificationEvent,
): Promise<string | undefined> {
  const id = event.id ?? randomUUID();
  const at = event.now.toISOString();
  const result = await db
    .insertInto("notification_events")
    .values({
      id,
      kind: event.kind,
      subject_id: event.subjectId,
      other_id: event.otherId ?? null,
      created_at: at,
      state: "pending",
      attempts: 0,
      next_attempt_at: (event.dueAt ?? new Date()).toISOString(),
      last_error: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
}

export async function findNotificationEvent(
  db: Kysely<Database>,
  id: string,
): Promise<NotificationEvent | undefined> {
  const row = await db
    .selectFrom("notification_events")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subject_id,
    otherId: row.other_id,
    createdAt: row.created_at,
    state: row.state,
    attempts: Number(row.attempts),
  };
}

/** Ids of pending events due by `now`, oldest first (the in-process worker's poll). */
export async function dueNotificationEvents(
  db: Kysely<Database>,
  now: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom("notification_events")
    .select("id")
    .where("state", "=", "pending")
    .where("next_attempt_at", "<=", now.toISOString())
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function markEventDelivered(db: Kysely<Database>, id: string, now: Date) {
  await db
    .updateTable("notification_events")
    .set((eb) => ({
      state: "delivered",
      attempts: eb("attempts", "+", 1),
      finished_at: now.toISOString(),
      last_error: null,
    }))
    .where("id", "=", id)
    .execute();
}

/** Holds a pending event until `until` (quiet hours), without counting a try. */
export async function markEventHeld(db: Kysely<Database>, id: string, until: Date) {
  await db
    .updateTable("notification_events")
    .set({ state: "pending", next_attempt_at: until.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt: tried again at `retryAt`, or dead (null) after the last one. */
export async function markEventFailed(
  db: Kysely<Database>,
  id: string,
  error: string,
  now: Date,
  retryAt: Date | null,
) {
  await db
    .updateTable("notification_events")
    .set((eb) => ({
      state: retryAt ? "pending" : "dead",
      attempts: eb("attempts", "+", 1),
      next_attempt_at: (retryAt ?? now).toISOString(),
      last_error: error.slice(0, 1000),
      finished_at: retryAt ? null : now.toISOString(),
    }))
    .where("id", "=", id)
    .execute();
}

/** Events whose delivery failed for good, newest first (the administrators' dead letters). */
export function listDeadEvents(db: Kysely<Database>, limit = 100) {
  return db
    .selectFrom("notification_events")
    .select(["id", "kind", "created_at", "attempts", "last_error", "finished_at"])
    .where("state", "=", "dead")
    .orderBy("finished_at", "desc")
    .limit(limit)
    .execute();
}

/**
 * The clinicians who hold live consent over `patientId` that grants `scope`, with their e-mail.
 * Read at delivery time: a link revoked after the event gets nothing. A clinician waiting for an
 * administrator's approval hears nothing about patients until approved.
 */
export async function consentingClinicians(
  db: Kysely<Database>,
  patientId: string,
  scope: string,
): Promise<Recipient[]> {
  return db
    .selectFrom("care_links")
    .innerJoin("users", "users.id", "care_links.clinician_id")
    .select(["users.id as id", "users.email as email", "users.time_zone as timeZone"])
    .where("care_links.patient_id", "=", patientId)
    .where("care_links.revoked_at", "is", null)
    .where("users.disabled_at", "is", null)
    .where((eb) => eb.or([eb("users.approval", "is", null), eb("users.approval", "!=", "pending")]))
    .where("care_links.scopes", "like", `%"${scope}"%`)
    .execute();
}

export interface Recipient {
  id: string;
  email: string;
  timeZone: string;
}

export async function findRecipient(
  db: Kysely<Database>,
  userId: string,
): Promise<Recipient | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "email", "time_zone as timeZone"])
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

/** Adds the event to the recipient's in-app list, once (a retry adds nothing). */
export async function insertInAppNotification(
  db: Kysely<Database>,
  n: {
    eventId: string;
    recipientId: string;
    kind: string;
    patientId: string | null;
    linkPath: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto("notifications")
    .values({
      id: randomUUID(),
      event_id: n.eventId,
      recipient_id: n.recipientId,
      kind: n.kind,
      patient_id: n.patientId,
      link_path: n.linkPath,
      created_at: n.now.toISOString(),
      read_at: null,
    })
    .onConflict((oc) => oc.columns(["event_id", "recipient_id"]).doNothing())
    .execute();
}

/** Whether this channel was already handed the event's message for this recipient. */
export async function wasDelivered(
  db: Kysely<Database>,
  eventId: string,
  recipientId: string,
  channel: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("notification_deliveries")
    .select("sent_at")
    .where("event_id", "=", eventId)
    .where("recipient_id", "=", recipientId)
    .where("channel", "=", channel)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordDelivery(
  db: Kysely<Database>,
  eventId: string,
  recipientId: string,
  channel: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto("notification_deliveries")
    .values({
      event_id: eventId,
      recipient_id: recipientId,
      channel,
      sent_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(["event_id", "recipient_id", "channel"]).doNothing())
    .execute();
}

/**
 * A clinician's notifications about a patient show only while that consent lasts: the join keeps
 * those with no patient, or with a live link from that patient to the recipient.
 */
function visibleTo(db: Kysely<Database>, recipientId: string) {
  return db
    .selectFrom("notifications as n")
    .where("n.recipient_id", "=", recipientId)
    .where((eb) =>
      eb.or([
        eb("n.patient_id", "is", null),
        eb.exists(
          eb
            .selectFrom("care_links as l")
            .select(sql.lit(1).as("one"))
            .whereRef("l.patient_id", "=", "n.patient_id")
            .whereRef("l.clinician_id", "=", "n.recipient_id")
            .where("l.revoked_at", "is", null),
        ),
      ]),
    );
}

export interface InAppNotification {
  id: string;
  kind: string;
  linkPath: string;
  createdAt: string;
  readAt: string | null;
}

/** The recipient's notifications, newest first. */
export async function listInAppNotifications(
  db: Kysely<Database>,
  recipientId: string,
  limit: number,
): Promise<InAppNotification[]> {
  const rows = await visibleTo(db, recipientId)
    .select(["n.id", "n.kind", "n.link_path", "n.created_at", "n.read_at"])
    .orderBy("n.created_at", "desc")
    .orderBy("n.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    linkPath: r.link_path,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export async function countUnread(db: Kysely<Database>, recipientId: string): Promise<number> {
  const row = await visibleTo(db, recipientId)
    .where("n.read_at", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the recipient's notifications read: the ones named, or all. Returns how many changed. */
export async function markRead(
  db: Kysely<Database>,
  recipientId: string,
  ids: readonly string[] | "all",
  now: Date,
): Promise<number> {
  let query = db
    .updateTable("notifications")
    .set({ read_at: now.toISOString() })
    .where("recipient_id", "=", recipientId)
    .where("read_at", "is", null);
  if (ids !== "all") {
    if (ids.length === 0) return 0;
    query = query.where("id", "in", [...ids]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
