import type { Kysely } from "kysely";
import {
  assessmentTrend,
  type FlaggedItem,
  flaggedItems,
  reportedSignWarnings,
  TREND_WINDOW_HOURS,
} from "../../core/assessment/index.ts";
import { isOverPlan, riskyCombinations } from "../../core/notifications/dose-signals.ts";
import { type Severity, severityRank, type Warning, worseSeverity } from "../../core/warning.ts";
import { decodeScopes } from "../../db/care-team.ts";
import type { Database } from "../../db/schema.ts";
import type { CareScope } from "../../db/tables/care-team.ts";
import {
  type AnsweredCheckIn,
  type AssessmentPoint,
  assessmentPoints,
  flaggedDoses,
  linkedPatients,
  openCheckIns,
} from "../../db/triage-signals.ts";
import { findInstrument, loadInstruments } from "../../knowledge/instruments.ts";
import { loadLimits } from "../../knowledge/limits.ts";

/**
 * The clinician's triage dashboard: every consenting patient with the signals that need
 * attention, worst first. Windows are Mitra display conventions, not clinical thresholds:
 * - sparkline: 14 rolling 24-hour windows ending now (not calendar days);
 * - open red flags: red-flagged assessments in the last 7 days that no clinician note followed
 *   and this clinician has not marked as seen, each named by its items ("Chest pain");
 * - reported signs: answers in the same 7 days, with no clinician note after them and not marked
 *   as seen by this clinician, that a reported-sign rule of limits.json already warns about (e.g.
 *   pale stools on the side-effects checklist), at the rule's own severity; an answer that raised
 *   a red flag counts there, not here. No threshold of its own: only what a rule already marks;
 * - rising scores: core `assessmentTrend` over the last 72 hours (its window);
 * - doses over plan and risky combinations: the warnings stored with each dose when it was
 *   logged, over the last 72 hours (the safety engine enforced the plan in force then);
 * - missed check-ins: of the last 3 rolling days that began after the care link did, those
 *   without any assessment (a link made today has no day to miss yet).
 */
export const SPARKLINE_DAYS = 14;
export const RED_FLAG_DAYS = 7;
export const DOSE_SIGNAL_HOURS = TREND_WINDOW_HOURS;
export const CHECK_IN_DAYS = 3;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface RisingScore {
  instrument: string;
  instrumentName: string;
  latest: number;
  lowest: number;
  takenAt: string;
}

export interface ReportedSign {
  instrument: string;
  instrumentName: string;
  item: string;
  /** The item's short label, e.g. "Pale stools". */
  label: string;
  /** The rule's severity (the worst, when several rules name the item). */
  severity: Severity;
  /** How many open check-ins reported it, and the newest. */
  count: number;
  lastAt: string;
}

/** One open check-in that raised a red flag or a reported sign, with what it raised. */
export interface CheckInAlert {
  assessmentId: string;
  instrument: string;
  instrumentName: string;
  takenAt: string;
  /** Red flags first; a check-in marked red-flagged whose item no longer matches says "Red flag". */
  items: FlaggedItem[];
}

export type ReasonKind =
  | "red-flag"
  | "combination"
  | "rising"
  | "reported-sign"
  | "over-plan"
  | "missed-check-in";

export interface TriageReason {
  kind: ReasonKind;
  text: string;
}

export interface TriageRow {
  patient: { id: string; displayName: string | null; email: string; timeZone: string };
  linkId: string;
  scopes: CareScope[];
  maySetPlans: boolean;
  linkedAt: string;
  /** Null when the link does not grant the scope the signal reads. */
  openRedFlags: number | null;
  lastRedFlagAt: string | null;
  rising: RisingScore[] | null;
  /** Open reported signs, worst first; null without the assessments scope. */
  reportedSigns: ReportedSign[] | null;
  /** Open check-ins with a red flag or reported sign, newest first; null without assessments. */
  alerts: CheckInAlert[] | null;
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
  /** Plain reasons for the row's place, worst first (empty when nothing needs attention). */
  reasons: TriageReason[];
  /** The row's level: `urgent` (red flag), `high`, `watch`, or `ok`. */
  level: "urgent" | "high" | "watch" | "ok";
}

export interface TriageDashboard {
  generatedAt: string;
  windows: {
    sparklineDays: number;
    redFlagDays: number;
    doseSignalHours: number;
    trendHours: number;
    checkInDays: number;
  };
  patients: TriageRow[];
}

interface ScoreScale {
  name: string;
  min: number;
  max: number;
}

/** Instruments with a total, by id: their names and ranges (to put totals on one 0-100 scale). */
function scoreScales(): Map<string, ScoreScale> {
  return new Map(
    loadInstruments().flatMap((i) =>
      i.totalRange && i.totalRange.max > i.totalRange.min
        ? [[i.id, { name: i.shortName, min: i.totalRange.min, max: i.totalRange.max }] as const]
        : [],
    ),
  );
}

function groupByUser<T extends { userId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byUser = new Map<string, T[]>();
  for (const row of rows) {
    const list = byUser.get(row.userId);
    if (list) list.push(row);
    else byUser.set(row.userId, [row]);
  }
  return byUser;
}

interface AssessmentSignals {
  rising: RisingScore[];
  sparkline: (number | null)[];
  missedCheckIns: number;
  checkInDaysCounted: number;
}

/**
 * Trends, sparkline and missed check-ins from one person's last 14 days; a check-in day counts
 * only when it began at or after `linkedAt`.
 */
function assessmentSignals(
  points: readonly AssessmentPoint[],
  scales: Map<string, ScoreScale>,
  now: Date,
  linkedAt: string,
): AssessmentSignals {
  const nowMs = now.getTime();
  const firstBucketMs = nowMs - SPARKLINE_DAYS * DAY_MS;
  const trendSinceMs = nowMs - TREND_WINDOW_HOURS * HOUR_MS;
  const sparkline: (number | null)[] = Array.from({ length: SPARKLINE_DAYS }, () => null);
  const counts = Array.from({ length: SPARKLINE_DAYS }, () => 0);
  const histories = new Map<string, { takenAt: string; total: number }[]>();

  for (const p of points) {
    const at = Date.parse(p.takenAt);
    const bucket = Math.min(SPARKLINE_DAYS - 1, Math.floor((at - firstBucketMs) / DAY_MS));
    if (bucket >= 0) counts[bucket] = (counts[bucket] ?? 0) + 1;
    const scale = scales.get(p.instrument);
    if (p.total !== null && scale) {
      const percent = Math.round(((p.total - scale.min) * 100) / (scale.max - scale.min));
      if (bucket >= 0) sparkline[bucket] = Math.max(sparkline[bucket] ?? 0, percent);
      // "Rising" looks only inside the trend window, so only those totals go to the trend.
      if (at >= trendSinceMs) {
        const history = histories.get(p.instrument) ?? [];
        history.push({ takenAt: p.takenAt, total: p.total });
        histories.set(p.instrument, history);
      }
    }
  }

  const rising: RisingScore[] = [];
  for (const [instrument, history] of histories) {
    const scale = scales.get(instrument);
    if (!scale) continue;
    const trend = assessmentTrend(history, now, scale);
    if (trend.rising && trend.latest && trend.lowestIn72h) {
      rising.push({
        instrument,
        instrumentName: scale.name,
        latest: trend.latest.total,
        lowest: trend.lowestIn72h.total,
        takenAt: trend.latest.takenAt,
      });
    }
  }
  const linkedMs = Date.parse(linkedAt);
  const counted = counts
    .map((count, bucket) => ({ count, startMs: firstBucketMs + bucket * DAY_MS }))
    .slice(-CHECK_IN_DAYS)
    .filter((day) => day.startMs >= linkedMs);
  return {
    rising,
    sparkline,
    missedCheckIns: counted.filter((day) => day.count === 0).length,
    checkInDaysCounted: counted.length,
  };
}

/**
 * The open check-ins (taken since `since`, after the last clinician note) that raised a red flag
 * or a reported sign, newest first, each with what it raised.
 */
export function checkInAlerts(
  checkIns: readonly AnsweredCheckIn[],
  since: string,
  lastNoteAt: string | null,
): CheckInAlert[] {
  const rules = loadLimits().reportedSigns;
  const alerts: CheckInAlert[] = [];
  for (const c of checkIns) {
    if (c.takenAt < since || (lastNoteAt !== null && c.takenAt <= lastNoteAt)) continue;
    const instrument = findInstrument(c.instrument);
    const items = instrument ? flaggedItems(instrument, c.answers, rules) : [];
    if (c.redFlag && !items.some((i) => i.kind === "red-flag")) {
      items.unshift({ itemId: "", label: "Red flag", kind: "red-flag", severity: "urgent" });
    }
    if (items.length === 0) continue;
    alerts.push({
      assessmentId: c.id,
      instrument: c.instrument,
      instrumentName: instrument?.shortName ?? c.instrument,
      takenAt: c.takenAt,
      items,
    });
  }
  return alerts.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/**
 * The reported signs in one person's check-ins (with their answers) since `since` that no clinician
 * note followed: each item a reported-sign rule warns about, by item, worst first.
 */
export function reportedSigns(
  checkIns: readonly AnsweredCheckIn[],
  since: string,
  lastNoteAt: string | null,
): ReportedSign[] {
  const rules = loadLimits().reportedSigns;
  const byItem = new Map<string, ReportedSign>();
  for (const c of checkIns) {
    if (c.takenAt < since || (lastNoteAt !== null && c.takenAt <= lastNoteAt)) continue;
    const instrument = findInstrument(c.instrument);
    if (!instrument) continue;
    for (const w of reportedSignWarnings(instrument, c.answers, rules)) {
      const itemId = String(w.details?.itemId ?? "");
      const item = instrument.items.find((i) => i.id === itemId);
      if (!item) continue;
      const key = `${instrument.id}/${item.id}`;
      const sign = byItem.get(key);
      if (sign) {
        sign.count++;
        sign.severity = worseSeverity(sign.severity, w.severity);
        if (c.takenAt > sign.lastAt) sign.lastAt = c.takenAt;
      } else {
        byItem.set(key, {
          instrument: instrument.id,
          instrumentName: instrument.shortName,
          item: item.id,
          label: item.shortLabel,
          severity: w.severity,
          count: 1,
          lastAt: c.takenAt,
        });
      }
    }
  }
  return [...byItem.values()].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) || b.lastAt.localeCompare(a.lastAt),
  );
}

/** The instruments the reported-sign rules ask about (those whose answers the dashboard reads). */
function signInstruments(): string[] {
  return [...new Set(loadLimits().reportedSigns.map((r) => r.instrument))].sort();
}

interface DoseFlags {
  overPlan: number;
  combinations: number;
  worst: Severity | null;
}

function doseFlags(warningLists: readonly string[]): DoseFlags {
  const flags: DoseFlags = { overPlan: 0, combinations: 0, worst: null };
  for (const text of warningLists) {
    const warnings = JSON.parse(text) as Warning[];
    if (isOverPlan(warnings)) flags.overPlan++;
    const risky = riskyCombinations(warnings);
    if (risky.length > 0) {
      flags.combinations++;
      for (const w of risky)
        flags.worst = flags.worst ? worseSeverity(flags.worst, w.severity) : w.severity;
    }
  }
  return flags;
}

const newest = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : a > b ? a : b;

/** The order of the dashboard: each signal in turn, worst first; then the oldest news first. */
function compareRows(a: TriageRow, b: TriageRow): number {
  const keys: ((r: TriageRow) => number)[] = [
    (r) => r.openRedFlags ?? 0,
    (r) => (r.worstCombination ? severityRank(r.worstCombination) : -1),
    (r) => r.rising?.length ?? 0,
    (r) => (r.reportedSigns?.[0] ? severityRank(r.reportedSigns[0].severity) : -1),
    (r) => r.dosesOverPlan ?? 0,
    (r) => r.riskyCombinations ?? 0,
    (r) => r.missedCheckIns ?? 0,
  ];
  for (const key of keys) {
    const d = key(b) - key(a);
    if (d !== 0) return d;
  }
  const ae = a.lastEntryAt ?? "";
  const be = b.lastEntryAt ?? "";
  if (ae !== be) return ae < be ? -1 : 1;
  return (a.patient.displayName ?? a.patient.email).localeCompare(
    b.patient.displayName ?? b.patient.email,
  );
}

function reasonsOf(row: TriageRow): { reasons: TriageReason[]; level: TriageRow["level"] } {
  const reasons: TriageReason[] = [];
  const add = (kind: ReasonKind, text: string) => reasons.push({ kind, text });
  if (row.openRedFlags) {
    const labels = new Set(
      (row.alerts ?? []).flatMap((a) =>
        a.items.filter((i) => i.kind === "red-flag").map((i) => i.label),
      ),
    );
    add("red-flag", `Red flag not yet seen: ${[...labels].join(", ")}`);
  }
  if (row.riskyCombinations) {
    add(
      "combination",
      `${row.riskyCombinations} dose${row.riskyCombinations === 1 ? "" : "s"} in a ${row.worstCombination} combination`,
    );
  }
  for (const r of row.rising ?? []) {
    add("rising", `${r.instrumentName} rising: ${r.lowest} → ${r.latest}`);
  }
  const signs = row.reportedSigns ?? [];
  for (const instrumentName of new Set(signs.map((s) => s.instrumentName))) {
    const labels = signs.filter((s) => s.instrumentName === instrumentName).map((s) => s.label);
    add("reported-sign", `${instrumentName}: ${labels.join(", ")} reported, not yet seen`);
  }
  if (row.dosesOverPlan) {
    add("over-plan", `${row.dosesOverPlan} dose${row.dosesOverPlan === 1 ? "" : "s"} over plan`);
  }
  if (row.missedCheckIns) {
    const days = row.checkInDaysCounted ?? CHECK_IN_DAYS;
    add(
      "missed-check-in",
      days === 1
        ? "no check-in in the last day"
        : `no check-in on ${row.missedCheckIns} of the last ${days} days`,
    );
  }
  const level: TriageRow["level"] = row.openRedFlags
    ? "urgent"
    : row.riskyCombinations ||
        row.rising?.length ||
        row.dosesOverPlan ||
        signs.some((s) => severityRank(s.severity) >= severityRank("unsafe"))
      ? "high"
      : row.missedCheckIns || signs.length > 0
        ? "watch"
        : "ok";
  return { reasons, level };
}

/**
 * The dashboard's data for one clinician as of `now`: four set-based queries over all their
 * consenting patients (run together), then per-patient assembly in memory.
 */
export async function triageDashboard(
  db: Kysely<Database>,
  clinicianId: string,
  now: Date,
): Promise<TriageDashboard> {
  const nowMs = now.getTime();
  const scales = scoreScales();
  const signSince = new Date(nowMs - RED_FLAG_DAYS * DAY_MS);
  const [links, points, flagged, open] = await Promise.all([
    linkedPatients(db, clinicianId),
    assessmentPoints(db, clinicianId, new Date(nowMs - SPARKLINE_DAYS * DAY_MS), now),
    flaggedDoses(db, clinicianId, new Date(nowMs - DOSE_SIGNAL_HOURS * HOUR_MS), now),
    openCheckIns(db, clinicianId, signInstruments(), signSince, now),
  ]);
  const flaggedBy = groupByUser(flagged);

  const rows = links.map((link): TriageRow => {
    const scopes = decodeScopes(link.scopes);
    const id = link.patientId;
    const shared = scopes.includes("assessments");
    const signals = shared
      ? assessmentSignals(points.get(id) ?? [], scales, now, link.linkedAt)
      : null;
    const checkIns = open.get(id) ?? [];
    const alerts = shared
      ? checkInAlerts(checkIns, signSince.toISOString(), link.lastNoteAt)
      : null;
    const redFlags = alerts?.filter((a) => a.items.some((i) => i.kind === "red-flag")) ?? null;
    const flags = scopes.includes("doses")
      ? doseFlags((flaggedBy.get(id) ?? []).map((d) => d.warnings))
      : null;
    const row: TriageRow = {
      patient: { id, displayName: link.displayName, email: link.email, timeZone: link.timeZone },
      linkId: link.linkId,
      scopes,
      maySetPlans: Number(link.maySetPlans) === 1,
      linkedAt: link.linkedAt,
      openRedFlags: redFlags?.length ?? null,
      lastRedFlagAt: redFlags?.[0]?.takenAt ?? null,
      rising: signals?.rising ?? null,
      reportedSigns: shared
        ? reportedSigns(checkIns, signSince.toISOString(), link.lastNoteAt)
        : null,
      alerts,
      dosesOverPlan: flags?.overPlan ?? null,
      riskyCombinations: flags?.combinations ?? null,
      worstCombination: flags?.worst ?? null,
      missedCheckIns: signals?.missedCheckIns ?? null,
      checkInDaysCounted: signals?.checkInDaysCounted ?? null,
      sparkline: signals?.sparkline ?? null,
      lastCheckInAt: link.lastCheckInAt,
      lastDoseAt: link.lastDoseAt,
      lastEntryAt: newest(link.lastCheckInAt, link.lastDoseAt),
      reasons: [],
      level: "ok",
    };
    return { ...row, ...reasonsOf(row) };
  });
  rows.sort(compareRows);

  return {
    generatedAt: now.toISOString(),
    windows: {
      sparklineDays: SPARKLINE_DAYS,
      redFlagDays: RED_FLAG_DAYS,
      doseSignalHours: DOSE_SIGNAL_HOURS,
      trendHours: TREND_WINDOW_HOURS,
      checkInDays: CHECK_IN_DAYS,
    },
    patients: rows,
  };
}
