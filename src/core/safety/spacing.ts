/**
 * Spacing: things that must be taken hours apart (magnesium and tetracycline or quinolone
 * antibiotics, magnesium and bisphosphonates). A recent dose too close in either order warns; a
 * regular medicine on the other side warns as a reminder, since its times are not logged.
 */

import type { Warning } from "../warning.ts";
import type { EvaluationState } from "./evaluation-state.ts";
import { matches } from "./matcher.ts";
import { formatAmount } from "./template.ts";
import { warningFromText } from "./warning-from-text.ts";

const HOUR_MS = 3_600_000;

interface SpacingHit {
  substanceId: string;
  name: string;
  takenAt?: string;
  hoursApart?: number;
  regularMedicine?: true;
}

export function spacingWarnings(state: EvaluationState): Warning[] {
  const { compiled, candidate } = state;
  const warnings: Warning[] = [];
  for (const spacing of compiled.spacing) {
    const rule = spacing.rule;
    const isA = matches(spacing.a, candidate.substance);
    const isB = matches(spacing.b, candidate.substance);
    if (!isA && !isB) continue;
    const hits: SpacingHit[] = [];
    for (const item of state.recent) {
      const otherIsB = isA && matches(spacing.b, item.substance);
      const otherIsA = isB && matches(spacing.a, item.substance);
      if (!otherIsA && !otherIsB) continue;
      // Which was first, and the gap the rule asks for after it.
      const aAt = otherIsB ? candidate.at : item.at;
      const bAt = otherIsB ? item.at : candidate.at;
      const needed = bAt >= aAt ? rule.minHoursAfterA : rule.minHoursAfterB;
      const gap = Math.abs(bAt - aAt);
      if (gap < needed * HOUR_MS) {
        hits.push({
          substanceId: item.substance.id,
          name: item.substance.name,
          takenAt: item.ingestion.takenAt,
          hoursApart: gap / HOUR_MS,
        });
      }
    }
    for (const id of state.context.profile.medicines) {
      const medicine = compiled.resolve(id);
      if ((isA && matches(spacing.b, medicine)) || (isB && matches(spacing.a, medicine))) {
        hits.push({ substanceId: medicine.id, name: medicine.name, regularMedicine: true });
      }
    }
    if (hits.length === 0) continue;
    const names = [...new Set(hits.map((h) => h.name))].join(", ");
    warnings.push(
      warningFromText(
        `spacing.${rule.id}`,
        rule,
        {
          with: names,
          afterA: formatAmount(rule.minHoursAfterA),
          afterB: formatAmount(rule.minHoursAfterB),
        },
        { ruleId: rule.id, with: hits },
      ),
    );
  }
  return warnings;
}
