import type { Kysely } from "kysely";
import { isNotificationKind, KIND_POLICIES, linkPathFor } from "../../core/notifications/kinds.ts";
import { deliveryFor } from "../../core/notifications/preferences.ts";
import { loadPreferences } from "../../db/notification-preferences.ts";
import {
  consentingClinicians,
  findNotificationEvent,
  findRecipient,
  insertInAppNotification,
  type NotificationEvent,
  type Recipient,
  recordDelivery,
  wasDelivered,
} from "../../db/notifications.ts";
import type { Database } from "../../db/schema.ts";
import type { Channel } from "./channels.ts";
import { doseWindowStillOpen } from "./dose-window.ts";
import type { DeliverEvent } from "./queue.ts";

/** Who an event reaches, decided now: a consent revoked since the event reaches no one. */
async function recipientsOf(db: Kysely<Database>, event: NotificationEvent): Promise<Recipient[]> {
  if (!isNotificationKind(event.kind)) throw new Error(`unknown notification kind ${event.kind}`);
  const policy = KIND_POLICIES[event.kind];
  if (policy.audience === "care_team") {
    if (!event.subjectId || !policy.scope) return [];
    return consentingClinicians(db, event.subjectId, policy.scope);
  }
  const id = policy.audience === "subject" ? event.subjectId : event.otherId;
  const recipient = id ? await findRecipient(db, id) : undefined;
  return recipient ? [recipient] : [];
}

/**
 * Delivers one event: an entry in each recipient's in-app list, then each channel's message.
 * What a channel was handed is recorded, so a retry after a failure sends only what is missing.
 * Each recipient's preferences decide, at delivery, whether and where (src/core/notifications).
 * A recipient in quiet hours gets the in-app entry now and the rest when they end: the answer is
 * then how long until the event must run again (it decides afresh then), else null.
 */
export function eventDeliverer(options: {
  db: Kysely<Database>;
  channels: () => Channel[];
  now: () => Date;
  publicUrl: string | null;
}): DeliverEvent {
  const { db, now } = options;
  return async (eventId) => {
    const event = await findNotificationEvent(db, eventId);
    // Gone with an account, or delivered by an earlier try that failed to say so.
    if (!event || event.state === "delivered") return null;
    if (!isNotificationKind(event.kind)) throw new Error(`unknown notification kind ${event.kind}`);
    if (event.kind === "dose_window_open") {
      const person = event.subjectId ? await findRecipient(db, event.subjectId) : undefined;
      if (!person || !(await doseWindowStillOpen(db, event, person.timeZone, now()))) return null;
    }
    const policy = KIND_POLICIES[event.kind];
    const linkPath = linkPathFor(event.kind, event.subjectId);
    const message = { title: policy.title, link: `${options.publicUrl ?? ""}${linkPath}` };
    const patientId = policy.audience === "care_team" ? event.subjectId : null;
    let heldUntil: number | null = null;
    for (const recipient of await recipientsOf(db, event)) {
      const prefs = await loadPreferences(db, recipient.id);
      const to = deliveryFor(prefs, { kind: event.kind, patientId }, now(), recipient.timeZone);
      if (!to.inApp) continue;
      await insertInAppNotification(db, {
        eventId,
        recipientId: recipient.id,
        kind: event.kind,
        patientId,
        linkPath,
        now: now(),
      });
      if (to.heldUntil) heldUntil = Math.min(heldUntil ?? Infinity, to.heldUntil.getTime());
      for (const channel of options.channels()) {
        if (!to[channel.name]) continue;
        if (await wasDelivered(db, eventId, recipient.id, channel.name)) continue;
        await channel.send(recipient, message);
        await recordDelivery(db, eventId, recipient.id, channel.name, now());
      }
    }
    return heldUntil === null ? null : Math.max(0, heldUntil - now().getTime());
  };
}
