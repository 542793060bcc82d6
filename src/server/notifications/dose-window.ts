import type { Kysely } from "kysely";
import { doseWindowOpensAt, governingPlan } from "../../core/notifications/dose-window.ts";
import type { Ingestion } from "../../core/safety/types.ts";
import { findIngestion, listIngestions } from "../../db/ingestions.ts";
import { loadPreferences } from "../../db/notification-preferences.ts";
import type { NotificationEvent } from "../../db/notifications.ts";
import { activePlanForDay } from "../../db/plans.ts";
import type { Database } from "../../db/schema.ts";
import { safeZonedDay } from "../dose-log/safety-context.ts";
import type { NotifyEvent } from "./notifier.ts";

/**
 * "Your next dose window is open" (opt-in, `doseWindowReminders`): written with a logged dose,
 * due when the interval of the plan governing it has passed. Its id is the dose's, so that at
 * delivery it finds the dose again and says nothing once it no longer holds.
 */

const plansAt = (db: Kysely<Database>, userId: string, at: Date, timeZone: string) =>
  activePlanForDay(db, userId, safeZonedDay(at, timeZone), timeZone);

/** The event to record with a newly logged dose, or null (not opted in, no interval, passed). */
export async function doseWindowEvent(
  db: Kysely<Database>,
  person: { id: string; timeZone: string },
  dose: Ingestion,
  now: Date,
): Promise<NotifyEvent | null> {
  if (!(await loadPreferences(db, person.id)).doseWindowReminders) return null;
  const plans = await plansAt(db, person.id, new Date(dose.takenAt), person.timeZone);
  const dueAt = doseWindowOpensAt(plans, dose, now);
  if (!dueAt) return null;
  return { id: dose.id, kind: "dose_window_open", subjectId: person.id, dueAt };
}

/**
 * Whether the reminder still holds at delivery: its dose is still logged, no later dose of that
 * substance was logged since, a plan with an interval still governs it, and the person still
 * wants it.
 */
export async function doseWindowStillOpen(
  db: Kysely<Database>,
  event: NotificationEvent,
  timeZone: string,
  now: Date,
): Promise<boolean> {
  const dose = await findIngestion(db, event.id);
  if (!dose || dose.deletedAt || dose.userId !== event.subjectId) return false;
  if (!(await loadPreferences(db, dose.userId)).doseWindowReminders) return false;
  const after = new Date(new Date(dose.takenAt).getTime() + 1);
  const later = await listIngestions(db, dose.userId, { from: after });
  if (later.some((d) => d.substanceId === dose.substanceId)) return false;
  const plan = governingPlan(await plansAt(db, dose.userId, now, timeZone), dose);
  return Boolean(plan?.minIntervalHours);
}
