import type { SevenOhStatus } from "./jurisdiction.ts";

/**
 * The one place that orders legal statuses from least to most strict. When a person is subject to
 * several levels of law (city, county, state, country), the strictest status along the chain is
 * the one that applies.
 *
 * Where `unclear` sits: above `legal` and `under-review`, below every known restriction.
 * - Above `legal`: "not known" must never read as "allowed". A country whose status is unclear
 *   makes a legal state's effective status unclear, not legal.
 * - Below `regulated`, `restricted`, `banned`: a rule known to apply is at least that strict, and
 *   it is more useful to show it than to hide it behind "unclear". The uncertainty is not lost:
 *   the resolution also lists every level whose own status is unclear.
 * `under-review` (7-OH only) means no control is in force yet: stricter than `legal`, less strict
 * than `unclear`.
 */
export const STATUS_STRICTNESS: readonly SevenOhStatus[] = [
  "legal",
  "under-review",
  "unclear",
  "regulated",
  "restricted",
  "banned",
];

/** Position in {@link STATUS_STRICTNESS}: higher is stricter. */
export function strictnessRank(status: SevenOhStatus): number {
  return STATUS_STRICTNESS.indexOf(status);
}

/** The stricter of two statuses; on a tie, the first. */
export function stricterStatus<S extends SevenOhStatus>(a: S, b: S): S {
  return strictnessRank(b) > strictnessRank(a) ? b : a;
}
