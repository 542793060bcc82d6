import type { TotalRange } from "./instrument.ts";

/**
 * Trends over a person's assessment totals: change from their baseline, change over the last 72
 * hours, and a "rising" flag for the clinician's triage. These definitions are Mitra conventions
 * for monitoring, not clinical standards; they are stated here so the UI can show them.
 */

/** Length of the recent window, in hours (from the assessments issue: "the last 72 hours"). */
export const TREND_WINDOW_HOURS = 72;

/**
 * A total is "rising" when the latest total exceeds the lowest earlier total inside the window by
 * at least this percentage of the instrument's range (COWS 0-48: 4.8 points, so 5; SOWS 0-64: 6.4,
 * so 7; SOWS-Gossop 0-30: 3). Chosen to ignore one-point wobble yet flag a rise of about half a
 * COWS band. A Mitra convention, not a clinical threshold.
 */
export const RISING_PERCENT_OF_RANGE = 10;

/**
 * Baseline: the person's earliest recorded total for the instrument (the first assessment, usually
 * taken when monitoring starts). A Mitra convention.
 */
export const BASELINE_DEFINITION = "earliest recorded total";

export interface ScorePoint {
  /** ISO-8601 instant. */
  takenAt: string;
  total: number;
}

export interface AssessmentTrend {
  /** Earliest total; null with no history. */
  baseline: ScorePoint | null;
  /** Most recent total at or before `now`; null with no history. */
  latest: ScorePoint | null;
  /** latest - baseline; null with fewer than two totals. */
  changeFromBaseline: number | null;
  /** latest - earliest total inside the window; null with fewer than two totals in the window. */
  change72h: number | null;
  /** Lowest total inside the window before the latest; null when there is none. */
  lowestIn72h: ScorePoint | null;
  /** Rise over `lowestIn72h` that counts as rising, in points. */
  risingThreshold: number;
  /** latest - lowestIn72h >= risingThreshold, with the latest inside the window. */
  rising: boolean;
  windowHours: number;
}

/**
 * Compute the trend of an instrument's totals as of `now`. Totals taken after `now` are ignored
 * (the clock belongs to the caller). Order of `history` does not matter. Throws a RangeError for a
 * `takenAt` that is not a valid instant or a total that is not a finite number: stored records are
 * expected to be valid, so that is a bug upstream.
 */
export function assessmentTrend(
  history: readonly ScorePoint[],
  now: Date,
  range: TotalRange,
): AssessmentTrend {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError("now is not a valid date");
  // Multiply before dividing so 10% of 30 is exactly 3, not 3.0000000000000004.
  const risingThreshold = ((range.max - range.min) * RISING_PERCENT_OF_RANGE) / 100;

  const points = history
    .map((p, index) => ({ point: p, at: instantOf(p), index }))
    .filter((p) => p.at <= nowMs)
    .sort((a, b) => a.at - b.at || a.index - b.index);

  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) {
    return {
      baseline: null,
      latest: null,
      changeFromBaseline: null,
      change72h: null,
      lowestIn72h: null,
      risingThreshold,
      rising: false,
      windowHours: TREND_WINDOW_HOURS,
    };
  }

  const windowStart = nowMs - TREND_WINDOW_HOURS * 3_600_000;
  const inWindow = points.filter((p) => p.at >= windowStart);
  const firstInWindow = inWindow[0];
  const earlierInWindow = inWindow.slice(0, -1);
  const lowest = earlierInWindow.reduce<(typeof points)[number] | undefined>(
    (low, p) => (low === undefined || p.point.total < low.point.total ? p : low),
    undefined,
  );

  const latestTotal = last.point.total;
  return {
    baseline: first.point,
    latest: last.point,
    changeFromBaseline: points.length >= 2 ? latestTotal - first.point.total : null,
    change72h:
      inWindow.length >= 2 && firstInWindow !== undefined
        ? latestTotal - firstInWindow.point.total
        : null,
    lowestIn72h: lowest?.point ?? null,
    risingThreshold,
    rising:
      lowest !== undefined &&
      risingThreshold > 0 &&
      latestTotal - lowest.point.total >= risingThreshold,
    windowHours: TREND_WINDOW_HOURS,
  };
}

function instantOf(p: ScorePoint): number {
  const at = Date.parse(p.takenAt);
  if (Number.isNaN(at)) throw new RangeError(`takenAt is not a valid instant: ${p.takenAt}`);
  if (!Number.isFinite(p.total)) throw new RangeError(`total is not a finite number: ${p.total}`);
  return at;
}
