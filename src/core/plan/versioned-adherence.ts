/**
 * Adherence of a plan that has been revised: each day is judged against the version in force on
 * it (see `version-in-force.ts`: from the start of the day a version was saved, in the person's
 * zone), so a later revision never changes the verdict on an earlier day.
 */

import {
  type AdherenceDay,
  type AdherenceDose,
  type AdherenceOptions,
  adherence,
} from "./adherence.ts";
import { type DatedPlanVersion, versionSpans } from "./version-in-force.ts";

export interface VersionedAdherenceDay extends AdherenceDay {
  /** Number of the plan version the day was judged against. */
  version: number;
  /** That version's unit: the unit of `planned` and `taken` on this day. */
  unit: string;
}

/**
 * Adherence per calendar day from `from` to `to` (inclusive, in `timeZone`), each day judged by
 * core `adherence` against the version in force on it. `dosesFor` gives the doses that count
 * toward a version (its substance or product, in its unit where convertible); it is called once
 * per version that governs a day in the range. Throws as `adherence` and `versionSpans` do.
 */
export function versionedAdherence<V extends DatedPlanVersion>(
  versions: readonly V[],
  dosesFor: (version: V) => readonly AdherenceDose[],
  timeZone: string,
  from: string,
  to: string,
  options: AdherenceOptions = {},
): VersionedAdherenceDay[] {
  const dosesOf = new Map<V, readonly AdherenceDose[]>();
  return versionSpans(versions, timeZone, from, to).flatMap((span) => {
    const v = span.version;
    let doses = dosesOf.get(v);
    if (!doses) {
      doses = dosesFor(v);
      dosesOf.set(v, doses);
    }
    return adherence(v.definition, doses, timeZone, span.from, span.to, options).map((day) => ({
      ...day,
      version: v.version,
      unit: v.definition.unit,
    }));
  });
}
