import { type Severity, severityRank, type Warning, worseSeverity } from "../warning.ts";
import { COMBINATION_SEVERITY } from "./windows.ts";

/** Plan warnings that mean a dose went over the plan (not "too soon" or "unit unsupported"). */
const OVER_PLAN_CODES: ReadonlySet<string> = new Set([
  "plan.over-max-per-dose",
  "plan.over-max-per-day",
  "plan.over-target",
]);

/** A dose's warnings say it went over the plan in force. */
export function isOverPlan(warnings: readonly Warning[]): boolean {
  return warnings.some((w) => OVER_PLAN_CODES.has(w.code));
}

/** The dose's interaction warnings at COMBINATION_SEVERITY or worse. */
export function riskyCombinations(warnings: readonly Warning[]): Warning[] {
  return warnings.filter(
    (w) =>
      w.code.startsWith("interaction.") &&
      severityRank(w.severity) >= severityRank(COMBINATION_SEVERITY),
  );
}

export interface DoseFlags {
  /** Doses with a warning that they went over the plan. */
  overPlan: number;
  /** Doses with an interaction warning at COMBINATION_SEVERITY or worse. */
  combinations: number;
  /** The worst of those interaction warnings. */
  worst: Severity | null;
}

/**
 * What the warnings stored with each dose (one list per dose, as shown when it was logged) say
 * for triage: the safety engine enforced the plan in force then, so its warnings are the record.
 */
export function doseFlags(warningLists: readonly (readonly Warning[])[]): DoseFlags {
  const flags: DoseFlags = { overPlan: 0, combinations: 0, worst: null };
  for (const warnings of warningLists) {
    if (isOverPlan(warnings)) flags.overPlan++;
    const risky = riskyCombinations(warnings);
    if (risky.length > 0) {
      flags.combinations++;
      for (const w of risky)
        flags.worst = flags.worst ? worseSeverity(flags.worst, w.severity) : w.severity;
    }
  }
  return flags;
}
