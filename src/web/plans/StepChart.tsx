import type { ScheduledDay } from "../../core/plan/index.ts";
import { formatAmount } from "../components/format-amount.ts";
import { formatDay } from "./format.ts";
import { stepChart } from "./schedule-view.ts";

const BOX = { width: 340, height: 150, left: 40, right: 8, top: 22, bottom: 24 };

/** A small step chart of the daily target, labelled for screen readers by its summary. */
export function StepChart({
  schedule,
  unit,
  summary,
}: {
  schedule: readonly ScheduledDay[];
  unit: string;
  summary: string;
}) {
  if (schedule.length === 0) return null;
  const chart = stepChart(schedule, BOX);
  const { plot } = chart;
  const ticks = [0, chart.yMax / 2, chart.yMax];
  const first = schedule[0];
  const last = schedule.at(-1);
  return (
    <svg
      className="plan-chart"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      role="img"
      aria-label={summary}
      data-testid="plan-chart"
    >
      {ticks.map((t) => (
        <g key={t}>
          <line
            className="plan-chart-grid"
            x1={plot.x0}
            x2={plot.x1}
            y1={chart.y(t)}
            y2={chart.y(t)}
          />
          <text className="plan-chart-label" x={plot.x0 - 4} y={chart.y(t) + 4} textAnchor="end">
            {formatAmount(t)}
          </text>
        </g>
      ))}
      <path className="plan-chart-line" d={chart.path} />
      {first && (
        <text className="plan-chart-label" x={plot.x0} y={BOX.height - 6} textAnchor="start">
          {formatDay(first.day, { weekday: undefined })}
        </text>
      )}
      {last && schedule.length > 1 && (
        <text className="plan-chart-label" x={plot.x1} y={BOX.height - 6} textAnchor="end">
          {formatDay(last.day, { weekday: undefined })}
        </text>
      )}
      <text className="plan-chart-label" x={plot.x0} y={12} textAnchor="start">
        {unit} a day
      </text>
    </svg>
  );
}
