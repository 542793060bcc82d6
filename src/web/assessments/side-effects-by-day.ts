import {
  type AssessmentAnswers,
  answerLabel,
  type InstrumentDefinition,
} from "../../core/assessment/index.ts";
import { zonedDay } from "../../core/zoned-time.ts";

/** How bad one day's answer to an item was: the lowest answer, the highest, or between. */
export type SideEffectLevel = "none" | "some" | "top";

export interface SideEffectCell {
  value: number;
  label: string;
  level: SideEffectLevel;
}

export interface SideEffectRow {
  itemId: string;
  shortLabel: string;
  /** One cell per day of `days`, in the same order. */
  cells: SideEffectCell[];
}

export interface SideEffectsByDay {
  /** Calendar days (YYYY-MM-DD in the person's zone) with a check-in, oldest first. */
  days: string[];
  /** Items reported above their lowest answer on at least one of those days, in item order. */
  rows: SideEffectRow[];
  /** Short labels of the items never reported on those days. */
  notReported: string[];
}

/**
 * Side-effects check-ins as a per-item timeline by calendar day in `timeZone`: for each of the
 * last `maxDays` days with a check-in, each item's worst answer that day. It has no total, so each
 * item is its own line. Answers an item does not allow (older data) are left out.
 */
export function sideEffectsByDay(
  instrument: InstrumentDefinition,
  assessments: readonly { takenAt: string; answers: AssessmentAnswers }[],
  timeZone: string,
  maxDays = 14,
): SideEffectsByDay {
  const worst = new Map<string, Map<string, number>>();
  for (const a of assessments) {
    const day = zonedDay(a.takenAt, timeZone);
    const answers = worst.get(day) ?? new Map<string, number>();
    for (const item of instrument.items) {
      const value = a.answers[item.id];
      if (value === undefined || answerLabel(item, value) === null) continue;
      answers.set(item.id, Math.max(value, answers.get(item.id) ?? value));
    }
    worst.set(day, answers);
  }
  const days = [...worst.keys()].sort().slice(-maxDays);
  const rows: SideEffectRow[] = [];
  const notReported: string[] = [];
  for (const item of instrument.items) {
    if (item.kind !== "choice") continue;
    const lowest = item.answers[0]?.value ?? 0;
    const highest = item.answers.at(-1)?.value ?? lowest;
    const cells = days.map((day): SideEffectCell => {
      const value = worst.get(day)?.get(item.id) ?? lowest;
      const level = value <= lowest ? "none" : value >= highest ? "top" : "some";
      return { value, label: answerLabel(item, value) ?? String(value), level };
    });
    if (cells.some((c) => c.level !== "none")) {
      rows.push({ itemId: item.id, shortLabel: item.shortLabel, cells });
    } else {
      notReported.push(item.shortLabel);
    }
  }
  return { days, rows, notReported };
}
