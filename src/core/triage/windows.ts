import { TREND_WINDOW_HOURS } from "../assessment/index.ts";
import type { Severity } from "../warning.ts";

/**
 * The windows of the clinician's triage dashboard. They are Mitra display conventions, not
 * clinical thresholds:
 * - sparkline: 14 rolling 24-hour windows ending now (not calendar days);
 * - open red flags and reported signs: check-ins of the last 7 days;
 * - rising scores: core `assessmentTrend` over the last 72 hours (its window);
 * - doses over plan and risky combinations: doses of the last 72 hours;
 * - missed check-ins: the last 3 rolling days.
 */
export const SPARKLINE_DAYS = 14;
export const RED_FLAG_DAYS = 7;
export const DOSE_SIGNAL_HOURS = TREND_WINDOW_HOURS;
export const CHECK_IN_DAYS = 3;

/** Interaction warnings at or above this severity count as risky combinations. */
export const COMBINATION_SEVERITY: Severity = "unsafe";

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** The windows as the dashboard states them. */
export interface TriageWindows {
  sparklineDays: number;
  redFlagDays: number;
  doseSignalHours: number;
  trendHours: number;
  checkInDays: number;
}

export const TRIAGE_WINDOWS: TriageWindows = {
  sparklineDays: SPARKLINE_DAYS,
  redFlagDays: RED_FLAG_DAYS,
  doseSignalHours: DOSE_SIGNAL_HOURS,
  trendHours: TREND_WINDOW_HOURS,
  checkInDays: CHECK_IN_DAYS,
};

/** Where each window starts as of `now`: what a caller loads for the dashboard. */
export interface TriageSince {
  /** Assessments for the sparkline, trends and missed check-ins. */
  assessments: Date;
  /** Check-ins that may hold an open red flag or reported sign. */
  checkIns: Date;
  /** Doses whose stored warnings may count as over plan or a risky combination. */
  doses: Date;
}

export function triageSince(now: Date): TriageSince {
  const nowMs = now.getTime();
  return {
    assessments: new Date(nowMs - SPARKLINE_DAYS * DAY_MS),
    checkIns: new Date(nowMs - RED_FLAG_DAYS * DAY_MS),
    doses: new Date(nowMs - DOSE_SIGNAL_HOURS * HOUR_MS),
  };
}
