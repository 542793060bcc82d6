import { atZonedTime, nextDay, zonedDay } from "../zoned-time.ts";
import { KIND_POLICIES, type NotificationKind } from "./kinds.ts";

/** What an account chose to be told, and how. Stored as JSON; `defaultPreferences` when unset. */
export interface NotificationPreferences {
  /** Off: nothing, except what cannot be turned off (a red flag while consent lasts, a test). */
  enabled: boolean;
  channels: { email: boolean; push: boolean };
  /** Kinds turned off (kinds that are always on stay on). */
  mutedKinds: NotificationKind[];
  /** A clinician's patients whose events they are not told about (red flags still are). */
  mutedPatients: string[];
  /** Daily check-in reminders, wall-clock "HH:MM" in the person's zone. */
  checkInReminders: string[];
  /** No e-mail or push between these wall-clock times (in-app entries still appear). */
  quietHours: { start: string; end: string } | null;
}

/**
 * A check-in counts for a reminder when taken this many hours before or after it; with none in
 * that span, the person's clinicians hear of a missed check-in once the span is over.
 */
export const CHECK_IN_SPAN_HOURS = 4;

export const defaultPreferences: NotificationPreferences = {
  enabled: true,
  channels: { email: true, push: true },
  mutedKinds: [],
  mutedPatients: [],
  checkInReminders: [],
  quietHours: null,
};

export interface Delivery {
  inApp: boolean;
  email: boolean;
  push: boolean;
}

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** The wall-clock minute of the day (0-1439) of an instant in a zone. */
function localMinute(instant: Date, timeZone: string): number {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  return minutesOf(text);
}

/** Whether `instant` falls in the quiet hours (which may run past midnight) in the zone. */
export function inQuietHours(
  quiet: NotificationPreferences["quietHours"],
  instant: Date,
  timeZone: string,
): boolean {
  if (!quiet) return false;
  const now = localMinute(instant, timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

/** Where an event of `kind` (about `patientId`, if any) reaches an account with `prefs`, now. */
export function deliveryFor(
  prefs: NotificationPreferences,
  event: { kind: NotificationKind; patientId: string | null },
  instant: Date,
  timeZone: string,
): Delivery {
  const alwaysOn = KIND_POLICIES[event.kind].alwaysOn;
  const wanted =
    alwaysOn ||
    (prefs.enabled &&
      !prefs.mutedKinds.includes(event.kind) &&
      !(event.patientId && prefs.mutedPatients.includes(event.patientId)));
  if (!wanted) return { inApp: false, email: false, push: false };
  const outside = alwaysOn || !inQuietHours(prefs.quietHours, instant, timeZone);
  return {
    inApp: true,
    email: outside && prefs.channels.email,
    push: outside && prefs.channels.push,
  };
}

/**
 * The instants in (from, to] when a daily reminder at each wall-clock time falls in the zone,
 * oldest first. Across a daylight-saving change each stays at its wall-clock time: a time the
 * clocks skip comes at the jump, a time that happens twice comes once.
 */
export function reminderInstants(
  times: readonly string[],
  timeZone: string,
  from: Date,
  to: Date,
): Date[] {
  const out: Date[] = [];
  let day = zonedDay(new Date(from.getTime() - 86_400_000), timeZone);
  const last = zonedDay(new Date(to.getTime() + 86_400_000), timeZone);
  while (day <= last) {
    for (const time of times) {
      const [h = 0, m = 0] = time.split(":").map(Number);
      const at = atZonedTime(day, h, m, timeZone);
      if (at > from && at <= to) out.push(at);
    }
    day = nextDay(day);
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}
