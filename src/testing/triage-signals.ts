/** Made-up triage signals for the core triage tests: a person with nothing to report. */

import type { TriageSignals } from "../core/triage/index.ts";

export const quietSignals: TriageSignals = {
  openRedFlags: 0,
  lastRedFlagAt: null,
  rising: [],
  reportedSigns: [],
  alerts: [],
  onPlan: false,
  dosesOverPlan: 0,
  riskyCombinations: 0,
  worstCombination: null,
  missedCheckIns: 0,
  checkInDaysCounted: 3,
  sparkline: [],
  lastCheckInAt: null,
  lastDoseAt: null,
  lastEntryAt: null,
};

export function reportedSign(
  severity: "caution" | "unsafe",
  label = "Plain",
  instrumentName = "Flags",
) {
  return {
    instrument: instrumentName.toLowerCase(),
    instrumentName,
    item: label.toLowerCase(),
    label,
    severity,
    count: 1,
    lastAt: "2026-06-01T00:00:00.000Z",
  };
}

export const risingScore = {
  instrument: "gapped",
  instrumentName: "Gapped",
  latest: 5,
  lowest: 1,
  takenAt: "2026-06-01T00:00:00.000Z",
};
