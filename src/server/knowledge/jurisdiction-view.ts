import type { Jurisdiction } from "../../core/legal/jurisdiction.ts";
import type { JurisdictionResolution } from "../../core/legal/resolve-jurisdiction.ts";
import { isStale } from "../../core/legal/staleness.ts";

/** Months after which a legal record says that it may be out of date. */
export const LEGAL_RECORD_FRESH_MONTHS = 12;

const staleAt = (asOf: string, now: Date) => isStale(asOf, now, LEGAL_RECORD_FRESH_MONTHS);

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
    stale: staleAt(j.as_of, now),
  };
}

export function jurisdictionDetail(j: Jurisdiction, now: Date) {
  return { ...j, stale: staleAt(j.as_of, now) };
}

/**
 * A resolved jurisdiction for the client: the record, its parents (nearest first), the
 * strictest-rule merge, and how fresh the answer is: the oldest `as_of` along the chain, since
 * the merged answer depends on every level.
 */
export function resolutionView(resolution: JurisdictionResolution, now: Date) {
  const chain = [resolution.record, ...resolution.parents];
  const asOf = chain.map((j) => j.as_of).sort()[0] ?? resolution.record.as_of;
  return {
    jurisdiction: jurisdictionDetail(resolution.record, now),
    parents: resolution.parents.map((p) => jurisdictionDetail(p, now)),
    effective: resolution.effective,
    ...(resolution.missingParent !== undefined ? { missingParent: resolution.missingParent } : {}),
    asOf,
    stale: chain.some((j) => staleAt(j.as_of, now)),
  };
}
