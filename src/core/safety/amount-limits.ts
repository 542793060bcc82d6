/**
 * Amounts against published numbers: a dose or the day's total against a source's dose tiers
 * ("over reference"), and the day's total against a daily upper limit (350 mg of supplemental
 * elemental magnesium). Each rule applies to one pool, so an extract is never compared with leaf
 * grams. Every rule is a threshold crossing: a larger dose can only add warnings.
 */

import { convertMass } from "../units.ts";
import type { Warning } from "../warning.ts";
import { canonicalAmountOf, dayTotal } from "./day-total.ts";
import type { EvaluationState, TimedIngestion } from "./evaluation-state.ts";
import { formatAmount } from "./template.ts";
import { warningFromText } from "./warning-from-text.ts";

function appliesToPool(state: EvaluationState, pool: string): boolean {
  return state.candidate.substance.pool === pool;
}

export function amountLimitWarnings(state: EvaluationState): Warning[] {
  const { compiled, candidate } = state;
  const pool = candidate.substance.pool;
  const references = compiled.references.filter((r) => appliesToPool(state, r.rule.pool));
  const limits = compiled.rules.limits.dailyLimits.filter((r) => appliesToPool(state, r.pool));
  if (references.length === 0 && limits.length === 0) return [];

  const conversion = state.conversion;
  if (!conversion?.ok) {
    const unit = candidate.ingestion.unit;
    const error = conversion?.ok === false ? conversion.error : undefined;
    return [
      warningFromText(
        "amount.unchecked",
        compiled.rules.limits.notices.amountUnchecked,
        { unit, reason: error?.message ?? "" },
        { unit, error },
      ),
    ];
  }
  const amount = conversion.value.amount;
  const unit = conversion.value.unit;
  const samePool = (item: TimedIngestion) => item.substance.pool === pool;
  const day = dayTotal(state, amount, samePool, canonicalAmountOf);
  const warnings: Warning[] = [];

  for (const ref of references) {
    const value = ref.rule.basis === "dose" ? amount : day.total;
    const over = ref.rule.comparison === "above" ? value > ref.threshold : value >= ref.threshold;
    if (!over) continue;
    warnings.push(
      warningFromText(
        `amount.${ref.rule.id}`,
        ref.rule,
        {
          amount: formatAmount(amount),
          total: formatAmount(day.total),
          limit: formatAmount(ref.sourceValue),
          unit,
        },
        {
          basis: ref.rule.basis,
          value,
          unit,
          threshold: ref.threshold,
          reference: ref.rule.reference,
          uncounted: day.uncounted,
          timeZone: state.timeZone,
        },
      ),
    );
  }

  for (const limit of limits) {
    const max = convertMass(limit.maxPerDay, limit.unit, unit);
    if (max === null || day.total <= max) continue;
    warnings.push(
      warningFromText(
        `limit.${limit.id}`,
        limit,
        { total: formatAmount(day.total), limit: formatAmount(max), unit },
        {
          total: day.total,
          unit,
          maxPerDay: limit.maxPerDay,
          uncounted: day.uncounted,
          timeZone: state.timeZone,
        },
      ),
    );
  }
  return warnings;
}
