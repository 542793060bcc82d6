import { type Severity, sortWarnings } from "../../core/warning.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import type { CheckInAlert, Timeline } from "./types.ts";

/** The patient page's timeline entries: one list of doses, check-ins and notes, by day. */

/** "Chest pain, Breathing": what a check-in raised, red flags first. */
export function alertLabel(alert: CheckInAlert): string {
  return alert.items.map((i) => i.label).join(", ");
}

export type Entry =
  | {
      kind: "dose";
      at: string;
      id: string;
      text: string;
      /** Its warnings, worst first: what the dose carried when it was checked. */
      warnings: { code: string; severity: Severity; title: string }[];
      worst: Severity | null;
      notes: string | null;
    }
  | {
      kind: "assessment";
      at: string;
      id: string;
      text: string;
      redFlag: boolean;
      /** What it raised, by name ("Chest pain, Breathing"); null when nothing. */
      flagged: string | null;
      byClinician: boolean;
    }
  | { kind: "note"; at: string; id: string; text: string; author: string };

export function entriesOf(t: Timeline): Entry[] {
  const entries: Entry[] = [];
  const alerts = new Map((t.alerts ?? []).map((a) => [a.assessmentId, a] as const));
  for (const d of t.doses ?? []) {
    const warnings = sortWarnings(
      d.warnings.map(({ code, severity, title }) => ({ code, severity, title })),
    );
    entries.push({
      kind: "dose",
      at: d.takenAt,
      id: d.id,
      text: `${d.substanceName}${d.productName ? ` (${d.productName})` : ""}: ${d.amount} ${d.unit}`,
      warnings,
      worst: warnings[0]?.severity ?? null,
      notes: d.notes,
    });
  }
  for (const a of t.assessments ?? []) {
    const alert = alerts.get(a.id);
    entries.push({
      kind: "assessment",
      at: a.takenAt,
      id: a.id,
      text:
        a.total === null
          ? a.instrumentName
          : `${a.instrumentName} ${a.total}${a.totalRange ? ` / ${a.totalRange.max}` : ""}${a.band ? `, ${a.band.label}` : ""}`,
      redFlag: a.redFlag,
      flagged: alert ? alertLabel(alert) : null,
      byClinician: a.recordedBy !== t.patient.id,
    });
  }
  for (const n of t.notes ?? []) {
    entries.push({
      kind: "note",
      at: n.createdAt,
      id: n.id,
      text: n.body,
      author: n.authorName ?? "Clinician",
    });
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}

/** What the timeline can be narrowed to. */
export const TIMELINE_FILTERS = ["all", "doses", "check-ins", "warnings", "notes"] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

/** Whether an entry carries a warning: a dose warned above "info", a check-in with a flag. */
export function isWarning(e: Entry): boolean {
  if (e.kind === "dose") return e.worst !== null && e.worst !== "info";
  if (e.kind === "assessment") return e.redFlag || e.flagged !== null;
  return false;
}

export function matchesFilter(e: Entry, filter: TimelineFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "doses":
      return e.kind === "dose";
    case "check-ins":
      return e.kind === "assessment";
    case "warnings":
      return isWarning(e);
    case "notes":
      return e.kind === "note";
  }
}

/** Entries (newest first) in runs of one calendar day in the patient's zone, newest day first. */
export function byDay(
  entries: readonly Entry[],
  timeZone: string,
): { day: string; entries: Entry[] }[] {
  const days: { day: string; entries: Entry[] }[] = [];
  for (const e of entries) {
    const day = zonedDay(e.at, timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(e);
    else days.push({ day, entries: [e] });
  }
  return days;
}
