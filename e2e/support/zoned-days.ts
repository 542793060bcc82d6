import { addDays } from "../../src/core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../../src/core/zoned-time.ts";

/**
 * The instant (ISO) at a local time ("HH:MM") on a calendar day in a zone, counted from the
 * start of that day: right for a zone that keeps no DST, such as Asia/Kolkata.
 */
export function atLocalTime(day: string, hhmm: string, zone: string): string {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return new Date(startOfZonedDay(day, zone).getTime() + h * 3_600_000 + m * 60_000).toISOString();
}

/** Today's calendar day in a zone, and the days `offsets` days from it (-1: yesterday). */
export function daysFromToday(zone: string, offsets: number[]): { today: string; days: string[] } {
  const today = zonedDay(new Date(), zone);
  return { today, days: offsets.map((n) => addDays(today, n)) };
}
