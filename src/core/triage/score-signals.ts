import {
  assessmentTrend,
  type InstrumentDefinition,
  TREND_WINDOW_HOURS,
} from "../assessment/index.ts";
import { CHECK_IN_DAYS, DAY_MS, HOUR_MS, SPARKLINE_DAYS } from "./windows.ts";

/** One assessment as the dashboard reads it. */
export interface AssessmentPoint {
  takenAt: string;
  instrument: string;
  total: number | null;
}

/** An instrument with a total: its name and range (to put totals on one 0-100 scale). */
export interface ScoreScale {
  name: string;
  min: number;
  max: number;
}

export interface RisingScore {
  instrument: string;
  instrumentName: string;
  latest: number;
  lowest: number;
  takenAt: string;
}

export interface ScoreSignals {
  rising: RisingScore[];
  /** Highest score per window as % of the instrument's range, oldest first; null = none. */
  sparkline: (number | null)[];
  missedCheckIns: number;
  /** Of the last CHECK_IN_DAYS rolling days, how many began after the link (and so count). */
  checkInDaysCounted: number;
}

/** The instruments with a total, by id. */
export function scoreScales(instruments: readonly InstrumentDefinition[]): Map<string, ScoreScale> {
  return new Map(
    instruments.flatMap((i) =>
      i.totalRange && i.totalRange.max > i.totalRange.min
        ? [[i.id, { name: i.shortName, min: i.totalRange.min, max: i.totalRange.max }] as const]
        : [],
    ),
  );
}

/**
 * Rising scores, sparkline and missed check-ins from one person's assessments of the last
 * SPARKLINE_DAYS rolling days (older points are ignored). A day counts for missed check-ins only
 * when it began at or after `linkedAt`, so a link made today has no day to miss yet.
 */
export function scoreSignals(
  points: readonly AssessmentPoint[],
  scales: ReadonlyMap<string, ScoreScale>,
  now: Date,
  linkedAt: string,
): ScoreSignals {
  const nowMs = now.getTime();
  const firstBucketMs = nowMs - SPARKLINE_DAYS * DAY_MS;
  const trendSinceMs = nowMs - TREND_WINDOW_HOURS * HOUR_MS;
  const sparkline: (number | null)[] = Array.from({ length: SPARKLINE_DAYS }, () => null);
  const counts = Array.from({ length: SPARKLINE_DAYS }, () => 0);
  const histories = new Map<string, { takenAt: string; total: number }[]>();

  for (const p of points) {
    const at = Date.parse(p.takenAt);
    const bucket = Math.min(SPARKLINE_DAYS - 1, Math.floor((at - firstBucketMs) / DAY_MS));
    if (bucket >= 0) counts[bucket] = (counts[bucket] ?? 0) + 1;
    const scale = scales.get(p.instrument);
    if (p.total !== null && scale) {
      const percent = Math.round(((p.total - scale.min) * 100) / (scale.max - scale.min));
      if (bucket >= 0) sparkline[bucket] = Math.max(sparkline[bucket] ?? 0, percent);
      // "Rising" looks only inside the trend window, so only those totals go to the trend.
      if (at >= trendSinceMs) {
        const history = histories.get(p.instrument) ?? [];
        history.push({ takenAt: p.takenAt, total: p.total });
        histories.set(p.instrument, history);
      }
    }
  }

  const rising: RisingScore[] = [];
  for (const [instrument, history] of histories) {
    const scale = scales.get(instrument);
    if (!scale) continue;
    const trend = assessmentTrend(history, now, scale);
    if (trend.rising && trend.latest && trend.lowestIn72h) {
      rising.push({
        instrument,
        instrumentName: scale.name,
        latest: trend.latest.total,
        lowest: trend.lowestIn72h.total,
        takenAt: trend.latest.takenAt,
      });
    }
  }
  const linkedMs = Date.parse(linkedAt);
  const counted = counts
    .map((count, bucket) => ({ count, startMs: firstBucketMs + bucket * DAY_MS }))
    .slice(-CHECK_IN_DAYS)
    .filter((day) => day.startMs >= linkedMs);
  return {
    rising,
    sparkline,
    missedCheckIns: counted.filter((day) => day.count === 0).length,
    checkInDaysCounted: counted.length,
  };
}
