import { type ReportedItem, reportedItems } from "../../core/assessment/index.ts";
import type { VersionedAdherenceDay } from "../../core/plan/index.ts";
import { type Severity, severityRank } from "../../core/warning.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import { findInstrument } from "../../knowledge/instruments.ts";
import { assessmentWarnings } from "../assessments/assessment-view.ts";
import type { App } from "../context.ts";
import { planAdherenceOf } from "../plans/plan-adherence.ts";
import { describePlan } from "./fhir-bundle.ts";
import type { PatientRecord } from "./patient-record.ts";

/**
 * What the PDF summary shows, computed from a person's record: plain values, so the renderer
 * only lays them out. Days are calendar days in the person's time zone.
 */

export interface ScoreLine {
  takenAt: string;
  instrument: string;
  instrumentName: string;
  total: number;
  max: number;
  min: number;
  band: string | null;
  /** The band is a service or Mitra convention, not part of the published instrument. */
  bandIsConvention: boolean;
  recordedByClinician: boolean;
}

export interface DoseDay {
  day: string;
  /** Totals per substance and unit that day, e.g. "Kratom leaf 7.5 g". */
  totals: { substance: string; amount: number; unit: string; doses: number }[];
}

export interface PlanSection {
  title: string;
  description: string;
  unit: string;
  /** The current version's number. */
  version: number;
  /**
   * Per day: planned and taken, with adherence status, judged against the version in force that
   * day (its `version` and `unit`); empty when no day of the range had doses or a target.
   */
  days: VersionedAdherenceDay[];
}

export interface WarningLine {
  code: string;
  title: string;
  severity: Severity;
  count: number;
  lastAt: string;
}

export interface RedFlagLine {
  takenAt: string;
  items: string[];
}

/** The side-effects checklist in the period: what was reported, first and last day. */
export interface SideEffectsSection {
  instrumentName: string;
  /** Side-effects check-ins in the period. */
  checkIns: number;
  /** Items reported at least mild (or yes), in the checklist's order, days in the person's zone. */
  items: ReportedItem[];
}

/** The instrument whose reports make the "Side effects reported" section. */
export const SIDE_EFFECTS_INSTRUMENT = "side-effects";

export interface NoteLine {
  createdAt: string;
  author: string;
  body: string;
}

export interface ReportModel {
  patientName: string;
  patientEmail: string;
  timeZone: string;
  fromDay: string;
  toDay: string;
  generatedAt: string;
  /** Who the report was made for: the person, or a clinician with their scopes. */
  preparedFor: string;
  sectionsShown: string[];
  scores?: ScoreLine[];
  doseDays?: DoseDay[];
  plans?: PlanSection[];
  warnings?: WarningLine[];
  redFlags?: RedFlagLine[];
  /** With the assessments scope only, like scores and red flags. */
  sideEffects?: SideEffectsSection;
  notes?: NoteLine[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Builds the model. Adherence comes from the plans service (`planAdherenceOf`), so the report
 * counts doses against a plan exactly as the plan page does; it audits the plan read when the
 * reader is not the person.
 */
export async function buildReportModel(
  app: App,
  record: PatientRecord,
  reader: { id: string; name: string },
  now: Date,
): Promise<ReportModel> {
  const tz = record.patient.timeZone;
  const fromDay = zonedDay(record.from, tz);
  const toDay = zonedDay(record.to, tz);
  const model: ReportModel = {
    patientName: record.patient.displayName ?? record.patient.email,
    patientEmail: record.patient.email,
    timeZone: tz,
    fromDay,
    toDay,
    generatedAt: now.toISOString(),
    preparedFor: reader.id === record.patient.id ? "the person themselves" : reader.name,
    sectionsShown: record.scopes,
  };

  if (record.assessments) {
    const chronological = [...record.assessments].reverse();
    model.scores = chronological.flatMap((a): ScoreLine[] => {
      const instrument = findInstrument(a.instrument);
      if (a.total === null || !instrument?.totalRange) return [];
      const band = instrument.bands.find((b) => b.id === a.band);
      return [
        {
          takenAt: a.takenAt,
          instrument: a.instrument,
          instrumentName: instrument.shortName,
          total: a.total,
          min: instrument.totalRange.min,
          max: instrument.totalRange.max,
          band: band?.label ?? null,
          bandIsConvention: band?.convention === true,
          recordedByClinician: a.recordedBy !== a.userId,
        },
      ];
    });
    model.redFlags = chronological
      .filter((a) => a.redFlag)
      .map((a) => ({
        takenAt: a.takenAt,
        items: assessmentWarnings(a)
          .filter((w) => w.severity === "urgent")
          .map((w) => w.title),
      }));
    const checklist = findInstrument(SIDE_EFFECTS_INSTRUMENT);
    if (checklist) {
      model.sideEffects = {
        instrumentName: checklist.name,
        checkIns: record.assessments.filter((a) => a.instrument === checklist.id).length,
        items: reportedItems(checklist, record.assessments, tz),
      };
    }
  }

  if (record.doses) {
    const byDay = new Map<string, Map<string, DoseDay["totals"][number]>>();
    const warnings = new Map<string, WarningLine>();
    for (const dose of [...record.doses].reverse()) {
      const day = zonedDay(dose.takenAt, tz);
      const totals = byDay.get(day) ?? new Map();
      const name = dose.productName
        ? `${dose.substanceName} (${dose.productName})`
        : dose.substanceName;
      const key = `${name}|${dose.unit}`;
      const total = totals.get(key) ?? { substance: name, amount: 0, unit: dose.unit, doses: 0 };
      total.amount = round(total.amount + dose.amount);
      total.doses++;
      totals.set(key, total);
      byDay.set(day, totals);
      for (const w of dose.warnings) {
        if (severityRank(w.severity) < severityRank("caution")) continue;
        const line = warnings.get(w.code);
        if (line) {
          line.count++;
          if (dose.takenAt > line.lastAt) line.lastAt = dose.takenAt;
        } else {
          warnings.set(w.code, {
            code: w.code,
            title: w.title,
            severity: w.severity,
            count: 1,
            lastAt: dose.takenAt,
          });
        }
      }
    }
    model.doseDays = [...byDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, totals]) => ({ day, totals: [...totals.values()] }));
    model.warnings = [...warnings.values()].sort(
      (a, b) => severityRank(b.severity) - severityRank(a.severity) || b.count - a.count,
    );
    model.plans = [];
    for (const plan of record.plans ?? []) {
      const d = plan.current.definition;
      const adherence = await planAdherenceOf(
        app,
        { subjectUserId: record.patient.id, actorUserId: reader.id },
        plan.id,
        { from: fromDay, to: toDay },
      );
      model.plans.push({
        title: `${d.kind === "taper" ? "Taper" : "Titration"} plan (${plan.status}), version ${plan.current.version}`,
        description: describePlan(d),
        unit: d.unit,
        version: plan.current.version,
        // Days with a target or a dose, and days whose version needs correcting (no target).
        days: adherence.days.filter(
          (day) => day.planned !== null || day.doses > 0 || day.status === "plan-invalid",
        ),
      });
    }
  }

  if (record.notes) {
    model.notes = [...record.notes].reverse().map((n) => ({
      createdAt: n.createdAt,
      author: n.authorName ?? (n.authorId ? "Clinician" : "Clinician (account deleted)"),
      body: n.body,
    }));
  }
  return model;
}
