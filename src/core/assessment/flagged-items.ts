import type { ReportedSignRule } from "../safety/types.ts";
import { type Severity, severityRank } from "../warning.ts";
import type { AssessmentAnswers, InstrumentDefinition } from "./instrument.ts";
import { redFlagWarnings } from "./red-flags.ts";
import { reportedSignWarnings } from "./reported-signs.ts";

/** One answer of a check-in that a clinician should see, named by its item. */
export interface FlaggedItem {
  itemId: string;
  /** The item's short label, e.g. "Chest pain". */
  label: string;
  /** A red flag (the instrument's own urgent rule) or a reported sign (a rule of limits.json). */
  kind: "red-flag" | "reported-sign";
  severity: Severity;
}

/**
 * The items of one check-in that raised a red flag or a reported sign, red flags first, each in
 * the instrument's item order; an item several sign rules name appears once, at the worst
 * severity. Empty when the answers raise nothing.
 */
export function flaggedItems(
  instrument: InstrumentDefinition,
  answers: AssessmentAnswers,
  signRules: readonly ReportedSignRule[],
): FlaggedItem[] {
  const flagged = new Map<string, FlaggedItem>();
  const add = (kind: FlaggedItem["kind"], itemId: unknown, severity: Severity) => {
    const item = instrument.items.find((i) => i.id === itemId);
    if (!item) return;
    const known = flagged.get(item.id);
    if (known && severityRank(known.severity) >= severityRank(severity)) return;
    flagged.set(item.id, {
      itemId: item.id,
      label: item.shortLabel,
      kind: known?.kind ?? kind,
      severity,
    });
  };
  for (const w of redFlagWarnings(instrument, answers))
    add("red-flag", w.details?.itemId, w.severity);
  for (const w of reportedSignWarnings(instrument, answers, signRules)) {
    add("reported-sign", w.details?.itemId, w.severity);
  }
  const order = (f: FlaggedItem) =>
    (f.kind === "red-flag" ? 0 : 1) * 1000 + instrument.items.findIndex((i) => i.id === f.itemId);
  return [...flagged.values()].sort((a, b) => order(a) - order(b));
}
