import {
  type AssessmentAnswers,
  type FlaggedItem,
  flaggedItems,
  type InstrumentDefinition,
  reportedSignWarnings,
} from "../assessment/index.ts";
import type { ReportedSignRule } from "../safety/types.ts";
import { type Severity, severityRank, worseSeverity } from "../warning.ts";

/** One check-in with its answers, for the red-flag and reported-sign rules. */
export interface AnsweredCheckIn {
  id: string;
  takenAt: string;
  instrument: string;
  /** The stored red-flag mark (set when the answers raised one as recorded). */
  redFlag: boolean;
  answers: AssessmentAnswers;
}

/** What the check-in rules read: the instruments and the reported-sign rules (limits.json). */
export interface CheckInKnowledge {
  instruments: readonly InstrumentDefinition[];
  signRules: readonly ReportedSignRule[];
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

/**
 * A check-in is open when it was taken at or after `since` and after the last clinician note on
 * the person's record (`lastNoteAt`). Whether this clinician marked it as seen is decided by
 * the caller, who loads only the check-ins not marked.
 */
export function isOpenCheckIn(
  checkIn: Pick<AnsweredCheckIn, "takenAt">,
  since: string,
  lastNoteAt: string | null,
): boolean {
  return checkIn.takenAt >= since && (lastNoteAt === null || checkIn.takenAt > lastNoteAt);
}

/** The instruments the reported-sign rules ask about (those whose answers the dashboard reads). */
export function signInstruments(signRules: readonly ReportedSignRule[]): string[] {
  return [...new Set(signRules.map((r) => r.instrument))].sort();
}

/**
 * The open check-ins that raised a red flag or a reported sign, newest first, each with what it
 * raised. A check-in stored as red-flagged whose answers no longer match a red-flag item still
 * counts, named "Red flag".
 */
export function checkInAlerts(
  checkIns: readonly AnsweredCheckIn[],
  since: string,
  lastNoteAt: string | null,
  knowledge: CheckInKnowledge,
): CheckInAlert[] {
  const alerts: CheckInAlert[] = [];
  for (const c of checkIns) {
    if (!isOpenCheckIn(c, since, lastNoteAt)) continue;
    const instrument = knowledge.instruments.find((i) => i.id === c.instrument);
    const items = instrument ? flaggedItems(instrument, c.answers, knowledge.signRules) : [];
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

/** The alerts that hold a red flag: the open red flags, newest first. */
export function openRedFlags(alerts: readonly CheckInAlert[]): CheckInAlert[] {
  return alerts.filter((a) => a.items.some((i) => i.kind === "red-flag"));
}

/**
 * The reported signs in the open check-ins: each item a reported-sign rule warns about, by item,
 * worst first, then newest first. An answer that raised a red flag counts there, not here.
 */
export function reportedSigns(
  checkIns: readonly AnsweredCheckIn[],
  since: string,
  lastNoteAt: string | null,
  knowledge: CheckInKnowledge,
): ReportedSign[] {
  const byItem = new Map<string, ReportedSign>();
  for (const c of checkIns) {
    if (!isOpenCheckIn(c, since, lastNoteAt)) continue;
    const instrument = knowledge.instruments.find((i) => i.id === c.instrument);
    if (!instrument) continue;
    for (const w of reportedSignWarnings(instrument, c.answers, knowledge.signRules)) {
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
