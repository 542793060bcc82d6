import { zonedDay } from "../../core/zoned-time.ts";
import { formatDateTime, formatTime } from "../components/format-time.ts";

/**
 * When something happened, as a clinician reads it at a glance, in the patient's zone:
 * "today 2:05 PM", "yesterday 9:10 AM", or "Mar 3, 9:14 AM" for older days.
 */
export function whenLabel(instant: string, timeZone: string, now: Date): string {
  const day = zonedDay(instant, timeZone);
  const today = zonedDay(now, timeZone);
  if (day === today) return `today ${formatTime(instant, timeZone)}`;
  const yesterday = zonedDay(new Date(now.getTime() - 86_400_000), timeZone);
  if (day === yesterday) return `yesterday ${formatTime(instant, timeZone)}`;
  return formatDateTime(instant, timeZone);
}
