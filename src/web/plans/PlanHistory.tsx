import type { PlanDefinition } from "../../core/plan/index.ts";
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

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );

/** Every version, newest first, with what changed. Versions are never overwritten. */
export function PlanHistory({ versions }: { versions: PlanVersionView[] }) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <ol className="plan-history" data-testid="plan-history">
      {newestFirst.map((v) => (
        <li key={v.id}>
          <p className="plan-history-line">
            <strong>Version {v.version}</strong> · {when(v.createdAt)}
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
