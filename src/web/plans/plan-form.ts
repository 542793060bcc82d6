/**
 * The plan form's state (what the person typed, as text) and its translation to a core
 * `PlanDefinition`, so core's `validatePlan` and `planSchedule` can run as they type. Empty
 * optional fields are left out; an empty required field becomes undefined, which core reports
 * as "is required".
 */

import type { PlanDefinition, PlanIssue, PlanKind } from "../../core/plan/index.ts";

export interface PlanFormState {
  kind: PlanKind;
  substanceId: string;
  unit: string;
  startDate: string;
  startAmountPerDay: string;
  stepKind: "amount" | "percent";
  stepValue: string;
  stepLengthDays: string;
  limitAmountPerDay: string;
  maxPerDose: string;
  maxPerDay: string;
  minHoursBetweenDoses: string;
  endDate: string;
}

/** The form's inputs, in the order they appear. */
export type PlanFormField = Exclude<keyof PlanFormState, "stepKind">;

export function emptyPlanForm(today: string): PlanFormState {
  return {
    kind: "taper",
    substanceId: "",
    unit: "g",
    startDate: today,
    startAmountPerDay: "",
    stepKind: "amount",
    stepValue: "",
    stepLengthDays: "",
    limitAmountPerDay: "",
    maxPerDose: "",
    maxPerDay: "",
    minHoursBetweenDoses: "",
    endDate: "",
  };
}

/** A typed number, or undefined when the field is empty. "1,5" is read as 1.5. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return undefined;
  return Number(trimmed);
}

export function toDefinition(form: PlanFormState): PlanDefinition {
  const definition: Partial<PlanDefinition> & Record<string, unknown> = {
    kind: form.kind,
    unit: form.unit.trim(),
    startDate: form.startDate,
    startAmountPerDay: parseAmount(form.startAmountPerDay),
    step:
      form.stepKind === "amount"
        ? { kind: "amount", amount: parseAmount(form.stepValue) as number }
        : { kind: "percent", percent: parseAmount(form.stepValue) as number },
    stepLengthDays: parseAmount(form.stepLengthDays),
  };
  if (form.substanceId.trim()) definition.substanceId = form.substanceId.trim();
  const optional = {
    limitAmountPerDay: parseAmount(form.limitAmountPerDay),
    maxPerDose: parseAmount(form.maxPerDose),
    maxPerDay: parseAmount(form.maxPerDay),
    minHoursBetweenDoses: parseAmount(form.minHoursBetweenDoses),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) definition[key] = value;
  }
  if (form.endDate) definition.endDate = form.endDate;
  return definition as PlanDefinition;
}

const text = (value: number | undefined) => (value === undefined ? "" : String(value));

/** The form filled in from a stored plan (to change it). */
export function fromDefinition(definition: PlanDefinition): PlanFormState {
  return {
    kind: definition.kind,
    substanceId: definition.substanceId ?? "",
    unit: definition.unit,
    startDate: definition.startDate,
    startAmountPerDay: text(definition.startAmountPerDay),
    stepKind: definition.step.kind,
    stepValue: text(
      definition.step.kind === "amount" ? definition.step.amount : definition.step.percent,
    ),
    stepLengthDays: text(definition.stepLengthDays),
    limitAmountPerDay: text(definition.limitAmountPerDay),
    maxPerDose: text(definition.maxPerDose),
    maxPerDay: text(definition.maxPerDay),
    minHoursBetweenDoses: text(definition.minHoursBetweenDoses),
    endDate: definition.endDate ?? "",
  };
}

/** The form input a core issue (or a server field `body.definition.<field>`) belongs to. */
export function formFieldOf(issueField: string): PlanFormField | undefined {
  const field = issueField.replace(/^body\.definition\./, "");
  if (field === "step" || field.startsWith("step.")) return "stepValue";
  if (field === "productId" || field === "substanceId") return "substanceId";
  if (field === "roundTo") return "stepValue";
  const known: PlanFormField[] = [
    "kind",
    "unit",
    "startDate",
    "startAmountPerDay",
    "stepLengthDays",
    "limitAmountPerDay",
    "maxPerDose",
    "maxPerDay",
    "minHoursBetweenDoses",
    "endDate",
  ];
  return known.find((k) => k === field);
}

/** Core's issues by form input, the first message for each. */
export function issuesByField(
  issues: readonly PlanIssue[],
): Partial<Record<PlanFormField, string>> {
  const out: Partial<Record<PlanFormField, string>> = {};
  for (const issue of issues) {
    const field = formFieldOf(issue.field);
    if (field && out[field] === undefined) out[field] = sentence(issue.message);
  }
  return out;
}

/** "must be greater than 0" -> "Must be greater than 0." */
function sentence(message: string): string {
  const capital = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
