import { nextDay, startOfZonedDay } from "../../core/zoned-time.ts";
import type { ChartBox } from "../components/chart-box.ts";
import type { PoolBar } from "./daily-dose-totals.ts";
import type { TargetDay } from "./plan-targets.ts";

/**
 * Where daily dose bars and a plan's target step line go under a score chart: pure arithmetic on
 * the score chart's own time axis (`from`..`to`), with a second amount axis on the right that
 * starts at 0. Each bar spans its calendar day in the person's zone, narrowed a little so that
 * neighbouring days stay apart.
 */

export interface PlottedBar {
  day: string;
  amount: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DoseOverlayGeometry {
  bars: PlottedBar[];
  /** SVG path of the target, one flat segment per day, joined while days follow each other. */
  targetPath: string | null;
  /** Right-axis gridline values from 0 to the top of the axis. */
  ticks: { y: number; value: number }[];
  max: number;
}

/** Share of a day's width left empty on each side of its bar. */
const BAR_INSET = 0.15;

/** A round top for the amount axis (1, 2, 2.5 or 5 times a power of ten steps, at most 4). */
export function amountTicks(max: number): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const magnitude = 10 ** Math.floor(Math.log10(max / 4));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => Math.ceil(max / s - 1e-9) <= 4) ??
    10 * magnitude;
  const top = Math.ceil(max / step - 1e-9);
  return Array.from({ length: top + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

export function doseOverlayGeometry(
  bars: readonly PoolBar[],
  targets: readonly TargetDay[],
  axis: { from: number; to: number },
  timeZone: string,
  size: ChartBox,
): DoseOverlayGeometry {
  const plotWidth = size.width - size.left - size.right;
  const plotHeight = size.height - size.top - size.bottom;
  const span = axis.to - axis.from || 1;
  const clampX = (at: number) =>
    size.left + (Math.min(Math.max(at, axis.from), axis.to) - axis.from) * (plotWidth / span);
  const dayEdges = (day: string) => ({
    start: clampX(startOfZonedDay(day, timeZone).getTime()),
    end: clampX(startOfZonedDay(nextDay(day), timeZone).getTime()),
  });
  const max = Math.max(0, ...bars.map((b) => b.amount), ...targets.map((t) => t.target));
  const ticks = amountTicks(max);
  const top = ticks.at(-1) ?? 1;
  const y = (v: number) => size.top + (1 - v / top) * plotHeight;

  const plotted = bars.flatMap((b) => {
    const { start, end } = dayEdges(b.day);
    if (end <= start) return [];
    const inset = (end - start) * BAR_INSET;
    const width = Math.max(1, end - start - 2 * inset);
    const yTop = y(b.amount);
    return [
      { day: b.day, amount: b.amount, x: start + inset, y: yTop, width, height: y(0) - yTop },
    ];
  });

  let targetPath = "";
  let previous: string | null = null;
  for (const t of targets) {
    const { start, end } = dayEdges(t.day);
    if (end <= start) continue;
    const ty = y(t.target).toFixed(1);
    const joined = previous !== null && nextDay(previous) === t.day;
    targetPath += `${joined ? `V${ty}` : `M${start.toFixed(1)},${ty}`}H${end.toFixed(1)}`;
    previous = t.day;
  }

  return {
    bars: plotted,
    targetPath: targetPath === "" ? null : targetPath,
    ticks: ticks.map((value) => ({ y: y(value), value })),
    max,
  };
}
