import type { Warning } from "../warning.ts";
import type { AssessmentAnswers, InstrumentDefinition } from "./instrument.ts";

/**
 * The urgent warnings an assessment raises: one for each item whose answer matches the item's
 * red-flag rule (on the red-flag screen, each "yes"). Messages, actions and sources come from the
 * instrument's data. Returned in the instrument's item order; empty when nothing is flagged.
 */
export function redFlagWarnings(
  instrument: InstrumentDefinition,
  answers: AssessmentAnswers,
): Warning[] {
  const warnings: Warning[] = [];
  for (const item of instrument.items) {
    if (item.kind !== "choice" || item.redFlag === undefined) continue;
    if (!Object.hasOwn(answers, item.id)) continue;
    if (answers[item.id] !== item.redFlag.whenValue) continue;
    const w = item.redFlag.warning;
    warnings.push({
      code: w.code,
      severity: w.severity,
      title: w.title,
      message: w.message,
      action: w.action,
      sources: w.sources.map((s) => ({ ...s })),
      details: { instrumentId: instrument.id, itemId: item.id, answer: item.redFlag.whenValue },
    });
  }
  return warnings;
}
