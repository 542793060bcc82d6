import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { reminderInstants } from "../../core/notifications/preferences.ts";
import { listReminderSubscribers } from "../../db/notification-preferences.ts";
import type { Database } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Notifier } from "./notifier.ts";

/** How often each instance looks for reminders that fell due. */
export const REMINDER_TICK_MS = 30_000;
/** How far back it looks: a reminder missed while every instance was down longer is skipped. */
const LOOK_BACK_MS = 15 * 60_000;

/** The same id for the same person and slot on every instance, so a slot gives one event. */
function slotId(userId: string, at: Date): string {
  const hex = createHash("sha256")
    .update(`check_in_reminder ${userId} ${at.toISOString()}`)
    .digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

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
        id: slotId(person.userId, at),
        kind: "check_in_reminder" as const,
        subjectId: person.userId,
      };
      if (await inTransaction(db, (trx) => notifier.record(trx, event, at))) written++;
    }
  }
  return written;
}
