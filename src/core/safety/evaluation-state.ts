/**
 * What every check reads: the candidate resolved and converted, its time and calendar day in the
 * person's zone, and the history narrowed once to the entries that can matter.
 */

import { type ConversionResult, toCanonicalAmount } from "../units.ts";
import { zonedDayBounds } from "../zoned-time.ts";
import type { CompiledRules, ResolvedSubstance } from "./compile.ts";
import type { Ingestion, SafetyContext } from "./types.ts";

const HOUR_MS = 3_600_000;
/** A calendar day is at most 25 hours long (daylight-saving change). */
const LONGEST_DAY_MS = 25 * HOUR_MS;

export interface TimedIngestion {
  ingestion: Ingestion;
  substance: ResolvedSubstance;
  /** Epoch ms. */
  at: number;
}

export interface EvaluationState {
  compiled: CompiledRules;
  context: SafetyContext;
  candidate: TimedIngestion;
  conversion: ConversionResult | undefined;
  /** History within reach of any check, without the candidate's own id (an edit). */
  recent: TimedIngestion[];
  dayStart: number;
  dayEnd: number;
  /** The zone the day was computed in (UTC when the profile's zone is not valid). */
  timeZone: string;
  timeZoneValid: boolean;
}

export function resolveIngestion(compiled: CompiledRules, i: Ingestion): ResolvedSubstance {
  return compiled.resolve(i.substanceId, i.classes, i.substanceName);
}

export function convertIngestion(item: TimedIngestion): ConversionResult | undefined {
  const definition = item.substance.definition;
  if (!definition) return undefined;
  const i = item.ingestion;
  return toCanonicalAmount(definition, i.amount, i.unit, i.product);
}

function dayBounds(at: number, timeZone: string) {
  try {
    const { start, end } = zonedDayBounds(new Date(at), timeZone);
    return { start: start.getTime(), end: end.getTime(), timeZone, valid: true };
  } catch {
    const { start, end } = zonedDayBounds(new Date(at), "UTC");
    return { start: start.getTime(), end: end.getTime(), timeZone: "UTC", valid: false };
  }
}

export function buildState(compiled: CompiledRules, context: SafetyContext): EvaluationState {
  const c = context.candidate;
  const parsed = Date.parse(c.takenAt);
  const at = Number.isFinite(parsed) ? parsed : context.now.getTime();
  const candidate: TimedIngestion = { ingestion: c, substance: resolveIngestion(compiled, c), at };

  const planInterval = (context.plan?.minIntervalHours ?? 0) * HOUR_MS;
  const spacingReach = compiled.spacing.reduce((m, s) => Math.max(m, s.windowMs), 0);
  const reach = Math.max(
    compiled.maxInteractionWindowMs,
    LONGEST_DAY_MS,
    planInterval,
    spacingReach,
  );

  const recent: TimedIngestion[] = [];
  for (const ingestion of context.history) {
    if (ingestion.id === c.id) continue;
    const t = Date.parse(ingestion.takenAt);
    if (!Number.isFinite(t) || Math.abs(t - at) > reach) continue;
    recent.push({ ingestion, substance: resolveIngestion(compiled, ingestion), at: t });
  }

  const day = dayBounds(at, context.profile.timeZone);
  return {
    compiled,
    context,
    candidate,
    conversion: convertIngestion(candidate),
    recent,
    dayStart: day.start,
    dayEnd: day.end,
    timeZone: day.timeZone,
    timeZoneValid: day.valid,
  };
}
