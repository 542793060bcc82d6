import { addDays, type PlanDefinition } from "../../core/plan/index.ts";
import { describeStep, FIELD_LABELS, formatDay, formatDose } from "./format.ts";
import type { PlanVersionView } from "./types.ts";

/** The plan's numbers in a few words, for the history and the plan card. */
export function planTerms(d: PlanDefinition): string[] {
  const terms = [
    `starts ${formatDay(d.startDate)} at ${formatDose(d.startAmountPerDay, d.unit)} a day`,
    `${describeStep(d.step, d.unit)}, every ${d.stepLengthDays} ${d.stepLengthDays === 1 ? "day" : "days"}`,
  ];
  if (d.limitAmountPerDay !== undefined) {
    terms.push(
      `${d.kind === "taper" ? "floor" : "ceiling"} ${formatDose(d.limitAmountPerDay, d.unit)}`,
    );
  }
  if (d.maxPerDose !== undefined) terms.push(`at most ${formatDose(d.maxPerDose, d.unit)} a dose`);
  if (d.maxPerDay !== undefined) terms.push(`at most ${formatDose(d.maxPerDay, d.unit)} a day`);
  if (d.minHoursBetweenDoses !== undefined) {
    terms.push(`at least ${d.minHoursBetweenDoses} h between doses`);
  }
  if (d.endDate !== undefined) terms.push(`ends ${formatDay(d.endDate)}`);
  return terms;
}

/** An instant in the person's zone, where the days that decide which version governs are. */
const when = (iso: string, timeZone: string | undefined) =>
  new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));

/** How a plan ended: when, why, and the day it was ended on in the person's zone. */
export interface PlanEnd {
  at: string;
  reason: "ended" | "replaced" | null;
  /** The day it was ended on: the first day it no longer governs. */
  day: string;
}

/** The line saying a plan ended and which days it governed, for the card and the history. */
export function endSentence(end: PlanEnd): string {
  const how = end.reason === "replaced" ? "Replaced by a new plan" : "Ended";
  return `${how} on ${formatDay(end.day)}: it sets no target from that day on; its last day was ${formatDay(addDays(end.day, -1))}.`;
}

/**
 * Every version, newest first, with what changed, and the plan's end above them when it has
 * ended; times in the person's zone (`timeZone`). Versions are never overwritten.
 */
export function PlanHistory({
  versions,
  end,
  timeZone,
}: {
  versions: PlanVersionView[];
  end?: PlanEnd;
  timeZone?: string;
}) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <ol className="plan-history" data-testid="plan-history">
      {end && (
        <li data-testid="plan-history-end">
          <p className="plan-history-line">
            <strong>{end.reason === "replaced" ? "Replaced" : "Ended"}</strong> ·{" "}
            {when(end.at, timeZone)}
          </p>
          <p className="plan-history-line muted">{endSentence(end)}</p>
        </li>
      )}
      {newestFirst.map((v) => (
        <li key={v.id}>
          <p className="plan-history-line">
            <strong>Version {v.version}</strong> · {when(v.createdAt, timeZone)}
          </p>
          <p className="plan-history-line muted">
            {v.version === 1
              ? "Plan created."
              : `Changed: ${v.changedFields.map((f) => FIELD_LABELS[f] ?? f).join(", ")}.`}
          </p>
          <p className="plan-history-line plan-terms">{planTerms(v.definition).join(" · ")}</p>
        </li>
      ))}
    </ol>
  );
}
