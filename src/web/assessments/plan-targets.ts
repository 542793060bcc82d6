import {
  addDays,
  daysBetween,
  type GovernedPlan,
  governedAdherence,
  type PlanDefinition,
} from "../../core/plan/index.ts";
import { convertMass } from "../../core/units.ts";

/**
 * The daily target a score chart draws for one pool, taken from core's plan governance
 * (`governedAdherence`, which asks `planDays`): each day is judged against the plan and version
 * that governed it, so a plan ended or replaced today still sets the targets of the days before,
 * none from the day it was ended on; a day an earlier plan for the same substance or product
 * holds takes that plan's target; a day whose version no longer validates has none. Days no plan
 * governs have no target, and the line breaks there. Pure.
 */

/** Longest stretch of days a chart draws (about three years). */
const MAX_DAYS = 1100;

export interface TargetDay {
  day: string;
  /** The plan's target that day, in the chart's unit. */
  target: number;
}

export interface PoolTargets {
  /** Each day a plan sets a target for the pool, in the pool's unit, oldest first. */
  targets: TargetDay[];
  /** Units of targets set in the range that cannot be turned into the pool's unit (capsules). */
  unconvertibleUnits: string[];
}

/**
 * The targets the person's plans set for `pool` on each day from `from` to `to` (inclusive, in
 * `timeZone`; at most the last MAX_DAYS days), in `unit`. `plans` are all the person's plans that
 * may govern a day of the range, active or not, with every version; `poolOf` says which pool a
 * version's substance or product counts in. When two plans about different subjects of the same
 * pool (leaf powder, and a product of leaf capsules) both set a target on a day, the one created
 * first is drawn: the pool's total is judged against one target, not their sum. Null when no
 * version of any plan is about the pool.
 */
export function poolTargets(
  plans: readonly GovernedPlan[],
  poolOf: (definition: PlanDefinition) => string | undefined,
  pool: string,
  unit: string,
  from: string,
  to: string,
  timeZone: string,
): PoolTargets | null {
  const about = plans
    .filter((p) => p.versions.some((v) => poolOf(v.definition) === pool))
    .sort(
      (a, b) =>
        Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  if (about.length === 0) return null;
  const result: PoolTargets = { targets: [], unconvertibleUnits: [] };
  if (daysBetween(from, to) < 0) return result;
  const first = daysBetween(from, to) >= MAX_DAYS ? addDays(to, -(MAX_DAYS - 1)) : from;
  // A day whose target is set in a unit that cannot be drawn stays without a line.
  const byDay = new Map<string, number | null>();
  const unconvertible = new Set<string>();
  for (const plan of about) {
    const versions = new Map(plan.versions.map((v) => [v.version, v.definition]));
    // No doses: only what each day was planned, judged among all the person's plans.
    const { days } = governedAdherence(plans, plan.id, () => [], timeZone, first, to);
    for (const d of days) {
      if (d.planned === null || byDay.has(d.day)) continue;
      const definition = versions.get(d.version);
      if (!definition || poolOf(definition) !== pool) continue;
      const target = convertMass(d.planned, d.unit, unit);
      if (target === null) unconvertible.add(d.unit);
      byDay.set(d.day, target);
    }
  }
  result.targets = [...byDay.entries()]
    .flatMap(([day, target]) => (target === null ? [] : [{ day, target }]))
    .sort((a, b) => a.day.localeCompare(b.day));
  result.unconvertibleUnits = [...unconvertible].sort();
  return result;
}
