/**
 * Arithmetic on calendar days written `YYYY-MM-DD`. A calendar day has no zone and no time: it
 * is the name of a day in the person's zone, so adding days never meets daylight-saving time.
 */

const DAY_MS = 86_400_000;
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(day: string): number {
  const match = CALENDAR_DAY.exec(day);
  if (!match) return Number.NaN;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // Reject days that do not exist (2026-02-30 would otherwise roll over to March).
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : Number.NaN;
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(value: unknown): value is string {
  return typeof value === "string" && !Number.isNaN(toUtcMs(value));
}

function msOf(day: string): number {
  const ms = toUtcMs(day);
  if (Number.isNaN(ms)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  return ms;
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  return new Date(msOf(day) + count * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / DAY_MS);
}

/**
 * How many days `from` to `to` spans, both included. Throws `RangeError` when either is not a
 * calendar day or `to` is before `from`.
 */
export function dayCountOf(from: string, to: string): number {
  if (!isCalendarDay(from)) throw new RangeError(`from must be a calendar day: ${from}`);
  if (!isCalendarDay(to)) throw new RangeError(`to must be a calendar day: ${to}`);
  const count = daysBetween(from, to) + 1;
  if (count < 1) throw new RangeError(`to (${to}) is before from (${from})`);
  return count;
}
