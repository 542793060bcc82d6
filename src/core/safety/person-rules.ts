/**
 * Rules about the person and the substance itself: profile conditions that make a substance
 * riskier, things the person reported (skin darkening, yellow skin) that matter when they log
 * more, warnings every time a substance is logged (extracts, 7-OH), and "no data" for a
 * substance or condition Mitra knows nothing about.
 */

import type { Warning } from "../warning.ts";
import type { EvaluationState } from "./evaluation-state.ts";
import { matches } from "./matcher.ts";
import { fillTemplate } from "./template.ts";
import type { AssessmentRecord } from "./types.ts";
import { warningFromText } from "./warning-from-text.ts";

export function conditionWarnings(state: EvaluationState): Warning[] {
  const { compiled, candidate } = state;
  const known = new Set(compiled.rules.conditions.map((c) => c.id));
  const have = new Set(state.context.profile.conditions);
  const warnings: Warning[] = [];
  compiled.rules.conditionRules.forEach((rule, i) => {
    const matcher = compiled.conditionMatchers[i];
    if (!have.has(rule.conditionId) || !matcher || !matches(matcher, candidate.substance)) return;
    warnings.push(
      warningFromText(
        `condition.${rule.conditionId}.${rule.id}`,
        rule,
        {},
        {
          conditionId: rule.conditionId,
          substanceId: candidate.substance.id,
        },
      ),
    );
  });
  const noData = compiled.rules.interactionPolicy.noData;
  for (const id of have) {
    if (known.has(id)) continue;
    warnings.push({
      code: `nodata.condition.${id}`,
      severity: noData.severity,
      title: noData.title,
      message: fillTemplate(noData.conditionMessage, { condition: id }),
      action: noData.action,
      sources: noData.sources,
      details: { conditionId: id },
    });
  }
  return warnings;
}

function latestAnswer(
  assessments: readonly AssessmentRecord[],
  instrument: string,
  key: string,
): { value: number; takenAt: string } | undefined {
  let best: { value: number; takenAt: string; at: number } | undefined;
  for (const a of assessments) {
    if (a.instrument !== instrument || !Object.hasOwn(a.answers, key)) continue;
    const at = Date.parse(a.takenAt);
    const value = a.answers[key];
    if (!Number.isFinite(at) || typeof value !== "number") continue;
    if (!best || at > best.at) best = { value, takenAt: a.takenAt, at };
  }
  return best && { value: best.value, takenAt: best.takenAt };
}

/**
 * One warning per reported sign that matters for this substance. The same sign can be asked on
 * two instruments (yellow skin on the red-flag screen and on the side-effects checklist), each
 * with its rule and the same text: the person reads it once, from the latest report.
 */
export function reportedSignWarnings(state: EvaluationState): Warning[] {
  const { compiled, candidate } = state;
  const assessments = state.context.assessments ?? [];
  if (assessments.length === 0) return [];
  const byTitle = new Map<string, { warning: Warning; at: number }>();
  compiled.rules.limits.reportedSigns.forEach((rule, i) => {
    const matcher = compiled.signMatchers[i];
    if (!matcher || !matches(matcher, candidate.substance)) return;
    const answer = latestAnswer(assessments, rule.instrument, rule.answerKey);
    if (!answer || answer.value < rule.atLeast) return;
    const at = Date.parse(answer.takenAt);
    const seen = byTitle.get(rule.title);
    if (seen && seen.at >= at) return;
    byTitle.set(rule.title, {
      at,
      warning: warningFromText(
        `sign.${rule.id}`,
        rule,
        {},
        {
          instrument: rule.instrument,
          answerKey: rule.answerKey,
          reportedAt: answer.takenAt,
        },
      ),
    });
  });
  return [...byTitle.values()].map((v) => v.warning);
}

export function substanceWarnings(state: EvaluationState): Warning[] {
  const { compiled, candidate } = state;
  const warnings: Warning[] = [];
  for (const { matcher, index } of compiled.substanceWarnings) {
    const rule = compiled.rules.limits.substanceWarnings[index];
    if (!rule || !matches(matcher, candidate.substance)) continue;
    warnings.push(
      warningFromText(
        `substance.${rule.id}`,
        rule,
        { substance: candidate.substance.name },
        {
          substanceId: candidate.substance.id,
        },
      ),
    );
  }
  if (!candidate.substance.known) {
    const noData = compiled.rules.interactionPolicy.noData;
    warnings.push({
      code: `nodata.substance.${candidate.substance.id}`,
      severity: noData.severity,
      title: noData.title,
      message: fillTemplate(noData.substanceMessage, { substance: candidate.substance.name }),
      action: noData.action,
      sources: noData.sources,
      details: { substanceId: candidate.substance.id, custom: candidate.substance.custom },
    });
  }
  return warnings;
}
