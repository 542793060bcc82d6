import { isOverPlan, riskyCombinations } from "../triage/dose-flags.ts";
import type { Warning } from "../warning.ts";

/**
 * The care team's notifications a newly logged dose raises: the same signals triage counts
 * (src/core/triage/dose-flags.ts), at the moment the dose is logged.
 */
export function doseNotificationKinds(
  warnings: readonly Warning[],
): ("dangerous_combination" | "dose_over_plan")[] {
  const kinds: ("dangerous_combination" | "dose_over_plan")[] = [];
  if (riskyCombinations(warnings).length > 0) kinds.push("dangerous_combination");
  if (isOverPlan(warnings)) kinds.push("dose_over_plan");
  return kinds;
}
