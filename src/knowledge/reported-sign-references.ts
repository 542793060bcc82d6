import type { InstrumentDefinition } from "../core/assessment/instrument.ts";
import type { ReportedSignRule } from "../core/safety/types.ts";
import { loadInstruments } from "./instruments.ts";
import { loadLimits } from "./limits.ts";

/**
 * Cross-check of limits.json against instruments.json: a reported-sign rule reads the latest
 * answer to one item of one instrument, so the instrument and the item must exist and some answer
 * must reach the rule's threshold. A rule that fails any of these can never fire (a dead rule),
 * which would hide a warning the data promises.
 */
export function reportedSignProblems(
  rules: readonly ReportedSignRule[],
  instruments: readonly InstrumentDefinition[],
): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    const where = `reported sign ${rule.id}`;
    const instrument = instruments.find((i) => i.id === rule.instrument);
    if (!instrument) {
      problems.push(`${where}: no instrument ${rule.instrument}`);
      continue;
    }
    const item = instrument.items.find((i) => i.id === rule.answerKey);
    if (!item) {
      problems.push(`${where}: instrument ${rule.instrument} has no item ${rule.answerKey}`);
      continue;
    }
    const top = item.kind === "choice" ? (item.answers.at(-1)?.value ?? -Infinity) : item.max;
    if (top < rule.atLeast) {
      problems.push(
        `${where}: ${rule.instrument}/${rule.answerKey} never reaches ${rule.atLeast} (highest answer ${top})`,
      );
    }
  }
  return problems;
}

/** The problems of the real limits.json against the real instruments.json (loaded once). */
export function knowledgeSignProblems(): string[] {
  return reportedSignProblems(loadLimits().reportedSigns, loadInstruments());
}

/**
 * Throws when a reported-sign rule in limits.json names an instrument or item that
 * instruments.json does not have; run when the knowledge base loads.
 */
export function checkReportedSignReferences(): void {
  const problems = knowledgeSignProblems();
  if (problems.length > 0) {
    throw new Error(`limits.json names items instruments.json lacks:\n${problems.join("\n")}`);
  }
}
