/**
 * Calendar arithmetic in a person's IANA time zone. Pure: callers pass instants and zones.
 * "Today" for a person is the calendar day in their zone, not in UTC.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return parts as unknown as ZonedParts;
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function zonedDay(instant: Date | string, timeZone: string): string {
  const p = zonedParts(new Date(instant), timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** Offset of the zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetMs(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * Day starts already worked out, by zone and day: each takes four time-zone conversions, and every
 * dose checked needs the start of its day and of the next. A pure function's results, so safe to
 * keep; bounded, emptied when full.
 */
const dayStarts = new Map<string, number>();
const DAY_STARTS_KEPT = 4096;

/** The instant a calendar day (YYYY-MM-DD) starts in a zone. */
export function startOfZonedDay(day: string, timeZone: string): Date {
  const key = `${timeZone} ${day}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return new Date(known);
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Two passes settle the offset across a daylight-saving change.
  let instant = new Date(guess - offsetMs(new Date(guess), timeZone));
  instant = new Date(guess - offsetMs(instant, timeZone));
  if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
  dayStarts.set(key, instant.getTime());
  return instant;
}

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Start (inclusive) and end (exclusive) instants of the zoned day that contains `instant`. */
export function zonedDayBounds(
  instant: Date | string,
  timeZone: string,
): { start: Date; end: Date } {
  const day = zonedDay(instant, timeZone);
  return { start: startOfZonedDay(day, timeZone), end: startOfZonedDay(nextDay(day), timeZone) };
}

/**
 * The instant a wall-clock time (hour, minute) of a calendar day happens in a zone. A time the
 * clocks skip (spring forward) happens as late as the jump (02:30 becomes 03:30); a time that
 * happens twice (fall back) is the first of the two.
 */
export function atZonedTime(day: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const before = offsetMs(new Date(wall - 86_400_000), timeZone);
  const after = offsetMs(new Date(wall + 86_400_000), timeZone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  const exact = candidates.find((t) => {
    const p = zonedParts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  });
  return new Date(exact ?? wall - before);
}
