/**
 * Which version of a plan governs a calendar day. A plan is revised by adding a version (never by
 * overwriting one), so a past day must be judged against the version that was in force on it,
 * not against the one in force now.
 *
 * The rule: a version is in force from the START of the calendar day on which it was saved, in
 * the person's time zone, until the start of the day a later version was saved. So:
 * - a revision saved at 15:00 governs that whole day, doses taken that morning included: a day is
 *   judged against one target, never half against the old and half against the new one, and
 *   "from today the target is 5 g" means today;
 * - every day before the day of the revision keeps the version it had, whatever is saved later;
 * - days before the first version was saved (a plan may start in the past) are governed by the
 *   first version, since nothing else was ever set for them;
 * - when several versions are saved on one day, the last of them governs that day.
 * Versions are ordered by their number, not by their time, so clocks that disagree a little
 * between server instances cannot reorder them.
 */

import { isValidTimeZone, zonedDay } from "../zoned-time.ts";
import { addDays, dayCountOf, isCalendarDay } from "./calendar-day.ts";
import type { PlanDefinition } from "./plan-definition.ts";

/** A stored version of a plan: its number, content and when it was saved. */
export interface DatedPlanVersion {
  version: number;
  definition: PlanDefinition;
  /** ISO-8601 instant the version was saved. */
  createdAt: string;
}

/** A run of consecutive days governed by one version. */
export interface VersionSpan<V extends DatedPlanVersion> {
  version: V;
  /** First day (YYYY-MM-DD, inclusive). */
  from: string;
  /** Last day (YYYY-MM-DD, inclusive). */
  to: string;
}

/**
 * The first calendar day `version` governs: the day it was saved, in `timeZone`. Throws
 * `RangeError` for an unknown zone or a `createdAt` that is not a date.
 */
export function effectiveFromDay(version: DatedPlanVersion, timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const instant = Date.parse(version.createdAt);
  if (Number.isNaN(instant)) {
    throw new RangeError(
      `version ${version.version}: createdAt is not a date: ${version.createdAt}`,
    );
  }
  return zonedDay(new Date(instant), timeZone);
}

function byNumber<V extends DatedPlanVersion>(versions: readonly V[]): V[] {
  if (versions.length === 0) throw new RangeError("a plan has at least one version");
  return [...versions].sort((a, b) => a.version - b.version);
}

/** The version governing `day` among `sorted` (by number), given each one's first day. */
function governing<V extends DatedPlanVersion>(
  sorted: readonly V[],
  firstDays: readonly string[],
  day: string,
): V {
  let chosen = sorted[0] as V;
  sorted.forEach((version, index) => {
    if ((firstDays[index] as string) <= day) chosen = version;
  });
  return chosen;
}

/**
 * The version in force on calendar `day` (YYYY-MM-DD in `timeZone`), by the rule above: the
 * highest-numbered version saved on or before that day, else the first version. Throws
 * `RangeError` for no versions, a bad day or an unknown zone.
 */
export function versionInForceOn<V extends DatedPlanVersion>(
  versions: readonly V[],
  day: string,
  timeZone: string,
): V {
  if (!isCalendarDay(day)) throw new RangeError(`day must be a calendar day: ${day}`);
  const sorted = byNumber(versions);
  return governing(
    sorted,
    sorted.map((v) => effectiveFromDay(v, timeZone)),
    day,
  );
}

/**
 * The days `from`..`to` (inclusive) cut into runs governed by one version each, in day order,
 * covering every day exactly once. Throws `RangeError` as `versionInForceOn` does, or when `to`
 * is before `from`.
 */
export function versionSpans<V extends DatedPlanVersion>(
  versions: readonly V[],
  timeZone: string,
  from: string,
  to: string,
): VersionSpan<V>[] {
  dayCountOf(from, to); // throws RangeError for a bad range
  const sorted = byNumber(versions);
  const firstDays = sorted.map((v) => effectiveFromDay(v, timeZone));
  // The governing version changes only on a version's first day: cut there.
  const cuts = [...new Set(firstDays.filter((d) => d > from && d <= to))].sort();
  const starts = [from, ...cuts];
  return starts.map((start, index) => {
    const next = starts[index + 1];
    return {
      version: governing(sorted, firstDays, start),
      from: start,
      to: next === undefined ? to : addDays(next, -1),
    };
  });
}
