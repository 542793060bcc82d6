import {
  type AssessmentAnswers,
  type InstrumentDefinition,
  type InstrumentItem,
  isAllowedAnswer,
} from "./instrument.ts";

/** One problem with a set of answers, naming the item it concerns. */
export interface AnswerIssue {
  item: string;
  message: string;
}

export type AnswerValidation = { ok: true } | { ok: false; issues: AnswerIssue[] };

/**
 * Check a complete set of answers before it is stored: every item answered, no unknown item, each
 * value one the item allows. Issues come in the instrument's item order, unknown items last.
 * For live scoring of a half-filled form use `scoreAssessment`, which accepts partial answers.
 */
export function validateAnswers(
  instrument: InstrumentDefinition,
  answers: AssessmentAnswers,
): AnswerValidation {
  const issues: AnswerIssue[] = [];
  const known = new Set<string>();

  for (const item of instrument.items) {
    known.add(item.id);
    if (!Object.hasOwn(answers, item.id)) {
      issues.push({ item: item.id, message: `No answer for "${item.shortLabel}" (${item.id}).` });
      continue;
    }
    const value: unknown = answers[item.id];
    if (!isAllowedAnswer(item, value)) {
      issues.push({ item: item.id, message: notAllowedMessage(item, value) });
    }
  }

  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      issues.push({ item: key, message: `"${key}" is not an item of ${instrument.shortName}.` });
    }
  }

  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

function notAllowedMessage(item: InstrumentItem, value: unknown): string {
  const shown = typeof value === "number" ? String(value) : JSON.stringify(value);
  if (item.kind === "choice") {
    const allowed = item.answers.map((a) => a.value).join(", ");
    return `${shown} is not an allowed answer for "${item.shortLabel}" (${item.id}); allowed: ${allowed}.`;
  }
  return `${shown} is not allowed for "${item.shortLabel}" (${item.id}); expected ${item.min} to ${item.max} ${item.unit} in steps of ${item.step}.`;
}
