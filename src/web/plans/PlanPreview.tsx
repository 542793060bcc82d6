import { useState } from "react";
import type { PlanDefinition, ScheduledDay } from "../../core/plan/index.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { formatDay, formatDose } from "./format.ts";
import { StepChart } from "./StepChart.tsx";
import { stepRows } from "./schedule-view.ts";

/** Rows shown before "show all". */
const FIRST_ROWS = 8;

/** The schedule as a step chart and a compact table, one row per step. */
export function PlanPreview({
  plan,
  schedule,
}: {
  plan: PlanDefinition;
  schedule: readonly ScheduledDay[];
}) {
  const [showAll, setShowAll] = useState(false);
  const rows = stepRows(schedule, plan.startDate);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  const first = rows[0];
  const last = rows.at(-1);
  const summary =
    first && last
      ? `Daily target from ${formatDose(first.targetPerDay, plan.unit)} on ${formatDay(first.fromDay)} to ${formatDose(last.targetPerDay, plan.unit)} on ${formatDay(last.toDay)}, in ${rows.length} steps.`
      : "No days in the preview.";
  return (
    <div className="plan-preview" data-testid="plan-preview">
      <StepChart schedule={schedule} unit={plan.unit} summary={summary} />
      <p className="muted plan-preview-summary" aria-live="polite">
        {summary}
      </p>
      <table className="plan-table">
        <caption className="visually-hidden">Daily target by step</caption>
        <ColumnHeads
          columns={["Days", "Dates", { key: "per-day", label: "Per day", className: "num" }]}
        />
        <tbody>
          {shown.map((row) => (
            <tr key={row.fromDay} data-testid="plan-step-row">
              <td>
                {row.firstDayNumber === row.lastDayNumber
                  ? row.firstDayNumber
                  : `${row.firstDayNumber}–${row.lastDayNumber}`}
              </td>
              <td>
                {formatDay(row.fromDay, { weekday: undefined })}
                {row.toDay !== row.fromDay && ` – ${formatDay(row.toDay, { weekday: undefined })}`}
              </td>
              <td className="num">
                <strong>{formatDose(row.targetPerDay, plan.unit)}</strong>
                {row.atLimit && (
                  <span className="plan-limit-tag">
                    {plan.kind === "taper" ? " floor" : " ceiling"}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > FIRST_ROWS && (
        <button type="button" className="link-button" onClick={() => setShowAll((s) => !s)}>
          {showAll ? "Show fewer steps" : `Show all ${rows.length} steps`}
        </button>
      )}
    </div>
  );
}
