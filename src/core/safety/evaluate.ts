/**
 * The safety engine: a pure function from (rules, profile, recent history and assessments, the
 * active plan, the new ingestion, now) to warnings, worst first. It never throws on valid input
 * and never stays silent about something it does not know ("no data: not known to be safe").
 */

import { sortWarnings, type Warning } from "../warning.ts";
import { amountLimitWarnings } from "./amount-limits.ts";
import { combinationWarnings } from "./combinations.ts";
import { type CompiledRules, compileRules } from "./compile.ts";
import { buildState } from "./evaluation-state.ts";
import { conditionWarnings, reportedSignWarnings, substanceWarnings } from "./person-rules.ts";
import { planWarnings } from "./plan-limits.ts";
import { spacingWarnings } from "./spacing.ts";
import type { SafetyContext, SafetyRules } from "./types.ts";
import { warningFromText } from "./warning-from-text.ts";

const compiledCache = new WeakMap<SafetyRules, CompiledRules>();

function isCompiled(rules: SafetyRules | CompiledRules): rules is CompiledRules {
  return typeof (rules as CompiledRules).pair === "function";
}

/** Rules compiled once per rules object (cached), or as given when already compiled. */
export function compiledFor(rules: SafetyRules | CompiledRules): CompiledRules {
  if (isCompiled(rules)) return rules;
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = compileRules(rules);
    compiledCache.set(rules, compiled);
  }
  return compiled;
}

/**
 * Every warning for logging `context.candidate`, sorted worst first (`sortWarnings`). Covers
 * combinations inside each rule's window (recent doses and regular medicines, ids and classes,
 * both directions, worst wins per pair); the plan's maximum per dose and per day, target and
 * minimum interval; reference tiers and daily limits per pool (extracts and 7-OH are never leaf
 * grams); spacing from antibiotics and bisphosphonates; profile conditions; reported signs;
 * substance warnings; and "no data" for unknown substances, unknown conditions and unrated
 * kratom pairs. Pass `compileRules(rules)` to skip the cache lookup.
 */
export function evaluate(rules: SafetyRules | CompiledRules, context: SafetyContext): Warning[] {
  const compiled = compiledFor(rules);
  const state = buildState(compiled, context);
  const warnings: Warning[] = [
    ...combinationWarnings(state),
    ...planWarnings(state),
    ...amountLimitWarnings(state),
    ...spacingWarnings(state),
    ...conditionWarnings(state),
    ...reportedSignWarnings(state),
    ...substanceWarnings(state),
  ];
  if (!state.timeZoneValid) {
    warnings.push(
      warningFromText(
        "profile.time-zone-invalid",
        compiled.rules.limits.notices.timeZoneInvalid,
        { timeZone: context.profile.timeZone },
        { timeZone: context.profile.timeZone, usedTimeZone: state.timeZone },
      ),
    );
  }
  return sortWarnings(warnings);
}
