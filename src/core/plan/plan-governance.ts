/**
 * Which plan governs a calendar day when a person has had several plans over time. Together with
 * `version-in-force.ts` (which version of one plan governs a day), this is the one place that
 * decides which target a past or present day is judged against; adherence and the safety check
 * of a dose both ask it.
 *
 * The rules, every day being a calendar day in the person's time zone:
 * 1. An ended plan (ended by hand, or replaced by a new plan) governs no day from the day it was
 *    ended on, that day included: a plan ended at 15:00 no longer governs that day, its last day
 *    is the day before. This mirrors a version: a version saved at 15:00 governs all of that day,
 *    and ending a plan is like saving a version that sets nothing. A day is judged against one
 *    plan or none, never half each. Days before the end keep the plan (and the version) they had:
 *    a dose dated yesterday is still checked against a plan ended today.
 * 2. A plan claims a day when the version in force on it (see `versionInForceOn`) sets a target
 *    for it (the day lies between its start date and its end date) and the plan has not ended by
 *    then (rule 1).
 * 3. Among plans about the same substance or product (core `coversSameSubject`, comparing the
 *    versions in force that day), a day belongs to the plan created first among those that claim
 *    it. A new plan may start in the past, but it never takes a day from an earlier plan for the
 *    same substance or product: a replacement governs the replaced plan's days only from the day
 *    it was created on (the day the old plan ended), and before that only the days the old plan
 *    set no target for. So a later plan never rewrites how an earlier day was judged, as a later
 *    version never does. "Created first" is by creation instant, then by id.
 * As a consequence a day is governed by at most one plan per substance or product.
 */

import { zonedDay } from "../zoned-time.ts";
import { addDays, dayCountOf, isCalendarDay } from "./calendar-day.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { coversSameSubject } from "./plan-subject.ts";
import { type DatedPlanVersion, effectiveFromDay } from "./version-in-force.ts";

/** What the rules read of a stored plan. */
export interface GovernedPlan<V extends DatedPlanVersion = DatedPlanVersion> {
  id: string;
  /** ISO-8601 instant the plan was created (its version 1 saved). */
  createdAt: string;
  /** ISO-8601 instant it was ended or replaced; null while it is active. */
  endedAt: string | null;
  versions: readonly V[];
}

/**
 * Where one plan stands on one day:
 * - `in-force`: the plan governs the day (its version may still set no target, before its start
 *   date or after its end date);
 * - `ended`: the day is on or after the day the plan was ended;
 * - `earlier-plan`: the plan would set a target, but an earlier plan for the same substance or
 *   product holds the day (`heldBy`).
 */
export type PlanDayState = "in-force" | "ended" | "earlier-plan";

export interface PlanDay<V extends DatedPlanVersion = DatedPlanVersion> {
  day: string;
  /** The version in force on the day (for an ended plan: the one in force when it ended). */
  version: V;
  state: PlanDayState;
  /** The earlier plan that holds the day, when `state` is `earlier-plan`. */
  heldBy: string | null;
}

/**
 * The day `plan` was ended on in `timeZone`: the first day it no longer governs. Null while it is
 * active. Throws `RangeError` for an unknown zone or an `endedAt` that is not a date.
 */
export function endedOnDay(
  plan: Pick<GovernedPlan, "id" | "endedAt">,
  timeZone: string,
): string | null {
  if (plan.endedAt === null) return null;
  const instant = Date.parse(plan.endedAt);
  if (Number.isNaN(instant)) {
    throw new RangeError(`plan ${plan.id}: endedAt is not a date: ${plan.endedAt}`);
  }
  return zonedDay(new Date(instant), timeZone);
}

/** True when `definition` sets a target for `day`: between its start and end dates. */
function setsTargetOn(definition: PlanDefinition, day: string): boolean {
  return (
    definition.startDate <= day && (definition.endDate === undefined || day <= definition.endDate)
  );
}

interface Prepared<P extends GovernedPlan<V>, V extends DatedPlanVersion> {
  plan: P;
  /** Versions by number, with the first day each governs. */
  versions: { version: V; from: string }[];
  endedOn: string | null;
}

function creationOrder(a: GovernedPlan, b: GovernedPlan): number {
  const at = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (at !== 0 && !Number.isNaN(at)) return at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Each plan's version days and end day, computed once (time-zone arithmetic is the costly part). */
function prepare<P extends GovernedPlan<V>, V extends DatedPlanVersion>(
  plans: readonly P[],
  timeZone: string,
): Prepared<P, V>[] {
  const ids = new Set<string>();
  return [...plans].sort(creationOrder).map((plan) => {
    if (ids.has(plan.id)) throw new RangeError(`plan ${plan.id} is given twice`);
    ids.add(plan.id);
    if (plan.versions.length === 0) throw new RangeError(`plan ${plan.id} has no version`);
    const versions = [...plan.versions]
      .sort((a, b) => a.version - b.version)
      .map((version) => ({ version, from: effectiveFromDay(version, timeZone) }));
    return { plan, versions, endedOn: endedOnDay(plan, timeZone) };
  });
}

/** The version in force on `day` (as `versionInForceOn`, from prepared first days). */
function versionOn<V extends DatedPlanVersion>(
  versions: readonly { version: V; from: string }[],
  day: string,
): V {
  let chosen = (versions[0] as { version: V }).version;
  for (const v of versions) if (v.from <= day) chosen = v.version;
  return chosen;
}

/** Every plan's standing on `day`, in creation order. */
function judgeDay<P extends GovernedPlan<V>, V extends DatedPlanVersion>(
  prepared: readonly Prepared<P, V>[],
  day: string,
): { plan: P; day: PlanDay<V> }[] {
  const holders: { id: string; definition: PlanDefinition }[] = [];
  return prepared.map(({ plan, versions, endedOn }) => {
    const version = versionOn(versions, day);
    if (endedOn !== null && day >= endedOn) {
      return { plan, day: { day, version, state: "ended", heldBy: null } };
    }
    const definition = version.definition;
    if (!setsTargetOn(definition, day)) {
      return { plan, day: { day, version, state: "in-force", heldBy: null } };
    }
    const holder = holders.find((h) => coversSameSubject(h.definition, definition));
    if (holder) {
      return { plan, day: { day, version, state: "earlier-plan", heldBy: holder.id } };
    }
    holders.push({ id: plan.id, definition });
    return { plan, day: { day, version, state: "in-force", heldBy: null } };
  });
}

/**
 * The plans that set the target of `day` (YYYY-MM-DD in `timeZone`), each with the version in
 * force on it, in creation order: at most one per substance or product. A plan whose version
 * does not set a target that day is left out. `plans` should hold every plan of the person that
 * had not ended before that day (an earlier one cannot govern it, so it may be left out). Throws
 * `RangeError` for a bad day, an unknown zone, a plan without versions or a plan given twice.
 */
export function plansInForceOn<P extends GovernedPlan<V>, V extends DatedPlanVersion>(
  plans: readonly P[],
  day: string,
  timeZone: string,
): { plan: P; version: V }[] {
  if (!isCalendarDay(day)) throw new RangeError(`day must be a calendar day: ${day}`);
  return judgeDay(prepare<P, V>(plans, timeZone), day)
    .filter(({ day: d }) => d.state === "in-force" && setsTargetOn(d.version.definition, day))
    .map(({ plan, day: d }) => ({ plan, version: d.version }));
}

/**
 * Where the plan `planId` stands on each day from `from` to `to` (inclusive, in `timeZone`),
 * judged among `plans` (the person's plans, that one included). Throws `RangeError` as
 * `plansInForceOn` does, when `to` is before `from`, or when `planId` is not among `plans`.
 */
export function planDays<V extends DatedPlanVersion>(
  plans: readonly GovernedPlan<V>[],
  planId: string,
  timeZone: string,
  from: string,
  to: string,
): PlanDay<V>[] {
  const dayCount = dayCountOf(from, to);
  if (!plans.some((p) => p.id === planId)) throw new RangeError(`plan ${planId} is not given`);
  // Only plans created no later than this one can hold its days.
  const prepared = prepare<GovernedPlan<V>, V>(plans, timeZone);
  const upTo = prepared.slice(0, prepared.findIndex((p) => p.plan.id === planId) + 1);
  const days: PlanDay<V>[] = [];
  for (let offset = 0; offset < dayCount; offset++) {
    const day = addDays(from, offset);
    const mine = judgeDay(upTo, day).at(-1);
    if (mine) days.push(mine.day);
  }
  return days;
}

/** Consecutive days with the same version, state and holder, as runs. */
export function planDayRuns<V extends DatedPlanVersion>(
  days: readonly PlanDay<V>[],
): { from: string; to: string; version: V; state: PlanDayState; heldBy: string | null }[] {
  const runs: {
    from: string;
    to: string;
    version: V;
    state: PlanDayState;
    heldBy: string | null;
  }[] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (
      last &&
      last.version === d.version &&
      last.state === d.state &&
      last.heldBy === d.heldBy &&
      addDays(last.to, 1) === d.day
    ) {
      last.to = d.day;
    } else {
      runs.push({ from: d.day, to: d.day, version: d.version, state: d.state, heldBy: d.heldBy });
    }
  }
  return runs;
}
