import type { Kysely } from "kysely";
import { CHECK_IN_SPAN_HOURS, reminderInstants } from "../../core/notifications/preferences.ts";
import { countAssessmentsBetween } from "../../db/assessments.ts";
import { listReminderSubscribers } from "../../db/notification-preferences.ts";
import type { Database } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Notifier } from "./notifier.ts";
import { onceId } from "./once-id.ts";

/** How often each instance looks for reminders that fell due. */
export const REMINDER_TICK_MS = 30_000;
/** How far back it looks: a reminder missed while every instance was down longer is skipped. */
const LOOK_BACK_MS = 15 * 60_000;

/**
 * Writes a check-in reminder event for every slot that fell due in the last 15 minutes, at each
 * person's wall-clock time in their zone, and a missed check-in event for the care team for
 * every slot whose span (CHECK_IN_SPAN_HOURS either side) ended with no check-in. Run by every instance; the slot's id makes it once.
 * Returns how many it wrote (not those another run wrote before).
 */
export async function sendDueReminders(
  db: Kysely<Database>,
  notifier: Pick<Notifier, "record">,
  now: Date,
): Promise<number> {
  let written = 0;
  const from = new Date(now.getTime() - LOOK_BACK_MS);
  const span = CHECK_IN_SPAN_HOURS * 3_600_000;
  for (const person of await listReminderSubscribers(db)) {
    // A slot whose span ended now: no check-in in it tells the clinicians (whatever the
    // person's own notification settings: they are the person's, not the care team's).
    const ended = reminderInstants(
      person.prefs.checkInReminders,
      person.timeZone,
      new Date(from.getTime() - span),
      new Date(now.getTime() - span),
    );
    for (const slot of ended) {
      const taken = await countAssessmentsBetween(
        db,
        person.userId,
        new Date(slot.getTime() - span),
        new Date(slot.getTime() + span),
      );
      if (taken > 0) continue;
      const event = {
        id: onceId(`missed_check_in ${person.userId} ${slot.toISOString()}`),
        kind: "missed_check_in" as const,
        subjectId: person.userId,
      };
      const at = new Date(slot.getTime() + span);
      if (await inTransaction(db, (trx) => notifier.record(trx, event, at))) written++;
    }
    if (!person.prefs.enabled) continue;
    for (const at of reminderInstants(person.prefs.checkInReminders, person.timeZone, from, now)) {
      const event = {
        id: onceId(`check_in_reminder ${person.userId} ${at.toISOString()}`),
        kind: "check_in_reminder" as const,
        subjectId: person.userId,
      };
      if (await inTransaction(db, (trx) => notifier.record(trx, event, at))) written++;
    }
  }
  return written;
}
