import { useId } from "react";
import { bandFor, type InstrumentDefinition } from "../../core/assessment/index.ts";
import { chartGeometry } from "./chart-geometry.ts";
import { formatDateTime, formatDay } from "./format-time.ts";

export interface ChartPoint {
  /** The assessment's id. */
  id: string;
  takenAt: string;
  total: number;
}

/**
 * An instrument's totals over time as an SVG line over its bands, in the person's time zone.
 * Screen readers get a title and a summary, and everyone can open the same data as a table.
 */
export function ScoreChart({
  instrument,
  points,
  timeZone,
}: {
  instrument: InstrumentDefinition;
  points: ChartPoint[];
  timeZone: string;
}) {
  const id = useId();
  const range = instrument.totalRange;
  if (!range || points.length === 0) return null;
  const g = chartGeometry(points, range, instrument.bands, timeZone, (at, withTime) =>
    withTime ? formatDateTime(at, timeZone) : formatDay(at, timeZone),
  );
  const { size } = g;
  const right = size.width - size.right;
  const bottom = size.height - size.bottom;
  const totals = points.map((p) => p.total);
  const first = g.points[0];
  const last = g.points.at(-1);
  const summary =
    first && last
      ? `${points.length} ${points.length === 1 ? "check-in" : "check-ins"} from ` +
        `${formatDateTime(first.takenAt, timeZone)} to ${formatDateTime(last.takenAt, timeZone)}. ` +
        `Latest total ${last.total} of ${range.max}; lowest ${Math.min(...totals)}, highest ` +
        `${Math.max(...totals)}.` +
        (instrument.bands.length > 0
          ? ` Bands behind the line: ${instrument.bands
              .map((b) => `${b.label} ${b.min}-${b.max}`)
              .join(", ")}.`
          : "")
      : "";
  const newestFirst = [...g.points].reverse();

  return (
    <figure className="score-chart">
      <svg
        viewBox={`0 0 ${size.width} ${size.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid={`chart-${instrument.id}`}
      >
        <title id={`${id}-title`}>{instrument.shortName} totals over time</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <g className="chart-bands">
          {g.bands.map((b) => (
            <g key={b.id}>
              <rect
                className={`chart-band chart-band-${b.index}`}
                x={size.left}
                y={b.y}
                width={right - size.left}
                height={b.height}
              />
              {b.height >= 11 && (
                <text className="chart-band-label" x={right - 4} y={b.y + b.height / 2 + 3.5}>
                  {b.label}
                </text>
              )}
            </g>
          ))}
        </g>
        <g className="chart-grid">
          {g.yTicks.map((t) => (
            <g key={t.value}>
              <line x1={size.left} x2={right} y1={t.y} y2={t.y} />
              <text className="chart-y-label" x={size.left - 5} y={t.y + 3.5}>
                {t.value}
              </text>
            </g>
          ))}
          {g.xTicks.map((t) => (
            <g key={t.at}>
              <line className="chart-x-tick" x1={t.x} x2={t.x} y1={bottom} y2={bottom + 4} />
              <text className="chart-x-label" x={t.x} y={bottom + 16}>
                {t.label}
              </text>
            </g>
          ))}
        </g>
        {g.points.length > 1 && (
          <polyline
            className="chart-line"
            points={g.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ")}
          />
        )}
        {g.points.map((p) => (
          <circle key={p.id} className="chart-point" cx={p.x} cy={p.y} r={4}>
            <title>{`${formatDateTime(p.takenAt, timeZone)}: ${p.total}`}</title>
          </circle>
        ))}
      </svg>
      <details className="chart-table">
        <summary className="disclosure">Show as a table</summary>
        <table>
          <caption>{instrument.shortName} totals, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Total (of {range.max})</th>
              {instrument.bands.length > 0 && <th scope="col">Band</th>}
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((p) => (
              <tr key={p.id}>
                <td>{formatDateTime(p.takenAt, timeZone)}</td>
                <td>{p.total}</td>
                {instrument.bands.length > 0 && (
                  <td>{bandFor(instrument.bands, p.total)?.label ?? "–"}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
