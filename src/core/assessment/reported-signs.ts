import type { ReportedSignRule } from "../safety/types.ts";
import type { Warning } from "../warning.ts";
import type { AssessmentAnswers, InstrumentDefinition } from "./instrument.ts";

/**
 * The warnings a check-in's answers raise from the reported-sign rules (limits.json): for each
 * rule about this instrument whose item was answered at or above the rule's threshold, the rule's
 * warning with its sources, coded `sign.<rule id>` as when a dose is logged later. The rule's
 * substance matcher is not applied here: at check-in the person is told about the sign itself;
 * the matcher decides which later doses it is repeated for. An item that already raised a red
 * flag with this answer gets no second warning (the red flag says what to do, more urgently).
 * Returned in rule order.
 */
export function reportedSignWarnings(
  instrument: InstrumentDefinition,
  answers: AssessmentAnswers,
  rules: readonly ReportedSignRule[],
): Warning[] {
  const warnings: Warning[] = [];
  for (const rule of rules) {
    if (rule.instrument !== instrument.id || !Object.hasOwn(answers, rule.answerKey)) continue;
    const item = instrument.items.find((i) => i.id === rule.answerKey);
    const value = answers[rule.answerKey];
    if (item === undefined || typeof value !== "number" || value < rule.atLeast) continue;
    if (item.kind === "choice" && item.redFlag?.whenValue === value) continue;
    warnings.push({
      code: `sign.${rule.id}`,
      severity: rule.severity,
      title: rule.title,
      message: rule.message,
      action: rule.action,
      sources: rule.sources.map((s) => ({ ...s })),
      details: { instrumentId: instrument.id, itemId: item.id, answer: value },
    });
  }
  return warnings;
}
