import type { Band, TotalRange } from "../../core/assessment/index.ts";
import { nextDay, startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import type { ChartBox } from "../components/chart-box.ts";

/**
 * Where things go on a score chart: pure arithmetic, so it is tested without a browser. Time runs
 * left to right in the person's time zone (day ticks at their midnights); totals bottom to top
 * over the instrument's whole range; bands as horizontal stripes behind the line.
 */

export const DEFAULT_SIZE: ChartBox = {
  width: 360,
  height: 220,
  left: 34,
  right: 10,
  top: 10,
  bottom: 28,
};

export interface PlottedPoint {
  id: string;
  x: number;
  y: number;
  takenAt: string;
  total: number;
}

export interface ChartGeometry {
  size: ChartBox;
  /** The time axis: instants at the plot's left and right edges. */
  from: number;
  to: number;
  points: PlottedPoint[];
  xTicks: { x: number; at: number; label: string }[];
  yTicks: { y: number; value: number }[];
  bands: { id: string; label: string; y: number; height: number; index: number }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NICE_STEPS = [1, 2, 4, 5, 6, 8, 10, 12, 15, 16, 20, 25, 50, 100];

/** Gridline values: the smallest step that divides the range into at most five parts. */
export function totalTicks(range: TotalRange): number[] {
  const span = range.max - range.min;
  if (span <= 0) return [range.min];
  const step =
    NICE_STEPS.find((s) => span % s === 0 && span / s <= 5) ??
    NICE_STEPS.find((s) => span / s <= 5) ??
    span;
  const ticks: number[] = [];
  for (let v = range.min; v <= range.max; v += step) ticks.push(v);
  return ticks;
}

/** Local midnights within [from, to], thinned to at most `max` ticks. */
export function dayTicks(from: number, to: number, timeZone: string, max = 5): number[] {
  const days: number[] = [];
  let day = zonedDay(new Date(from), timeZone);
  for (let guard = 0; guard < 4000; guard++) {
    const start = startOfZonedDay(day, timeZone).getTime();
    if (start > to) break;
    if (start >= from) days.push(start);
    day = nextDay(day);
  }
  const every = Math.max(1, Math.ceil(days.length / max));
  return days.filter((_, i) => i % every === 0);
}

export function chartGeometry(
  points: readonly { id: string; takenAt: string; total: number }[],
  range: TotalRange,
  bands: readonly Band[],
  timeZone: string,
  formatTick: (at: number, withTime: boolean) => string,
  size: ChartBox = DEFAULT_SIZE,
  /** A time axis set by the caller (whole days, when doses are drawn under the line). */
  window?: { from: number; to: number },
): ChartGeometry {
  const sorted = [...points].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  const times = sorted.map((p) => Date.parse(p.takenAt));
  let from = window?.from ?? times[0] ?? 0;
  let to = window?.to ?? times.at(-1) ?? 0;
  if (!window) {
    if (to - from < DAY) {
      const middle = (from + to) / 2;
      from = middle - 12 * HOUR;
      to = middle + 12 * HOUR;
    }
    const pad = (to - from) * 0.04;
    from -= pad;
    to += pad;
  }

  const plotWidth = size.width - size.left - size.right;
  const plotHeight = size.height - size.top - size.bottom;
  const x = (at: number) => size.left + ((at - from) / (to - from)) * plotWidth;
  const span = range.max - range.min || 1;
  const y = (v: number) => size.top + (1 - (v - range.min) / span) * plotHeight;

  let xTicks: ChartGeometry["xTicks"];
  if (window) {
    // A window of whole days (doses drawn as day bars): each day labelled under its middle.
    const starts = dayTicks(from, to, timeZone, Number.POSITIVE_INFINITY).filter((at) => at < to);
    const every = Math.max(1, Math.ceil(starts.length / 5));
    xTicks = starts.flatMap((start, i) => {
      if (i % every !== 0) return [];
      const end = starts[i + 1] ?? to;
      return [{ x: x(start + (end - start) / 2), at: start, label: formatTick(start, false) }];
    });
  } else {
    // Days at local midnights; within a day, times (a single check-in: just its own time).
    const midnights = dayTicks(from, to, timeZone);
    const withinADay =
      times.length === 1 ? times : [from + (to - from) / 6, (from + to) / 2, to - (to - from) / 6];
    xTicks =
      midnights.length >= 2
        ? midnights.map((at) => ({ x: x(at), at, label: formatTick(at, false) }))
        : withinADay.map((at) => ({ x: x(at), at, label: formatTick(at, true) }));
  }

  return {
    size,
    from,
    to,
    points: sorted.map((p, i) => ({
      id: p.id,
      x: x(times[i] ?? 0),
      y: y(p.total),
      takenAt: p.takenAt,
      total: p.total,
    })),
    xTicks,
    yTicks: totalTicks(range).map((value) => ({ y: y(value), value })),
    // Bands are inclusive whole-number ranges: their edges sit half-way between totals.
    bands: bands.map((band, index) => {
      const low = band.min <= range.min ? range.min : band.min - 0.5;
      const high = band.max >= range.max ? range.max : band.max + 0.5;
      return { id: band.id, label: band.label, y: y(high), height: y(low) - y(high), index };
    }),
  };
}
