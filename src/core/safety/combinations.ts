/**
 * Combination warnings: the candidate against everything else in the body — recent doses inside
 * each rule's window, and the person's regular medicines always. Rules match on ids and classes
 * in both directions; per pair the worst rule whose window covers the pair wins. A pair no rule
 * covers, where either side is kratom-like or unknown, answers "no data: not known to be safe".
 */

import type { Warning } from "../warning.ts";
import type { CompiledInteraction, ResolvedSubstance } from "./compile.ts";
import type { EvaluationState } from "./evaluation-state.ts";
import { fillTemplate } from "./template.ts";

interface Partner {
  substance: ResolvedSubstance;
  /** Smallest time between the candidate and a dose of it, in ms (0 for a regular medicine). */
  nearestMs: number;
  takenAt?: string;
  regular: boolean;
}

interface PartnerDetail {
  substanceId: string;
  name: string;
  takenAt?: string;
  regularMedicine?: true;
}

function collectPartners(state: EvaluationState): Map<string, Partner> {
  const { compiled, candidate } = state;
  const partners = new Map<string, Partner>();
  const sameAsCandidate = (s: ResolvedSubstance) =>
    s.id === candidate.substance.id || s.pool === candidate.substance.pool;

  for (const item of state.recent) {
    if (sameAsCandidate(item.substance)) continue;
    const distance = Math.abs(item.at - candidate.at);
    if (distance > compiled.maxInteractionWindowMs) continue;
    const seen = partners.get(item.substance.key);
    if (!seen || distance < seen.nearestMs) {
      partners.set(item.substance.key, {
        substance: item.substance,
        nearestMs: distance,
        takenAt: item.ingestion.takenAt,
        regular: seen?.regular ?? false,
      });
    }
  }
  for (const id of state.context.profile.medicines) {
    const substance = compiled.resolve(id);
    if (sameAsCandidate(substance)) continue;
    partners.set(substance.key, { substance, nearestMs: 0, regular: true });
  }
  return partners;
}

function detail(p: Partner): PartnerDetail {
  const d: PartnerDetail = { substanceId: p.substance.id, name: p.substance.name };
  if (p.regular) d.regularMedicine = true;
  else if (p.takenAt !== undefined) d.takenAt = p.takenAt;
  return d;
}

function ruleWarning(
  state: EvaluationState,
  hit: CompiledInteraction,
  partners: PartnerDetail[],
): Warning {
  const rule = hit.rule;
  const details: Record<string, unknown> = {
    ruleId: rule.id,
    level: rule.level,
    windowHours: rule.windowHours,
    candidate: state.candidate.substance.id,
    with: partners,
  };
  if (rule.ratings) details.ratings = rule.ratings.map((r) => ({ by: r.by, level: r.level }));
  if (rule.evidence) details.evidence = rule.evidence;
  return {
    code: `interaction.${rule.id}`,
    severity: hit.severity,
    title: rule.title,
    message: rule.message,
    action: rule.action,
    sources: rule.sources,
    details,
  };
}

function noDataWarning(state: EvaluationState, partner: Partner): Warning {
  const policy = state.compiled.rules.interactionPolicy.noData;
  const a = state.candidate.substance;
  const b = partner.substance;
  const ids = [a.id, b.id].sort();
  return {
    code: `nodata.pair.${ids.join(".")}`,
    severity: policy.severity,
    title: policy.title,
    message: fillTemplate(policy.pairMessage, { a: a.name, b: b.name }),
    action: policy.action,
    sources: policy.sources,
    details: { candidate: a.id, with: [detail(partner)] },
  };
}

export function combinationWarnings(state: EvaluationState): Warning[] {
  const { compiled, candidate } = state;
  const defaultWindowMs = compiled.rules.interactionPolicy.defaultWindowHours * 3_600_000;
  const byRule = new Map<string, { hit: CompiledInteraction; partners: PartnerDetail[] }>();
  const warnings: Warning[] = [];

  for (const partner of collectPartners(state).values()) {
    const verdict = compiled.pair(candidate.substance, partner.substance);
    if (verdict.noData) {
      if (partner.nearestMs <= defaultWindowMs) warnings.push(noDataWarning(state, partner));
      continue;
    }
    const hit = verdict.rules.find((r) => partner.nearestMs <= r.windowMs);
    if (!hit) continue;
    const group = byRule.get(hit.rule.id);
    if (group) group.partners.push(detail(partner));
    else byRule.set(hit.rule.id, { hit, partners: [detail(partner)] });
  }
  for (const { hit, partners } of byRule.values()) {
    partners.sort((x, y) => x.substanceId.localeCompare(y.substanceId));
    warnings.push(ruleWarning(state, hit, partners));
  }
  return warnings;
}
