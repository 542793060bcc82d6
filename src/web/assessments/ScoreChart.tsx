import { useId } from "react";
import { bandFor, type InstrumentDefinition } from "../../core/assessment/index.ts";
import { nextDay, startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { formatAmount } from "../components/format-amount.ts";
import { formatDateTime, formatDay } from "../components/format-time.ts";
import { chartGeometry, DEFAULT_SIZE } from "./chart-geometry.ts";
import { type DoseDay, poolBars, poolName, uncountedIn } from "./daily-dose-totals.ts";
import { doseOverlayGeometry } from "./dose-overlay-geometry.ts";
import type { PoolTargets, TargetDay } from "./plan-targets.ts";

export interface ChartPoint {
  /** The assessment's id. */
  id: string;
  takenAt: string;
  total: number;
}

/** The person's doses to draw under the line: one pool as bars, every pool in the table. */
export interface DoseOverlayData {
  /** Daily totals per pool (all pools), oldest first. */
  days: readonly DoseDay[];
  /** The pool drawn as bars, in its unit; null draws none. */
  shown: { pool: string; unit: string; name: string } | null;
  /**
   * The shown pool's daily targets, from the plan that governed each day (core governance), drawn
   * as a step line; null when no plan is about the pool.
   */
  plan: PoolTargets | null;
}

/** Room for the amount axis on the right and the axis titles on top, when doses are drawn. */
const OVERLAY_SIZE = { ...DEFAULT_SIZE, right: 36, top: 22 };

/** "7.5 g kratom leaf; 400 mg elemental magnesium; not counted: 2 capsule Kratom capsules". */
export function describeDoseDay(day: DoseDay | undefined): string {
  if (!day || (day.totals.length === 0 && day.uncounted.length === 0)) return "none logged";
  const counted = day.totals.map(
    (t) => `${formatAmount(t.amount)} ${t.unit} ${poolName(t.pool, t.names)}`,
  );
  const uncounted =
    day.uncounted.length > 0
      ? [
          `not counted: ${day.uncounted
            .map((u) => `${formatAmount(u.amount)} ${u.unit} ${u.substanceName}`)
            .join(", ")}`,
        ]
      : [];
  return [...counted, ...uncounted].join("; ");
}

/** What the chart draws of the doses, for this instrument's days. */
function overlayFor(
  doses: DoseOverlayData | undefined,
  points: readonly ChartPoint[],
  timeZone: string,
) {
  if (!doses) return null;
  const times = points.map((p) => Date.parse(p.takenAt));
  const fromDay = zonedDay(new Date(Math.min(...times)), timeZone);
  const lastCheckInDay = zonedDay(new Date(Math.max(...times)), timeZone);
  const shown = doses.shown;
  // The axis runs from the first check-in's day to the last check-in's or dose's day.
  const lastDoseDay = doses.days
    .filter((d) => d.day >= fromDay && d.totals.some((t) => t.pool === shown?.pool))
    .at(-1)?.day;
  const toDay = lastDoseDay && lastDoseDay > lastCheckInDay ? lastDoseDay : lastCheckInDay;
  const bars = shown ? poolBars(doses.days, shown.pool, fromDay, toDay) : [];
  const targets: TargetDay[] =
    shown && doses.plan ? doses.plan.targets.filter((t) => t.day >= fromDay && t.day <= toDay) : [];
  const uncounted = shown ? uncountedIn(doses.days, shown.pool, fromDay, toDay) : [];
  const drawn = shown !== null && (bars.length > 0 || targets.length > 0);
  return { fromDay, toDay, shown, bars, targets, uncounted, drawn };
}

/**
 * An instrument's totals over time as an SVG line over its bands, in the person's time zone;
 * with doses, the day's total of one pool as hatched bars under the line (right axis) and the
 * plan's daily target as a dashed step line. Screen readers get a title and a summary, and
 * everyone can open the same data as a table. On a clinician's patient page (`patientName`
 * given) the notes speak of the patient instead of to the reader.
 */
export function ScoreChart({
  instrument,
  points,
  timeZone,
  doses,
  patientName,
}: {
  instrument: InstrumentDefinition;
  points: ChartPoint[];
  timeZone: string;
  doses?: DoseOverlayData;
  /** The patient's name when a clinician is reading; absent on the person's own Progress. */
  patientName?: string;
}) {
  const id = useId();
  const patternId = `hatch-${id.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const range = instrument.totalRange;
  if (!range || points.length === 0) return null;
  const overlay = overlayFor(doses, points, timeZone);
  const axisWindow = overlay?.drawn
    ? {
        from: startOfZonedDay(overlay.fromDay, timeZone).getTime(),
        to: startOfZonedDay(nextDay(overlay.toDay), timeZone).getTime(),
      }
    : undefined;
  const g = chartGeometry(
    points,
    range,
    instrument.bands,
    timeZone,
    (at, withTime) => (withTime ? formatDateTime(at, timeZone) : formatDay(at, timeZone)),
    axisWindow ? OVERLAY_SIZE : DEFAULT_SIZE,
    axisWindow,
  );
  const d =
    overlay?.drawn && axisWindow
      ? doseOverlayGeometry(overlay.bars, overlay.targets, axisWindow, timeZone, g.size)
      : null;
  const shown = overlay?.shown ?? null;
  const unconvertible = (shown && doses?.plan?.unconvertibleUnits) || [];
  const hasTargets = (overlay?.targets.length ?? 0) > 0;
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
  const doseSummary = d && shown && overlay ? describeOverlay(overlay, shown, timeZone) : "";
  const newestFirst = [...g.points].reverse();
  const dayOf = (day: string) => doses?.days.find((x) => x.day === day);
  const checkInDays = new Set(g.points.map((p) => zonedDay(p.takenAt, timeZone)));
  const targetOn = (day: string) => overlay?.targets.find((t) => t.day === day);
  // Days with doses but no check-in get rows of their own, so the table holds what the bars show.
  const doseOnlyDays = overlay
    ? (doses?.days ?? []).filter(
        (x) => x.day >= overlay.fromDay && x.day <= overlay.toDay && !checkInDays.has(x.day),
      )
    : [];
  type Row =
    | { kind: "check-in"; at: number; point: (typeof g.points)[number] }
    | { kind: "doses"; at: number; day: string };
  const rows: Row[] = [
    ...newestFirst.map((p) => ({ kind: "check-in" as const, at: Date.parse(p.takenAt), point: p })),
    ...doseOnlyDays.map((x) => ({
      kind: "doses" as const,
      at: startOfZonedDay(x.day, timeZone).getTime(),
      day: x.day,
    })),
  ].sort((a, b) => b.at - a.at);

  return (
    <figure className="score-chart">
      <svg
        viewBox={`0 0 ${size.width} ${size.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid={`chart-${instrument.id}`}
      >
        <title id={`${id}-title`}>
          {instrument.shortName} totals over time
          {d && shown ? `, with ${shown.name} doses logged` : ""}
        </title>
        <desc id={`${id}-desc`}>
          {summary}
          {doseSummary}
        </desc>
        {d && (
          <defs>
            <pattern
              id={patternId}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect className="chart-dose-hatch-ground" width="6" height="6" />
              <line className="chart-dose-hatch-line" x1="3" y1="0" x2="3" y2="6" />
            </pattern>
          </defs>
        )}
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
              {b.height >= 13 && (
                <text className="chart-band-label" x={right - 4} y={b.y + b.height / 2 + 4}>
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
        {d && shown && (
          <g className="chart-doses" data-testid={`chart-${instrument.id}-doses`}>
            <text className="chart-axis-title" x={2} y={12}>
              {instrument.shortName}
            </text>
            <text className="chart-axis-title chart-axis-title-right" x={size.width - 2} y={12}>
              {shown.unit}/day
            </text>
            {d.ticks.map((t) => (
              <text key={t.value} className="chart-dose-label" x={right + 4} y={t.y + 3.5}>
                {formatAmount(t.value)}
              </text>
            ))}
            {d.bars.map((b) => (
              <rect
                key={b.day}
                className="chart-dose-bar"
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
                fill={`url(#${patternId})`}
                data-day={b.day}
                data-amount={formatAmount(b.amount)}
              >
                <title>{`${formatDay(startOfZonedDay(b.day, timeZone), timeZone)}: ${formatAmount(b.amount)} ${shown.unit} ${shown.name} logged`}</title>
              </rect>
            ))}
            {d.targetPath && (
              <path
                className="chart-plan-target"
                d={d.targetPath}
                data-testid={`chart-${instrument.id}-target`}
              />
            )}
          </g>
        )}
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
      {d && shown && overlay && (
        <>
          <ul className="chart-legend">
            <li>
              <svg className="chart-key" viewBox="0 0 28 14" aria-hidden="true">
                <line className="chart-line" x1="1" y1="7" x2="27" y2="7" />
                <circle className="chart-point" cx="14" cy="7" r="3.5" />
              </svg>
              {instrument.shortName} total (left axis)
            </li>
            <li>
              <svg className="chart-key" viewBox="0 0 28 14" aria-hidden="true">
                <rect
                  className="chart-dose-bar"
                  x="7"
                  y="1"
                  width="14"
                  height="12"
                  fill={`url(#${patternId})`}
                />
              </svg>
              Doses logged: {shown.unit}/day of {shown.name} (right axis)
            </li>
            {hasTargets && (
              <li>
                <svg className="chart-key" viewBox="0 0 28 14" aria-hidden="true">
                  <path className="chart-plan-target" d="M1,10H14V4H27" />
                </svg>
                Plan target: {shown.unit}/day (right axis)
              </li>
            )}
          </ul>
          {overlay.uncounted.length > 0 && (
            <p className="muted small" data-testid={`chart-${instrument.id}-uncounted`}>
              Not in the bars: {overlay.uncounted.length}{" "}
              {overlay.uncounted.length === 1 ? "dose" : "doses"} Mitra cannot turn into{" "}
              {shown.unit} (
              {overlay.uncounted
                .map(
                  (u) =>
                    `${formatAmount(u.amount)} ${u.unit} ${u.substanceName} on ${formatDay(startOfZonedDay(u.day, timeZone), timeZone)}`,
                )
                .join(", ")}
              ).{" "}
              {patientName === undefined
                ? "Add the grams per capsule or serving to the product to count them."
                : `${patientName} can add the grams per capsule or serving to the product to count them.`}
            </p>
          )}
        </>
      )}
      {shown && unconvertible.length > 0 && (
        <p className="muted small" data-testid={`chart-${instrument.id}-target-unit`}>
          {hasTargets ? "Days the plan counts" : "The plan counts"} in {unconvertible.join(", ")},
          which cannot be drawn on the {shown.unit} axis.
        </p>
      )}
      <details className="chart-table">
        <summary className="disclosure">Show as a table</summary>
        <table>
          <caption>
            {instrument.shortName} totals{doses ? " and doses logged each day" : ""}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Total (of {range.max})</th>
              {instrument.bands.length > 0 && <th scope="col">Band</th>}
              {doses && <th scope="col">Doses logged that day</th>}
              {hasTargets && shown && <th scope="col">Plan target ({shown.unit}/day)</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const day = row.kind === "check-in" ? zonedDay(row.point.takenAt, timeZone) : row.day;
              const target = targetOn(day);
              return (
                <tr key={row.kind === "check-in" ? row.point.id : `day-${row.day}`}>
                  <td>
                    {row.kind === "check-in"
                      ? formatDateTime(row.point.takenAt, timeZone)
                      : formatDay(row.at, timeZone)}
                  </td>
                  <td>{row.kind === "check-in" ? row.point.total : "no check-in"}</td>
                  {instrument.bands.length > 0 && (
                    <td>
                      {row.kind === "check-in"
                        ? (bandFor(instrument.bands, row.point.total)?.label ?? "–")
                        : "–"}
                    </td>
                  )}
                  {doses && <td>{describeDoseDay(dayOf(day))}</td>}
                  {hasTargets && shown && (
                    <td>{target ? `${formatAmount(target.target)} ${shown.unit}` : "–"}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The bars and target in words, for the chart's description. */
function describeOverlay(
  overlay: NonNullable<ReturnType<typeof overlayFor>>,
  shown: { unit: string; name: string },
  timeZone: string,
): string {
  const day = (d: string) => formatDay(startOfZonedDay(d, timeZone), timeZone);
  const amounts = overlay.bars.map((b) => b.amount);
  const latest = overlay.bars.at(-1);
  const bars =
    latest === undefined
      ? ` No ${shown.name} doses logged on these days.`
      : ` Bars under the line: ${shown.name} doses logged per day, on ${overlay.bars.length} ` +
        `${overlay.bars.length === 1 ? "day" : "days"}, from ${formatAmount(Math.min(...amounts))} ` +
        `to ${formatAmount(Math.max(...amounts))} ${shown.unit}; latest ${day(latest.day)}: ` +
        `${formatAmount(latest.amount)} ${shown.unit}.`;
  const targets = overlay.targets;
  const first = targets[0];
  const last = targets.at(-1);
  const plan =
    first && last
      ? ` Plan target, a dashed step line: ${formatAmount(first.target)} ${shown.unit}/day on ` +
        `${day(first.day)} to ${formatAmount(last.target)} ${shown.unit}/day on ${day(last.day)}.`
      : "";
  return bars + plan;
}
