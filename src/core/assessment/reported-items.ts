import { zonedDay } from "../zoned-time.ts";
import { type AssessmentAnswers, answerLabel, type InstrumentDefinition } from "./instrument.ts";

/** One item of a checklist reported above its lowest answer in a period. */
export interface ReportedItem {
  itemId: string;
  shortLabel: string;
  /** First and last calendar day (YYYY-MM-DD, in the person's zone) it was reported on. */
  firstDay: string;
  lastDay: string;
  /** How many calendar days it was reported on. */
  days: number;
  /** The worst answer reported, with its label ("Severe", "Yes"). */
  worst: { value: number; label: string };
}

/**
 * The items of `instrument` reported above their lowest answer ("mild" or "yes" and up) in these
 * check-ins, in item order, each with the first and last day it was reported on (calendar days in
 * `timeZone`), on how many days, and the worst answer. Check-ins of other instruments, numeric
 * items and answers the item does not allow (older data) are left out. Pure: the caller picks
 * the period.
 */
export function reportedItems(
  instrument: InstrumentDefinition,
  assessments: readonly { instrument: string; takenAt: string; answers: AssessmentAnswers }[],
  timeZone: string,
): ReportedItem[] {
  const seen = new Map<string, { days: Set<string>; worst: number }>();
  for (const a of assessments) {
    if (a.instrument !== instrument.id) continue;
    const day = zonedDay(a.takenAt, timeZone);
    for (const item of instrument.items) {
      if (item.kind !== "choice") continue;
      const value = a.answers[item.id];
      const lowest = item.answers[0]?.value;
      if (value === undefined || lowest === undefined || value <= lowest) continue;
      if (answerLabel(item, value) === null) continue;
      const entry = seen.get(item.id) ?? { days: new Set<string>(), worst: value };
      entry.days.add(day);
      entry.worst = Math.max(entry.worst, value);
      seen.set(item.id, entry);
    }
  }
  const reported: ReportedItem[] = [];
  for (const item of instrument.items) {
    const entry = seen.get(item.id);
    if (!entry) continue;
    const days = [...entry.days].sort();
    reported.push({
      itemId: item.id,
      shortLabel: item.shortLabel,
      firstDay: days[0] ?? "",
      lastDay: days.at(-1) ?? "",
      days: days.length,
      worst: { value: entry.worst, label: answerLabel(item, entry.worst) ?? String(entry.worst) },
    });
  }
  return reported;
}
