import { type Severity, severityRank, type Warning } from "../warning.ts";

/** Interaction warnings at or above this severity count as risky combinations. */
export const COMBINATION_SEVERITY: Severity = "unsafe";

/** Plan warnings that mean a dose went over the plan (not "too soon" or "unit unsupported"). */
const OVER_PLAN_CODES = new Set([
  "plan.over-max-per-dose",
  "plan.over-max-per-day",
  "plan.over-target",
]);

/** A dose's warnings say it went over the plan in force. */
export function isOverPlan(warnings: readonly Warning[]): boolean {
  return warnings.some((w) => OVER_PLAN_CODES.has(w.code));
}

/** The dose's interaction warnings at or above `COMBINATION_SEVERITY`. */
export function riskyCombinations(warnings: readonly Warning[]): Warning[] {
  return warnings.filter(
    (w) =>
      w.code.startsWith("interaction.") &&
      severityRank(w.severity) >= severityRank(COMBINATION_SEVERITY),
  );
}

/** The care team's notifications a newly logged dose raises. */
export function doseNotificationKinds(
  warnings: readonly Warning[],
): ("dangerous_combination" | "dose_over_plan")[] {
  const kinds: ("dangerous_combination" | "dose_over_plan")[] = [];
  if (riskyCombinations(warnings).length > 0) kinds.push("dangerous_combination");
  if (isOverPlan(warnings)) kinds.push("dose_over_plan");
  return kinds;
}
