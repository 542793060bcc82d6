import type { ChartBox } from "../components/chart-box.ts";
import type { ExposurePoint } from "./types.ts";

/** Where the exposure chart draws things, in its own coordinates (pure, so it can be tested). */
export interface ExposureGeometry {
  /** Polygon points of the uncertainty band (low to high). */
  band: string;
  /** Polyline points of the central estimate. */
  line: string;
  /** x of "now", or null when now is outside the chart. */
  nowX: number | null;
  /** x of each dose marker inside the chart. */
  doseXs: number[];
  /** The central estimate now as a share of the highest central value shown (0-100). */
  nowPercent: number | null;
  /** Whether the central estimate is still going up at now. */
  rising: boolean;
  /** When rising: hours from now to the coming peak of the central estimate. */
  peakInHours: number | null;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function exposureGeometry(
  points: readonly ExposurePoint[],
  doses: readonly { takenAt: string }[],
  now: string,
  box: ChartBox,
): ExposureGeometry {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) {
    return {
      band: "",
      line: "",
      nowX: null,
      doseXs: [],
      nowPercent: null,
      rising: false,
      peakInHours: null,
    };
  }
  const t0 = Date.parse(first.at);
  const t1 = Date.parse(last.at);
  const span = Math.max(t1 - t0, 1);
  const top = Math.max(...points.map((p) => p.high), 1e-12);
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const x = (t: number) => round(box.left + ((t - t0) / span) * plotW);
  const y = (v: number) => round(box.top + plotH - (v / top) * plotH);
  const upper = points.map((p) => `${x(Date.parse(p.at))},${y(p.high)}`);
  const lower = points.map((p) => `${x(Date.parse(p.at))},${y(p.low)}`).reverse();
  const nowT = Date.parse(now);
  const inside = (t: number) => t >= t0 && t <= t1;
  const maxCentral = Math.max(...points.map((p) => p.central));
  let index = 0;
  points.forEach((p, i) => {
    const best = points[index] as ExposurePoint;
    if (Math.abs(Date.parse(p.at) - nowT) < Math.abs(Date.parse(best.at) - nowT)) index = i;
  });
  const nearest = points[index] as ExposurePoint;
  const next = points[index + 1];
  const rising = next !== undefined && next.central > nearest.central;
  let peak = index;
  while (rising && (points[peak + 1]?.central ?? -1) > (points[peak] as ExposurePoint).central) {
    peak++;
  }
  return {
    band: [...upper, ...lower].join(" "),
    line: points.map((p) => `${x(Date.parse(p.at))},${y(p.central)}`).join(" "),
    nowX: inside(nowT) ? x(nowT) : null,
    doseXs: doses
      .map((d) => Date.parse(d.takenAt))
      .filter(inside)
      .map(x),
    nowPercent:
      inside(nowT) && maxCentral > 0 ? Math.round((nearest.central / maxCentral) * 100) : null,
    rising,
    peakInHours: rising
      ? Math.max(0, Math.round((Date.parse((points[peak] as ExposurePoint).at) - nowT) / 3_600_000))
      : null,
  };
}
