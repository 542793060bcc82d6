import type { TotalRange } from "../assessment/instrument.ts";
import { assessmentTrend, type ScorePoint, TREND_WINDOW_HOURS } from "../assessment/trend.ts";

/** How far back a new total's history must reach to tell whether it starts a rise. */
export const RISING_LOOK_BACK_MS = 2 * TREND_WINDOW_HOURS * 3_600_000;

/**
 * Whether a new total starts a rise the care team hears of once: with it the trend is rising (the
 * triage's definition, src/core/assessment/trend.ts) and it is the latest total, while as of the
 * total before it the trend was not. Later totals of the same rise tell nobody again; a rise that
 * ended and starts again does. `history` holds the instrument's other totals of at least
 * RISING_LOOK_BACK_MS before `added` (more is ignored), and may hold `added` itself.
 */
export function startsRisingScore(
  history: readonly ScorePoint[],
  added: ScorePoint,
  range: TotalRange,
): boolean {
  const at = Date.parse(added.takenAt);
  const others = history.filter((p) => p.takenAt !== added.takenAt || p.total !== added.total);
  // A total entered after later ones (a back-filled check-in) starts nothing.
  if (others.some((p) => Date.parse(p.takenAt) > at)) return false;
  if (!assessmentTrend([...others, added], new Date(at), range).rising) return false;
  const before = others.filter((p) => Date.parse(p.takenAt) < at);
  const previous = before.reduce<ScorePoint | undefined>(
    (last, p) => (last && Date.parse(last.takenAt) >= Date.parse(p.takenAt) ? last : p),
    undefined,
  );
  if (!previous) return false;
  return !assessmentTrend(before, new Date(Date.parse(previous.takenAt)), range).rising;
}
