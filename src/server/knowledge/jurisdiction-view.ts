import type { Jurisdiction } from "../../core/legal/jurisdiction.ts";
import type { JurisdictionResolution } from "../../core/legal/resolve-jurisdiction.ts";
import { isStale } from "../../core/legal/staleness.ts";
import { reviewBaseDate } from "../../core/review.ts";

/** Months after which a legal record says that it may be out of date. */
export const LEGAL_RECORD_FRESH_MONTHS = 12;

/** Past review: twelve months after the last check, or after the source's date if never checked. */
const staleAt = (j: Jurisdiction, now: Date) =>
  isStale(reviewBaseDate(j), now, LEGAL_RECORD_FRESH_MONTHS);

const checkedOn = (j: Jurisdiction) =>
  j.reviewed !== undefined ? { checked_on: j.reviewed.on } : {};

/** A list entry: the statuses without the sources and summary. */
export function jurisdictionSummary(j: Jurisdiction, now: Date) {
  return {
    code: j.code,
    name: j.name,
    kind: j.kind,
    ...(j.parent !== undefined ? { parent: j.parent } : {}),
    kratom: j.kratom,
    seven_oh: j.seven_oh,
    ...(j.min_age !== undefined ? { min_age: j.min_age } : {}),
    as_of: j.as_of,
    ...checkedOn(j),
    stale: staleAt(j, now),
  };
}

export function jurisdictionDetail(j: Jurisdiction, now: Date) {
  return { ...j, ...checkedOn(j), stale: staleAt(j, now) };
}

/**
 * A resolved jurisdiction for the client: the record, its parents (nearest first), the
 * strictest-rule merge, and how fresh the answer is: the oldest source date and the oldest check
 * along the chain (and which levels were never checked), since the merged answer depends on
 * every level.
 */
export function resolutionView(resolution: JurisdictionResolution, now: Date) {
  const chain = [resolution.record, ...resolution.parents];
  const asOf = chain.map((j) => j.as_of).sort()[0] ?? resolution.record.as_of;
  const uncheckedAt = chain.filter((j) => j.reviewed === undefined).map((j) => j.code);
  const checked = chain.flatMap((j) => (j.reviewed !== undefined ? [j.reviewed.on] : [])).sort();
  return {
    jurisdiction: jurisdictionDetail(resolution.record, now),
    parents: resolution.parents.map((p) => jurisdictionDetail(p, now)),
    effective: resolution.effective,
    ...(resolution.missingParent !== undefined ? { missingParent: resolution.missingParent } : {}),
    asOf,
    ...(uncheckedAt.length === 0 && checked[0] !== undefined ? { checkedOn: checked[0] } : {}),
    uncheckedAt,
    stale: chain.some((j) => staleAt(j, now)),
  };
}
