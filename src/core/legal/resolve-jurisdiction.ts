import type { Jurisdiction, KratomStatus, SevenOhStatus } from "./jurisdiction.ts";
import { stricterStatus } from "./strictness.ts";

/** The rules that apply in a place once every level above it is counted. */
export interface EffectiveLegalStatus {
  /** Strictest kratom status along the chain. */
  kratom: KratomStatus;
  /** Code of the level that set `kratom` (the nearest one on a tie). */
  decidedBy: string;
  /** Strictest 7-OH status along the chain. */
  sevenOh: SevenOhStatus;
  sevenOhDecidedBy: string;
  /** Highest minimum age any level sets; absent when none sets one. */
  minAge?: number;
  minAgeDecidedBy?: string;
  /** Codes of the levels whose own kratom or 7-OH status is unclear, nearest first. */
  unclearAt: string[];
}

export interface JurisdictionResolution {
  record: Jurisdiction;
  /** Enclosing jurisdictions, nearest first: city -> county -> state -> country. */
  parents: Jurisdiction[];
  effective: EffectiveLegalStatus;
  /** A parent code that no record has (the chain stops there); absent when the chain is whole. */
  missingParent?: string;
}

function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Look up a jurisdiction by code (case-insensitive), walk up its parents and merge the rules: the
 * strictest status along the chain wins (order in strictness.ts), the highest minimum age wins.
 * Returns undefined when no record has the code.
 */
export function resolveJurisdiction(
  records: readonly Jurisdiction[],
  code: string,
): JurisdictionResolution | undefined {
  const byCode = new Map(records.map((r) => [normalizeCode(r.code), r]));
  const record = byCode.get(normalizeCode(code));
  if (record === undefined) return undefined;

  const parents: Jurisdiction[] = [];
  const seen = new Set([normalizeCode(record.code)]);
  let missingParent: string | undefined;
  let parentCode = record.parent;
  while (parentCode !== undefined) {
    const key = normalizeCode(parentCode);
    if (seen.has(key)) break; // a cycle in the data; kb-check reports it
    const parent = byCode.get(key);
    if (parent === undefined) {
      missingParent = parentCode;
      break;
    }
    seen.add(key);
    parents.push(parent);
    parentCode = parent.parent;
  }

  const chain: [Jurisdiction, ...Jurisdiction[]] = [record, ...parents];
  const resolution: JurisdictionResolution = {
    record,
    parents,
    effective: mergeChain(chain),
  };
  if (missingParent !== undefined) resolution.missingParent = missingParent;
  return resolution;
}

/** Merge a chain given nearest first. */
function mergeChain(chain: readonly [Jurisdiction, ...Jurisdiction[]]): EffectiveLegalStatus {
  const [first] = chain;
  let kratom = first.kratom;
  let decidedBy = first.code;
  let sevenOh = first.seven_oh;
  let sevenOhDecidedBy = first.code;
  let minAge: number | undefined;
  let minAgeDecidedBy: string | undefined;
  const unclearAt: string[] = [];

  for (const level of chain) {
    if (stricterStatus<SevenOhStatus>(kratom, level.kratom) !== kratom) {
      kratom = level.kratom;
      decidedBy = level.code;
    }
    if (stricterStatus(sevenOh, level.seven_oh) !== sevenOh) {
      sevenOh = level.seven_oh;
      sevenOhDecidedBy = level.code;
    }
    if (level.min_age !== undefined && (minAge === undefined || level.min_age > minAge)) {
      minAge = level.min_age;
      minAgeDecidedBy = level.code;
    }
    if (level.kratom === "unclear" || level.seven_oh === "unclear") unclearAt.push(level.code);
  }

  const effective: EffectiveLegalStatus = {
    kratom,
    decidedBy,
    sevenOh,
    sevenOhDecidedBy,
    unclearAt,
  };
  if (minAge !== undefined && minAgeDecidedBy !== undefined) {
    effective.minAge = minAge;
    effective.minAgeDecidedBy = minAgeDecidedBy;
  }
  return effective;
}
