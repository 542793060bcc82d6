import type { Kysely } from "kysely";
import { reminderInstants } from "../../core/notifications/preferences.ts";
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
 * person's wall-clock time in their zone. Run by every instance; the slot's id makes it once.
 * Returns how many it wrote (not those another run wrote before).
 */
export async function sendDueReminders(
  db: Kysely<Database>,
  notifier: Pick<Notifier, "record">,
  now: Date,
): Promise<number> {
  let written = 0;
  const from = new Date(now.getTime() - LOOK_BACK_MS);
  for (const person of await listReminderSubscribers(db)) {
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
