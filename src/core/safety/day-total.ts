import { convertIngestion, type EvaluationState, type TimedIngestion } from "./evaluation-state.ts";

export interface DayTotal {
  /** Candidate plus every counted entry on the candidate's calendar day, in the given unit. */
  total: number;
  /** Entries that belong to the total but could not be converted, so are not in it. */
  uncounted: number;
}

/** An entry's amount in some unit, or null when it cannot be expressed in it. */
export type AmountOf = (item: TimedIngestion) => number | null;

/** Sum of the candidate and the entries that `counts` on the candidate's day in the person's zone. */
export function dayTotal(
  state: EvaluationState,
  candidateAmount: number,
  counts: (item: TimedIngestion) => boolean,
  amountOf: AmountOf,
): DayTotal {
  let total = candidateAmount;
  let uncounted = 0;
  for (const item of state.recent) {
    if (item.at < state.dayStart || item.at >= state.dayEnd || !counts(item)) continue;
    const amount = amountOf(item);
    if (amount === null) uncounted += 1;
    else total += amount;
  }
  return { total, uncounted };
}

/** Amount in the pool's canonical unit (the pool is the item's own). */
export function canonicalAmountOf(item: TimedIngestion): number | null {
  const converted = convertIngestion(item);
  return converted?.ok ? converted.value.amount : null;
}
