/**
 * Adherence of one plan among the person's plans: each day judged against the version in force
 * on it (`version-in-force.ts`), and only on the days the plan governs (`plan-governance.ts`):
 * from the day it was ended on, and on days an earlier plan for the same substance or product
 * holds, it sets no target. A stored version that no longer passes validation marks the days it
 * governs `plan-invalid` instead of failing the whole range.
 */

import {
  type AdherenceDay,
  type AdherenceDose,
  type AdherenceOptions,
  adherence,
  takenWithoutTarget,
} from "./adherence.ts";
import { type GovernedPlan, type PlanDayState, planDayRuns, planDays } from "./plan-governance.ts";
import { InvalidPlanError, type PlanIssue } from "./validate-plan.ts";
import type { DatedPlanVersion } from "./version-in-force.ts";

/** A day judged against the plan version in force on it (see `version-in-force.ts`). */
export interface VersionedAdherenceDay extends AdherenceDay {
  /** Number of the plan version the day was judged against. */
  version: number;
  /** That version's unit: the unit of `planned` and `taken` on this day. */
  unit: string;
}

export interface GovernedAdherenceDay extends VersionedAdherenceDay {
  /** Where the plan stood that day (`in-force`, `ended`, `earlier-plan`); see `PlanDayState`. */
  planState: PlanDayState;
  /** The earlier plan that held the day, when `planState` is `earlier-plan`. */
  heldBy: string | null;
}

export interface GovernedAdherence {
  days: GovernedAdherenceDay[];
  /** Versions that govern a day of the range but no longer pass validation, with why. */
  invalidVersions: { version: number; issues: PlanIssue[] }[];
}

/**
 * Adherence of plan `planId` per calendar day from `from` to `to` (inclusive, in `timeZone`),
 * among `plans` (the person's plans that may hold its days: those created before it, it
 * included; more do no harm). `dosesFor` gives the doses that count toward a version; it is
 * called at most once per version. Throws `RangeError` as `adherence` and `planDays` do; never
 * `InvalidPlanError`.
 */
export function governedAdherence<V extends DatedPlanVersion>(
  plans: readonly GovernedPlan<V>[],
  planId: string,
  dosesFor: (version: V) => readonly AdherenceDose[],
  timeZone: string,
  from: string,
  to: string,
  options: AdherenceOptions = {},
): GovernedAdherence {
  const dosesOf = new Map<V, readonly AdherenceDose[]>();
  const doses = (v: V) => {
    let list = dosesOf.get(v);
    if (!list) {
      list = dosesFor(v);
      dosesOf.set(v, list);
    }
    return list;
  };
  const invalid = new Map<number, PlanIssue[]>();
  const days = planDayRuns(planDays(plans, planId, timeZone, from, to)).flatMap((run) => {
    const v = run.version;
    const unit = v.definition.unit;
    const tag = { version: v.version, unit, planState: run.state, heldBy: run.heldBy };
    if (run.state !== "in-force") {
      return takenWithoutTarget(unit, doses(v), timeZone, run.from, run.to, options).map((day) => ({
        ...day,
        ...tag,
      }));
    }
    try {
      return adherence(v.definition, doses(v), timeZone, run.from, run.to, options).map((day) => ({
        ...day,
        ...tag,
      }));
    } catch (error) {
      if (!(error instanceof InvalidPlanError)) throw error;
      invalid.set(v.version, error.issues);
      return takenWithoutTarget(unit, doses(v), timeZone, run.from, run.to, options).map((day) => ({
        ...day,
        ...tag,
        status: "plan-invalid" as const,
      }));
    }
  });
  return {
    days,
    invalidVersions: [...invalid.entries()]
      .sort(([a], [b]) => a - b)
      .map(([version, issues]) => ({ version, issues })),
  };
}
