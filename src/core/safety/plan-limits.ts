/**
 * The active plan's limits: the dose against its maximum per dose, the day's total (in the
 * person's zone) against its maximum per day and its target, and the time since the nearest other
 * dose against its minimum interval (stacking). An entry counts toward the plan when it is the
 * plan's product, or the plan's substance or one pooled with it (leaf powder and leaf capsules);
 * an extract or a 7-OH product never counts as leaf.
 */

import { convertMass } from "../units.ts";
import type { Warning } from "../warning.ts";
import { dayTotal } from "./day-total.ts";
import { convertIngestion, type EvaluationState, type TimedIngestion } from "./evaluation-state.ts";
import { formatAmount } from "./template.ts";
import type { ActivePlan } from "./types.ts";
import { warningFromText } from "./warning-from-text.ts";

function countsToward(state: EvaluationState, plan: ActivePlan) {
  const planPool =
    plan.substanceId === undefined ? undefined : state.compiled.resolve(plan.substanceId).pool;
  return (item: TimedIngestion) =>
    (planPool !== undefined && item.substance.pool === planPool) ||
    (plan.productId !== undefined && item.ingestion.productId === plan.productId);
}

function amountInPlanUnit(item: TimedIngestion, plan: ActivePlan): number | null {
  if (item.ingestion.unit === plan.unit) return item.ingestion.amount;
  const converted = convertIngestion(item);
  if (!converted?.ok) return null;
  return convertMass(converted.value.amount, converted.value.unit, plan.unit);
}

export function planWarnings(state: EvaluationState): Warning[] {
  const plan = state.context.plan;
  if (!plan) return [];
  const counts = countsToward(state, plan);
  if (!counts(state.candidate)) return [];
  const texts = state.compiled.rules.limits.plan;
  const unit = plan.unit;
  const candidateAmount = amountInPlanUnit(state.candidate, plan);
  if (candidateAmount === null) {
    return [
      warningFromText(
        "plan.unit-unsupported",
        texts.unitUnsupported,
        { unit, entered: state.candidate.ingestion.unit },
        { planUnit: unit, enteredUnit: state.candidate.ingestion.unit },
      ),
    ];
  }

  const warnings: Warning[] = [];
  const values = (extra: Record<string, number>) => {
    const out: Record<string, string | number> = { unit, amount: formatAmount(candidateAmount) };
    for (const [k, v] of Object.entries(extra)) out[k] = formatAmount(v);
    return out;
  };

  if (plan.maxPerDose !== undefined && candidateAmount > plan.maxPerDose) {
    warnings.push(
      warningFromText(
        "plan.over-max-per-dose",
        texts.overMaxPerDose,
        values({ limit: plan.maxPerDose }),
        {
          amount: candidateAmount,
          maxPerDose: plan.maxPerDose,
          unit,
        },
      ),
    );
  }

  const day = dayTotal(state, candidateAmount, counts, (item) => amountInPlanUnit(item, plan));
  const dayFacts = { total: day.total, uncounted: day.uncounted, unit, timeZone: state.timeZone };
  const overMax = plan.maxPerDay !== undefined && day.total > plan.maxPerDay;
  if (overMax && plan.maxPerDay !== undefined) {
    warnings.push(
      warningFromText(
        "plan.over-max-per-day",
        texts.overMaxPerDay,
        values({ total: day.total, limit: plan.maxPerDay }),
        { ...dayFacts, maxPerDay: plan.maxPerDay },
      ),
    );
  }
  const target = plan.targetForDay;
  const targetIsTheMax =
    plan.maxPerDay !== undefined && target !== undefined && plan.maxPerDay <= target;
  if (target !== undefined && day.total > target && !(overMax && targetIsTheMax)) {
    warnings.push(
      warningFromText(
        "plan.over-target",
        texts.overTarget,
        values({ total: day.total, limit: target }),
        {
          ...dayFacts,
          targetForDay: target,
        },
      ),
    );
  }

  if (plan.minIntervalHours !== undefined && plan.minIntervalHours > 0) {
    const minMs = plan.minIntervalHours * 3_600_000;
    let nearest: TimedIngestion | undefined;
    for (const item of state.recent) {
      const gap = Math.abs(item.at - state.candidate.at);
      if (
        gap < minMs &&
        counts(item) &&
        (!nearest || gap < Math.abs(nearest.at - state.candidate.at))
      ) {
        nearest = item;
      }
    }
    if (nearest) {
      const hours = Math.abs(nearest.at - state.candidate.at) / 3_600_000;
      warnings.push(
        warningFromText(
          "plan.too-soon",
          texts.tooSoon,
          { hours: formatAmount(hours), limit: formatAmount(plan.minIntervalHours), unit },
          {
            hoursApart: hours,
            minIntervalHours: plan.minIntervalHours,
            nearestTakenAt: nearest.ingestion.takenAt,
          },
        ),
      );
    }
  }
  return warnings;
}
