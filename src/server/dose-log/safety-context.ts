import type { ActivePlanLimits } from "../../core/plan/active-plan.ts";
import type { CompiledRules } from "../../core/safety/compile.ts";
import { evaluate } from "../../core/safety/evaluate.ts";
import type {
  ActivePlan,
  AssessmentRecord,
  Ingestion,
  Profile,
  SafetyContext,
} from "../../core/safety/types.ts";
import type { Warning } from "../../core/warning.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import { latestAssessments } from "../../db/assessments.ts";
import {
  type IngestionRecord,
  listIngestions,
  safetyHistory,
  toSafetyIngestion,
} from "../../db/ingestions.ts";
import { activePlanForDay } from "../../db/plans.ts";
import { safetyProfileFor } from "../../db/profile.ts";
import type { App } from "../context.ts";

/**
 * Everything the safety engine reads about a person, loaded with as few and as narrow queries as
 * the rules allow: the profile, the doses within reach of any rule around the checked time, the
 * latest answers to the instruments the rules read, and the plans in force that day.
 */

const HOUR_MS = 3_600_000;
/** A calendar day is at most 25 hours long (daylight-saving change): the day total's reach. */
const LONGEST_DAY_MS = 25 * HOUR_MS;
/**
 * How far back a reported sign (skin darkening, yellow skin) still counts when the person has not
 * answered the same question since. A product choice, not a medical threshold: an answer older
 * than a month is stale enough that a new check-in should ask again.
 */
export const ASSESSMENT_LOOKBACK_MS = 30 * 24 * HOUR_MS;

export interface PersonSafetyData {
  profile: Profile;
  /** Doses within reach of the checked time (deleted ones left out), as stored. */
  records: IngestionRecord[];
  /** The same doses as the engine sees them. */
  history: Ingestion[];
  assessments: AssessmentRecord[];
  /** Plans in force on the checked day (one per substance or product). */
  plans: ActivePlanLimits[];
}

/** How far from a dose (either way) another dose can still matter to any rule. */
export function historyReachMs(rules: CompiledRules, plans: readonly ActivePlan[] = []): number {
  const spacing = rules.spacing.reduce((m, s) => Math.max(m, s.windowMs), 0);
  const planInterval = plans.reduce((m, p) => Math.max(m, (p.minIntervalHours ?? 0) * HOUR_MS), 0);
  return Math.max(rules.maxInteractionWindowMs, LONGEST_DAY_MS, spacing, planInterval);
}

/** Instruments the reported-sign rules read (e.g. red-flags). */
function signInstruments(rules: CompiledRules): string[] {
  return [...new Set(rules.rules.limits.reportedSigns.map((r) => r.instrument))];
}

/**
 * The reads a check needs, issued together: profile, plans in force on `day`, the doses within
 * reach of any rule around [from, to] (read by `readDoses`), and the latest sign answers. The
 * doses are read once more, further back, only when a plan's minimum interval reaches beyond
 * every rule.
 */
async function loadPersonData<D>(
  app: App,
  rules: CompiledRules,
  person: { id: string; timeZone: string },
  span: { from: Date; to: Date; day: string },
  readDoses: (range: { from: Date; to: Date }) => Promise<D[]>,
) {
  const { db } = app.mitra;
  const now = app.mitra.now();
  const doses = (reach: number) =>
    readDoses({
      from: new Date(span.from.getTime() - reach),
      to: new Date(span.to.getTime() + reach + 1),
    });
  const instruments = signInstruments(rules);
  const rulesReach = historyReachMs(rules);
  const [profile, plans, nearby, latest] = await Promise.all([
    safetyProfileFor(db, person.id, person.timeZone),
    activePlanForDay(db, person.id, span.day, person.timeZone),
    doses(rulesReach),
    latestAssessments(db, person.id, instruments, {
      from: new Date(now.getTime() - ASSESSMENT_LOOKBACK_MS),
      to: now,
    }),
  ]);
  const reach = historyReachMs(rules, plans);
  const byInstrument = new Map(latest.map((a) => [a.instrument, a]));
  return {
    profile,
    plans,
    doses: reach > rulesReach ? await doses(reach) : nearby,
    assessments: instruments
      .map((instrument) => byInstrument.get(instrument))
      .filter((a) => a !== undefined)
      .map((a) => ({ instrument: a.instrument, takenAt: a.takenAt, answers: a.answers })),
  };
}

/**
 * Loads what the engine needs to check doses taken between `from` and `to` (one instant for a
 * single dose; a day for Today) on calendar `day` in the person's zone, with the doses as stored.
 */
export async function loadSafetyData(
  app: App,
  rules: CompiledRules,
  person: { id: string; timeZone: string },
  span: { from: Date; to: Date; day: string },
): Promise<PersonSafetyData> {
  const { doses, ...rest } = await loadPersonData(app, rules, person, span, (range) =>
    listIngestions(app.mitra.db, person.id, range),
  );
  return { ...rest, records: doses, history: doses.map(toSafetyIngestion) };
}

/**
 * The plan that governs this dose: the one for its product, else the one whose substance shares
 * its pool (leaf powder and leaf capsules); none for anything else.
 */
export function planFor(
  rules: CompiledRules,
  plans: readonly ActivePlanLimits[],
  candidate: Ingestion,
): ActivePlan | undefined {
  const byProduct = plans.find(
    (p) => p.productId !== undefined && p.productId === candidate.productId,
  );
  if (byProduct) return byProduct;
  const pool = rules.resolve(
    candidate.substanceId,
    candidate.classes,
    candidate.substanceName,
  ).pool;
  return plans.find(
    (p) => p.substanceId !== undefined && rules.resolve(p.substanceId).pool === pool,
  );
}

/** The warnings for `candidate` given what was loaded. */
export function warningsFor(
  rules: CompiledRules,
  data: Omit<PersonSafetyData, "records">,
  candidate: Ingestion,
  now: Date,
): Warning[] {
  const plan = planFor(rules, data.plans, candidate);
  const context: SafetyContext = {
    profile: data.profile,
    history: data.history,
    assessments: data.assessments,
    candidate,
    now,
    ...(plan ? { plan } : {}),
  };
  return evaluate(rules, context);
}

/** Loads and checks one dose: the warnings a person sees before and after logging it. */
export async function checkDose(
  app: App,
  rules: CompiledRules,
  person: { id: string; timeZone: string },
  candidate: Ingestion,
): Promise<Warning[]> {
  const at = new Date(candidate.takenAt);
  const day = safeZonedDay(at, person.timeZone);
  // The doses only as the engine sees them: no stored records needed here.
  const { doses, ...rest } = await loadPersonData(
    app,
    rules,
    person,
    { from: at, to: at, day },
    (range) => safetyHistory(app.mitra.db, person.id, range),
  );
  return warningsFor(rules, { ...rest, history: doses }, candidate, app.mitra.now());
}

/** The calendar day in the zone; in UTC when the stored zone is not one the runtime knows. */
export function safeZonedDay(at: Date, timeZone: string): string {
  try {
    return zonedDay(at, timeZone);
  } catch {
    return zonedDay(at, "UTC");
  }
}
