import { formatAmount } from "../components/format-amount.ts";

/** How plan numbers and days read on screen. */

export function formatDose(value: number, unit: string): string {
  return `${formatAmount(value)} ${unit}`;
}

/** "Mon 3 Mar" for a YYYY-MM-DD day (the day itself, never shifted by a time zone). */
export function formatDay(day: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
    ...options,
  }).format(new Date(`${day}T12:00:00Z`));
}

/** Words for the plan's fields, for the version history ("step length changed"). */
export const FIELD_LABELS: Record<string, string> = {
  kind: "kind",
  substanceId: "substance",
  productId: "product",
  unit: "unit",
  startDate: "start date",
  startAmountPerDay: "start amount",
  step: "step type",
  "step.amount": "step amount",
  "step.percent": "step percent",
  stepLengthDays: "step length",
  limitAmountPerDay: "floor or ceiling",
  maxPerDose: "maximum per dose",
  maxPerDay: "maximum per day",
  minHoursBetweenDoses: "hours between doses",
  endDate: "end date",
  roundTo: "rounding",
};

export function describeStep(
  step: { kind: "amount"; amount: number } | { kind: "percent"; percent: number },
  unit: string,
): string {
  return step.kind === "amount"
    ? `${formatDose(step.amount, unit)} per step`
    : `${formatAmount(step.percent)} % per step`;
}
