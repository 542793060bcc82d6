import { severityRank } from "../warning.ts";
import type { TriageSignals } from "./patient-signals.ts";

/** What the order reads of a row: its signals and the person's name for the last tie. */
export type RankedRow = TriageSignals & {
  patient: { displayName: string | null; email: string };
};

/**
 * The order of the dashboard, worst first: open red flags, the worst risky combination, rising
 * scores, the worst reported sign, doses over plan, risky doses, missed check-ins, each compared
 * in turn; then the oldest news first (the person not heard from longest); then by name.
 */
export function compareTriageRows(a: RankedRow, b: RankedRow): number {
  const keys: ((r: RankedRow) => number)[] = [
    (r) => r.openRedFlags ?? 0,
    (r) => (r.worstCombination ? severityRank(r.worstCombination) : -1),
    (r) => r.rising?.length ?? 0,
    (r) => (r.reportedSigns?.[0] ? severityRank(r.reportedSigns[0].severity) : -1),
    (r) => r.dosesOverPlan ?? 0,
    (r) => r.riskyCombinations ?? 0,
    (r) => r.missedCheckIns ?? 0,
  ];
  for (const key of keys) {
    const d = key(b) - key(a);
    if (d !== 0) return d;
  }
  const ae = a.lastEntryAt ?? "";
  const be = b.lastEntryAt ?? "";
  if (ae !== be) return ae < be ? -1 : 1;
  return (a.patient.displayName ?? a.patient.email).localeCompare(
    b.patient.displayName ?? b.patient.email,
  );
}

/** The rows worst first (a sorted copy). */
export function rankTriageRows<T extends RankedRow>(rows: readonly T[]): T[] {
  return [...rows].sort(compareTriageRows);
}

/** A row's level: `urgent` (red flag), `high`, `watch`, or `ok`. */
export type TriageLevel = "urgent" | "high" | "watch" | "ok";

/**
 * `urgent` with an open red flag; `high` with a risky combination, a rising score, a dose over
 * plan or a reported sign at `unsafe` or worse; `watch` with a missed check-in or a milder
 * reported sign; otherwise `ok`.
 */
export function triageLevel(s: TriageSignals): TriageLevel {
  const signs = s.reportedSigns ?? [];
  if (s.openRedFlags) return "urgent";
  if (
    s.riskyCombinations ||
    s.rising?.length ||
    s.dosesOverPlan ||
    signs.some((sign) => severityRank(sign.severity) >= severityRank("unsafe"))
  ) {
    return "high";
  }
  if (s.missedCheckIns || signs.length > 0) return "watch";
  return "ok";
}
