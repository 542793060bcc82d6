import { MAX_WINDOW_DAYS } from "../../api/plan-schemas.ts";
import {
  addDays,
  daysBetween,
  endedOnDay,
  type GovernedAdherenceDay,
  governedAdherence,
  ON_PLAN_TOLERANCE,
  type PlanDefinition,
  type PlanIssue,
  planDoses,
} from "../../core/plan/index.ts";
import { nextDay, startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { listIngestions } from "../../db/ingestions.ts";
import { findUserById } from "../../db/users.ts";
import { loadSubstances } from "../../knowledge/substances.ts";
import type { App } from "../context.ts";
import { invalidInput, notFound } from "../http/api-error.ts";
import { type Actor, findPlanAmongOwnOf } from "./plan-service.ts";

/** Days shown when the client names no range: the last two weeks, today included. */
export const DEFAULT_ADHERENCE_DAYS = 14;

const HOUR_MS = 3_600_000;

/** The pool a substance's amounts are added to (leaf powder and capsules share one). */
function poolOf(substanceId: string): string {
  const substance = loadSubstances().substances.find((s) => s.id === substanceId);
  return substance?.canonical.pool ?? substanceId;
}

export interface PlanAdherence {
  planId: string;
  /** The current version's unit (a day judged against an older version gives its own). */
  unit: string;
  /** The current version's number. */
  version: number;
  timeZone: string;
  /** The day the plan was ended on (the first day it no longer governs); null while active. */
  endedOn: string | null;
  from: string;
  to: string;
  tolerance: number;
  days: GovernedAdherenceDay[];
  /** Versions governing a day of the range that no longer pass validation (days `plan-invalid`). */
  invalidVersions: { version: number; issues: { field: string; message: string }[] }[];
}

/**
 * Taken against planned per day for one of the subject's plans, in the subject's time zone, from
 * `from` to `to` (inclusive; default: the last 14 days to today). Each day is judged against the
 * version in force on it (core `versionInForceOn`: a version governs from the start of the day
 * it was saved, in the subject's zone), so revising the plan never changes an earlier day; the
 * doses counted and their unit are that version's too. Only days the plan governs have a target
 * (core `planDays`): none from the day it was ended on, none on days an earlier plan for the
 * same substance or product holds. Days of a version that no longer validates are marked
 * `plan-invalid` rather than failing the range. The subject's plans and all their versions come
 * from one read (two queries, as for one plan), the doses of the whole range from one more. 404
 * when the plan is not the subject's; 400 naming `query.from` for a range too long.
 */
export async function planAdherenceOf(
  app: App,
  who: Actor,
  planId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<PlanAdherence> {
  const { plan, plans } = await findPlanAmongOwnOf(app, who, planId);
  const subject = await findUserById(app.mitra.db, who.subjectUserId);
  if (!subject) throw notFound("Plan");
  const timeZone = subject.time_zone;
  const to = range.to ?? zonedDay(app.mitra.now(), timeZone);
  const from = range.from ?? addDays(to, -(DEFAULT_ADHERENCE_DAYS - 1));
  if (from > to) throw invalidInput([{ field: "query.to", message: "must not be before from" }]);
  if (daysBetween(from, to) + 1 > MAX_WINDOW_DAYS) {
    throw invalidInput([
      { field: "query.from", message: `the range may cover at most ${MAX_WINDOW_DAYS} days` },
    ]);
  }
  // Doses just before the range still count as "the previous dose" for the minimum interval.
  const longestInterval = Math.max(
    0,
    ...plan.versions.map((v) => v.definition.minHoursBetweenDoses ?? 0),
  );
  const logged = await listIngestions(app.mitra.db, who.subjectUserId, {
    from: new Date(startOfZonedDay(from, timeZone).getTime() - longestInterval * HOUR_MS),
    to: startOfZonedDay(nextDay(to), timeZone),
  });
  const dosesFor = ({ definition }: { definition: PlanDefinition }) =>
    planDoses(definition, logged, poolOf);
  const judged = governedAdherence(plans, plan.id, dosesFor, timeZone, from, to);
  return {
    planId: plan.id,
    unit: plan.current.definition.unit,
    version: plan.current.version,
    timeZone,
    endedOn: endedOnDay(plan, timeZone),
    from,
    to,
    tolerance: ON_PLAN_TOLERANCE,
    days: judged.days,
    invalidVersions: judged.invalidVersions.map(({ version, issues }) => ({
      version,
      issues: issues.map((i: PlanIssue) => ({ field: `plan.${i.field}`, message: i.message })),
    })),
  };
}
