import type { Severity, Warning } from "../warning.ts";
import {
  type AnsweredCheckIn,
  type CheckInAlert,
  type CheckInKnowledge,
  checkInAlerts,
  openRedFlags,
  type ReportedSign,
  reportedSigns,
} from "./check-in-signals.ts";
import { doseFlags } from "./dose-flags.ts";
import {
  type AssessmentPoint,
  type RisingScore,
  type ScoreScale,
  scoreSignals,
} from "./score-signals.ts";
import { triageSince } from "./windows.ts";

/** What was loaded about one person for the dashboard. */
export interface PatientTriageInput {
  /** When the care link was made (days before it are not missed check-ins). */
  linkedAt: string;
  /** The link grants the assessments scope: the assessment signals are read. */
  sharesAssessments: boolean;
  /** The link grants the doses scope: the dose signals are read. */
  sharesDoses: boolean;
  /** Assessments since `triageSince(now).assessments`. */
  points: readonly AssessmentPoint[];
  /** Check-ins since `triageSince(now).checkIns` not marked as seen by this clinician. */
  checkIns: readonly AnsweredCheckIn[];
  /** Newest clinician note on the person's record, or null. */
  lastNoteAt: string | null;
  /** The warnings stored with each flagged dose since `triageSince(now).doses`. */
  doseWarnings: readonly (readonly Warning[])[];
  lastCheckInAt: string | null;
  lastDoseAt: string | null;
  /** Plans in force for the person (read only with the doses scope). */
  activePlans: number;
}

export interface TriageKnowledge extends CheckInKnowledge {
  /** `scoreScales(instruments)`, computed once per dashboard. */
  scales: ReadonlyMap<string, ScoreScale>;
}

/** One person's signals; a signal is null when the link does not grant the scope it reads. */
export interface TriageSignals {
  openRedFlags: number | null;
  lastRedFlagAt: string | null;
  rising: RisingScore[] | null;
  /** Open reported signs, worst first. */
  reportedSigns: ReportedSign[] | null;
  /** Open check-ins with a red flag or reported sign, newest first. */
  alerts: CheckInAlert[] | null;
  /** Whether a plan is in force, so "none over plan" is not said of someone with no plan. */
  onPlan: boolean | null;
  dosesOverPlan: number | null;
  riskyCombinations: number | null;
  worstCombination: Severity | null;
  missedCheckIns: number | null;
  /** Of the last CHECK_IN_DAYS rolling days, how many began after the link (and so count). */
  checkInDaysCounted: number | null;
  /** Highest score per window as % of the instrument's range, oldest first; null = none. */
  sparkline: (number | null)[] | null;
  lastCheckInAt: string | null;
  lastDoseAt: string | null;
  /** Newest check-in or dose the clinician may see. */
  lastEntryAt: string | null;
}

const newest = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : a > b ? a : b;

/**
 * One person's triage signals as of `now`:
 * - open red flags: red-flagged check-ins of the last RED_FLAG_DAYS that no clinician note
 *   followed (and, as loaded, this clinician has not marked as seen), each named by its items;
 * - reported signs: answers in the same open check-ins that a reported-sign rule already warns
 *   about, at the rule's own severity (no threshold of its own);
 * - rising scores, sparkline and missed check-ins: see `scoreSignals`;
 * - doses over plan and risky combinations: see `doseFlags`.
 */
export function patientSignals(
  input: PatientTriageInput,
  knowledge: TriageKnowledge,
  now: Date,
): TriageSignals {
  const since = triageSince(now).checkIns.toISOString();
  const shared = input.sharesAssessments;
  const scores = shared ? scoreSignals(input.points, knowledge.scales, now, input.linkedAt) : null;
  const alerts = shared ? checkInAlerts(input.checkIns, since, input.lastNoteAt, knowledge) : null;
  const redFlags = alerts ? openRedFlags(alerts) : null;
  const flags = input.sharesDoses ? doseFlags(input.doseWarnings) : null;
  return {
    openRedFlags: redFlags?.length ?? null,
    lastRedFlagAt: redFlags?.[0]?.takenAt ?? null,
    rising: scores?.rising ?? null,
    reportedSigns: shared
      ? reportedSigns(input.checkIns, since, input.lastNoteAt, knowledge)
      : null,
    alerts,
    onPlan: input.sharesDoses ? input.activePlans > 0 : null,
    dosesOverPlan: flags?.overPlan ?? null,
    riskyCombinations: flags?.combinations ?? null,
    worstCombination: flags?.worst ?? null,
    missedCheckIns: scores?.missedCheckIns ?? null,
    checkInDaysCounted: scores?.checkInDaysCounted ?? null,
    sparkline: scores?.sparkline ?? null,
    lastCheckInAt: input.lastCheckInAt,
    lastDoseAt: input.lastDoseAt,
    lastEntryAt: newest(input.lastCheckInAt, input.lastDoseAt),
  };
}
