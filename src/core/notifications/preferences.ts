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
  /**
   * E-mail and push wait between these wall-clock times and go out when they end (in-app entries
   * appear at once; what cannot be turned off is never held).
   */
  quietHours: { start: string; end: string } | null;
  /** Opt-in: a message when the next dose a plan's minimum interval allows may be taken. */
  doseWindowReminders: boolean;
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
  doseWindowReminders: false,
};

export interface Delivery {
  inApp: boolean;
  email: boolean;
  push: boolean;
  /** When e-mail and push are held by quiet hours: the instant they end. Null: nothing held. */
  heldUntil: Date | null;
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

/**
 * The first instant after `instant` when the quiet hours end: the end's wall-clock time in the
 * zone, on either side of a daylight-saving change (a time the clocks skip moves as a reminder's
 * does, src/core/zoned-time.ts).
 */
export function quietHoursEnd(
  quiet: NonNullable<NotificationPreferences["quietHours"]>,
  instant: Date,
  timeZone: string,
): Date {
  const [end] = reminderInstants(
    [quiet.end],
    timeZone,
    instant,
    new Date(instant.getTime() + 2 * 86_400_000),
  );
  if (!end) throw new Error(`no ${quiet.end} in ${timeZone} within two days`);
  return end;
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
  if (!wanted) return { inApp: false, email: false, push: false, heldUntil: null };
  const { email, push } = prefs.channels;
  const held = !alwaysOn && (email || push) && inQuietHours(prefs.quietHours, instant, timeZone);
  return {
    inApp: true,
    email: !held && email,
    push: !held && push,
    heldUntil: held && prefs.quietHours ? quietHoursEnd(prefs.quietHours, instant, timeZone) : null,
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
