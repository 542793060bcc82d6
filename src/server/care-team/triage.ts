import type { Kysely } from "kysely";
import {
  type AnsweredCheckIn,
  type CheckInAlert,
  type CheckInKnowledge,
  checkInAlerts as coreCheckInAlerts,
  patientSignals,
  rankTriageRows,
  scoreScales,
  signInstruments,
  TRIAGE_WINDOWS,
  type TriageLevel,
  type TriageReason,
  type TriageSignals,
  type TriageTableQuery,
  type TriageWindows,
  triageLevel,
  triageReasons,
  triageSince,
  triageTablePage,
} from "../../core/triage/index.ts";
import type { Warning } from "../../core/warning.ts";
import { decodeScopes } from "../../db/care-team.ts";
import type { Database } from "../../db/schema.ts";
import type { CareScope } from "../../db/tables/care-team.ts";
import {
  assessmentPoints,
  flaggedDoses,
  linkedPatients,
  openCheckIns,
} from "../../db/triage-signals.ts";
import { loadInstruments } from "../../knowledge/instruments.ts";
import { loadLimits } from "../../knowledge/limits.ts";

/**
 * The clinician's triage dashboard: every consenting patient with the signals that need
 * attention, worst first. The policy (windows, what counts as open, reasons, order) is core's
 * `src/core/triage`; this file loads the records and calls it.
 */

export type TriageRow = {
  patient: { id: string; displayName: string | null; email: string; timeZone: string };
  linkId: string;
  scopes: CareScope[];
  maySetPlans: boolean;
  linkedAt: string;
} & TriageSignals & {
    /** Plain reasons for the row's place, worst first (empty when nothing needs attention). */
    reasons: TriageReason[];
    level: TriageLevel;
  };

export interface TriageDashboard {
  generatedAt: string;
  total: number;
  matched: number;
  page: number;
  pageSize: number;
  levels: Record<TriageLevel, number>;
  windows: TriageWindows;
  /** The page asked for. */
  patients: TriageRow[];
}

function checkInKnowledge(): CheckInKnowledge {
  return { instruments: loadInstruments(), signRules: loadLimits().reportedSigns };
}

/** The open check-ins since `since` with a red flag or reported sign, newest first. */
export function checkInAlerts(
  checkIns: readonly AnsweredCheckIn[],
  since: string,
  lastNoteAt: string | null,
): CheckInAlert[] {
  return coreCheckInAlerts(checkIns, since, lastNoteAt, checkInKnowledge());
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

/**
 * The dashboard's data for one clinician as of `now`: four set-based queries over all their
 * consenting patients (run together), then core's triage per patient, its order, and the page
 * `query` asks for (search, filters and sort need every patient's signals).
 */
export async function triageDashboard(
  db: Kysely<Database>,
  clinicianId: string,
  now: Date,
  query: TriageTableQuery = {},
): Promise<TriageDashboard> {
  const base = checkInKnowledge();
  const knowledge = { ...base, scales: scoreScales(base.instruments) };
  const since = triageSince(now);
  const [links, points, flagged, open] = await Promise.all([
    linkedPatients(db, clinicianId),
    assessmentPoints(db, clinicianId, since.assessments, now),
    flaggedDoses(db, clinicianId, since.doses, now),
    openCheckIns(db, clinicianId, signInstruments(base.signRules), since.checkIns, now),
  ]);
  const flaggedBy = groupByUser(flagged);

  const rows = links.map((link): TriageRow => {
    const scopes = decodeScopes(link.scopes);
    const id = link.patientId;
    const signals = patientSignals(
      {
        linkedAt: link.linkedAt,
        sharesAssessments: scopes.includes("assessments"),
        sharesDoses: scopes.includes("doses"),
        points: points.get(id) ?? [],
        checkIns: open.get(id) ?? [],
        lastNoteAt: link.lastNoteAt,
        doseWarnings: (flaggedBy.get(id) ?? []).map((d) => JSON.parse(d.warnings) as Warning[]),
        lastCheckInAt: link.lastCheckInAt,
        lastDoseAt: link.lastDoseAt,
        activePlans: Number(link.activePlans ?? 0),
      },
      knowledge,
      now,
    );
    return {
      patient: { id, displayName: link.displayName, email: link.email, timeZone: link.timeZone },
      linkId: link.linkId,
      scopes,
      maySetPlans: Number(link.maySetPlans) === 1,
      linkedAt: link.linkedAt,
      ...signals,
      reasons: triageReasons(signals),
      level: triageLevel(signals),
    };
  });

  const page = triageTablePage(rankTriageRows(rows), query, now);
  return {
    generatedAt: now.toISOString(),
    total: rows.length,
    matched: page.matched,
    page: page.page,
    pageSize: page.pageSize,
    levels: page.levels,
    windows: TRIAGE_WINDOWS,
    patients: page.rows,
  };
}
