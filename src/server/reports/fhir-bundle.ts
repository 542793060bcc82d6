import { createHash } from "node:crypto";
import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CodeableConcept,
  Coding,
  MedicationStatement,
  Observation,
  Patient,
  Quantity,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
  Resource,
} from "@medplum/fhirtypes";
import type { InstrumentDefinition } from "../../core/assessment/index.ts";
import type { PlanDefinition } from "../../core/plan/index.ts";
import type { AssessmentRecord } from "../../db/assessments.ts";
import type { PlanWithVersions } from "../../db/plans.ts";
import instrumentsFile from "../../knowledge/data/instruments.json" with { type: "json" };
import { findInstrument } from "../../knowledge/instruments.ts";
import type { DoseEntry, PatientRecord } from "./patient-record.ts";

/**
 * A person's record as a FHIR R4 Bundle (type `collection`): the Patient, a QuestionnaireResponse
 * per assessment (each choice answer a Coding with its label: see `answerOf`), an Observation per total (coded with LOINC only where the instrument data holds
 * a LOINC code, which it does for none today, and always with Mitra's local instrument code
 * system declared in instruments.json), a MedicationStatement per dose and a CarePlan per plan.
 * Entries are addressed by `urn:uuid:` full URLs and refer to each other that way.
 */

/** Mitra's local code system for instruments, as declared in the instruments data. */
export const INSTRUMENT_SYSTEM: string = instrumentsFile.codeSystem.uri;
/** Local code systems for what has no standard code here: substances and Mitra user ids. */
export const SUBSTANCE_SYSTEM = "urn:mitra:substance";
export const USER_SYSTEM = "urn:mitra:user";
const UCUM = "http://unitsofmeasure.org";
const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

/** UCUM codes of the units Mitra logs that UCUM has; counts (capsules, drops...) have none. */
const UCUM_CODES: Record<string, string> = { mcg: "ug", mg: "mg", g: "g", ml: "mL" };

/** A stable uuid derived from a name, so the same record exports under the same id each time. */
export function derivedUuid(name: string): string {
  const hex = createHash("sha1").update(name).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const urn = (id: string) => `urn:uuid:${id}`;
const entry = (resource: Resource & { id: string }): BundleEntry => ({
  fullUrl: urn(resource.id),
  resource,
});

function quantity(value: number, unit: string): Quantity {
  const code = UCUM_CODES[unit];
  return code ? { value, unit, system: UCUM, code } : { value, unit };
}

function patientResource(record: PatientRecord): Patient {
  const p = record.patient;
  return {
    resourceType: "Patient",
    id: p.id,
    identifier: [{ system: USER_SYSTEM, value: p.id }],
    active: true,
    ...(p.displayName ? { name: [{ text: p.displayName }] } : {}),
    telecom: [{ system: "email", value: p.email }],
  };
}

function instrumentCoding(instrument: InstrumentDefinition | undefined, id: string): Coding[] {
  const local: Coding = {
    system: INSTRUMENT_SYSTEM,
    code: id,
    display: instrument ? `${instrument.shortName} total` : id,
  };
  const external = (instrument?.codes ?? []).map((c) => ({
    system: c.system,
    code: c.code,
    display: c.display,
  }));
  return [...external, local];
}

function questionnaireItems(
  instrument: InstrumentDefinition | undefined,
  answers: Record<string, number>,
): QuestionnaireResponseItem[] {
  const order = instrument?.items.map((i) => i.id) ?? Object.keys(answers);
  const items: QuestionnaireResponseItem[] = [];
  for (const id of order) {
    const value = answers[id];
    if (value === undefined) continue;
    const item = instrument?.items.find((i) => i.id === id);
    items.push({
      linkId: id,
      ...(item ? { text: item.text } : {}),
      answer: [answerOf(instrument, item, value)],
    });
  }
  return items;
}

/**
 * One answer as FHIR: a choice the instrument knows is a Coding in the instrument's local code
 * system (code: the answer value, display: its label), so an EHR shows "Moderately" and not "2";
 * a numeric item (hours slept), or an answer the data no longer lists, stays a bare number.
 */
export function answerOf(
  instrument: InstrumentDefinition | undefined,
  item: InstrumentDefinition["items"][number] | undefined,
  value: number,
): QuestionnaireResponseItemAnswer {
  const answer = item?.kind === "choice" ? item.answers.find((a) => a.value === value) : undefined;
  if (instrument && item && answer) {
    return {
      valueCoding: {
        system: INSTRUMENT_SYSTEM,
        // Unique in the code system: the same value means different answers in other items.
        code: `${instrument.id}/${item.id}/${value}`,
        display: answer.label,
      },
    };
  }
  return Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
}

function authorOf(a: AssessmentRecord, patientRef: Reference<Patient>): Reference<Patient> {
  if (a.recordedBy === a.userId) return patientRef;
  return { display: a.recordedBy === null ? "Clinician (account deleted)" : "Clinician" };
}

function assessmentResources(a: AssessmentRecord, patientRef: Reference<Patient>): Resource[] {
  const instrument = findInstrument(a.instrument);
  const response: QuestionnaireResponse & { id: string } = {
    resourceType: "QuestionnaireResponse",
    id: a.id,
    identifier: { system: "urn:mitra:assessment", value: a.id },
    questionnaire: `${INSTRUMENT_SYSTEM}:${a.instrument}`,
    status: "completed",
    subject: patientRef,
    authored: a.takenAt,
    author: authorOf(a, patientRef),
    item: questionnaireItems(instrument, a.answers),
  };
  if (a.total === null) return [response];
  const band = instrument?.bands.find((b) => b.id === a.band);
  const code: CodeableConcept = {
    coding: instrumentCoding(instrument, a.instrument),
    text: `${instrument?.shortName ?? a.instrument} total score`,
  };
  const observation: Observation & { id: string } = {
    resourceType: "Observation",
    id: derivedUuid(`${a.id}/total`),
    status: "final",
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: "survey", display: "Survey" }] }],
    code,
    subject: patientRef,
    effectiveDateTime: a.takenAt,
    issued: a.createdAt,
    valueInteger: a.total,
    ...(band ? { interpretation: [{ text: band.label }] } : {}),
    ...(instrument?.totalRange
      ? {
          referenceRange: [
            {
              low: { value: instrument.totalRange.min },
              high: { value: instrument.totalRange.max },
              text: `${instrument.shortName} totals range from ${instrument.totalRange.min} to ${instrument.totalRange.max}`,
            },
          ],
        }
      : {}),
    derivedFrom: [{ reference: urn(a.id) }],
  };
  return [response, observation];
}

function doseResource(
  dose: DoseEntry,
  patientRef: Reference<Patient>,
): MedicationStatement & { id: string } {
  const name = dose.productName
    ? `${dose.substanceName} (${dose.productName})`
    : dose.substanceName;
  const notes = [
    ...(dose.notes ? [{ text: dose.notes }] : []),
    ...dose.warnings.map((w) => ({ text: `Mitra warning (${w.severity}): ${w.title}` })),
  ];
  return {
    resourceType: "MedicationStatement",
    id: dose.id,
    status: "completed",
    medicationCodeableConcept: {
      coding: [{ system: SUBSTANCE_SYSTEM, code: dose.substanceId, display: dose.substanceName }],
      text: name,
    },
    subject: patientRef,
    effectiveDateTime: dose.takenAt,
    dateAsserted: dose.createdAt,
    informationSource: patientRef,
    dosage: [
      {
        ...(dose.route ? { route: { text: dose.route } } : {}),
        doseAndRate: [{ doseQuantity: quantity(dose.amount, dose.unit) }],
      },
    ],
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

/** One sentence of a plan's schedule, for people reading the CarePlan. */
export function describePlan(d: PlanDefinition): string {
  const step = d.step.kind === "amount" ? `${d.step.amount} ${d.unit}` : `${d.step.percent} %`;
  const direction = d.kind === "taper" ? "down" : "up";
  const limit =
    d.limitAmountPerDay !== undefined
      ? ` to ${d.kind === "taper" ? "a floor" : "a ceiling"} of ${d.limitAmountPerDay} ${d.unit}/day`
      : d.kind === "taper"
        ? " to zero"
        : "";
  const parts = [
    `${d.kind === "taper" ? "Taper" : "Titration"} from ${d.startAmountPerDay} ${d.unit}/day on ${d.startDate}, ` +
      `stepping ${direction} by ${step} every ${d.stepLengthDays} day${d.stepLengthDays === 1 ? "" : "s"}${limit}`,
  ];
  if (d.maxPerDose !== undefined) parts.push(`at most ${d.maxPerDose} ${d.unit} per dose`);
  if (d.maxPerDay !== undefined) parts.push(`at most ${d.maxPerDay} ${d.unit} per day`);
  if (d.minHoursBetweenDoses !== undefined) {
    parts.push(`at least ${d.minHoursBetweenDoses} h between doses`);
  }
  if (d.endDate !== undefined) parts.push(`until ${d.endDate}`);
  return `${parts.join("; ")}.`;
}

function planResource(
  plan: PlanWithVersions,
  patientRef: Reference<Patient>,
): CarePlan & { id: string } {
  const d = plan.current.definition;
  const subject = [d.substanceId, d.productId ? `product ${d.productId}` : undefined]
    .filter(Boolean)
    .join(", ");
  const description = describePlan(d);
  return {
    resourceType: "CarePlan",
    id: plan.id,
    identifier: [{ system: "urn:mitra:plan", value: plan.id }],
    status:
      plan.status === "active" ? "active" : plan.endReason === "replaced" ? "revoked" : "completed",
    intent: "plan",
    title: `${d.kind === "taper" ? "Taper" : "Titration"} plan: ${subject}`,
    description,
    subject: patientRef,
    period: { start: d.startDate, ...(d.endDate ? { end: d.endDate } : {}) },
    created: plan.createdAt,
    activity: [
      {
        detail: {
          kind: "MedicationRequest",
          code: {
            ...(d.substanceId
              ? { coding: [{ system: SUBSTANCE_SYSTEM, code: d.substanceId }] }
              : {}),
            text: subject,
          },
          status: plan.status === "active" ? "in-progress" : "completed",
          description,
          dailyAmount: quantity(d.startAmountPerDay, d.unit),
          ...(d.maxPerDose !== undefined ? { quantity: quantity(d.maxPerDose, d.unit) } : {}),
        },
      },
    ],
    note: [
      {
        text: `Version ${plan.current.version} of ${plan.versions.length}; changed fields in this version: ${
          plan.current.changedFields.length > 0
            ? plan.current.changedFields.join(", ")
            : "none (first version)"
        }.`,
      },
    ],
  };
}

/** The record as a FHIR R4 collection Bundle; `at` is the bundle's timestamp. */
export function fhirBundle(record: PatientRecord, at: Date): Bundle {
  const patientRef: Reference<Patient> = { reference: urn(record.patient.id) };
  const resources: (Resource & { id?: string })[] = [patientResource(record)];
  for (const a of record.assessments ?? []) resources.push(...assessmentResources(a, patientRef));
  for (const d of record.doses ?? []) resources.push(doseResource(d, patientRef));
  for (const p of record.plans ?? []) resources.push(planResource(p, patientRef));
  return {
    resourceType: "Bundle",
    id: derivedUuid(`${record.patient.id}/${at.toISOString()}`),
    type: "collection",
    timestamp: at.toISOString(),
    entry: resources.map((r) => entry(r as Resource & { id: string })),
  };
}
