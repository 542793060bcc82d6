import type { AdherenceDose, AdherenceOptions } from "../core/plan/adherence.ts";
import { governedAdherence, type VersionedAdherenceDay } from "../core/plan/governed-adherence.ts";
import type { DatedPlanVersion } from "../core/plan/version-in-force.ts";

/**
 * For tests: adherence of one active plan that is the person's only plan, so every day is
 * judged by the version in force on it and nothing else (no end, no earlier plan).
 */
export function singlePlanAdherence<V extends DatedPlanVersion>(
  versions: readonly V[],
  dosesFor: (version: V) => readonly AdherenceDose[],
  timeZone: string,
  from: string,
  to: string,
  options: AdherenceOptions = {},
): VersionedAdherenceDay[] {
  const plan = { id: "only", createdAt: versions[0]?.createdAt ?? "", endedAt: null, versions };
  return governedAdherence([plan], "only", dosesFor, timeZone, from, to, options).days.map(
    ({ planState: _state, heldBy: _heldBy, ...day }) => day,
  );
}
