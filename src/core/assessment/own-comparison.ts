/**
 * A check-in's total said against the person's own earlier totals of the same instrument, for
 * scales with no published severity bands (SOWS, SOWS-Gossop): the person's own range is the
 * only honest yardstick. Wording only; no clinical threshold is implied.
 */
export interface OwnComparison {
  /** How many earlier totals there were. */
  count: number;
  lowest: number;
  highest: number;
  /** The total just before this one. */
  previous: number;
}

/** Compares with earlier totals, oldest first; null when there are none. */
export function compareWithOwnTotals(earlier: readonly number[]): OwnComparison | null {
  const previous = earlier.at(-1);
  if (previous === undefined) return null;
  return {
    count: earlier.length,
    lowest: Math.min(...earlier),
    highest: Math.max(...earlier),
    previous,
  };
}

/** The comparison in words, e.g. "lower than your last (30); your 4 earlier totals ran 18 to 34". */
export function describeOwnComparison(
  total: number,
  comparison: OwnComparison | null,
  shortName: string,
): string {
  if (comparison === null) {
    return `This is your first ${shortName}. Your next ones will be compared with it.`;
  }
  const { count, lowest, highest, previous } = comparison;
  const againstLast =
    total > previous
      ? `higher than your last (${previous})`
      : total < previous
        ? `lower than your last (${previous})`
        : `the same as your last`;
  const extreme =
    count > 1 && total < lowest
      ? ", your lowest yet"
      : count > 1 && total > highest
        ? ", your highest yet"
        : "";
  const range =
    count === 1
      ? ""
      : ` Your ${count} earlier ${shortName} totals ran from ${lowest} to ${highest}.`;
  return `This total is ${againstLast}${extreme}.${range}`;
}
