/**
 * Combination warnings: the candidate against everything else in the body — recent doses inside
 * each rule's window, and the person's regular medicines always. Rules (Mitra's own and the rated
 * layers' ratings) match on ids and classes in both directions; per pair the worst rule whose
 * window and order cover the pair wins. A pair no rule covers answers "no data: not known to be
 * safe", with the recorded reason when the knowledge decided it has no rating: never silence.
 */

import type { Warning } from "../warning.ts";
import type { PairHit, PairRating, PairVerdict, ResolvedSubstance } from "./compile.ts";
import type { EvaluationState } from "./evaluation-state.ts";
import { fillTemplate } from "./template.ts";

const HOUR_MS = 3_600_000;

interface Partner {
  substance: ResolvedSubstance;
  /** Time from the partner's latest dose before the candidate to the candidate, in ms. */
  beforeMs?: number;
  beforeAt?: string;
  /** Time from the candidate to the partner's earliest dose after it, in ms. */
  afterMs?: number;
  afterAt?: string;
  regular: boolean;
}

interface PartnerDetail {
  substanceId: string;
  name: string;
  takenAt?: string;
  /** Hours between this partner's dose and the candidate, rounded to one decimal. */
  hoursApart?: number;
  regularMedicine?: true;
}

function collectPartners(state: EvaluationState): Map<string, Partner> {
  const { compiled, candidate } = state;
  const partners = new Map<string, Partner>();
  const sameAsCandidate = (s: ResolvedSubstance) =>
    s.id === candidate.substance.id || s.pool === candidate.substance.pool;
  const partnerOf = (substance: ResolvedSubstance) => {
    let p = partners.get(substance.key);
    if (!p) {
      p = { substance, regular: false };
      partners.set(substance.key, p);
    }
    return p;
  };

  for (const item of state.recent) {
    if (sameAsCandidate(item.substance)) continue;
    const distance = Math.abs(item.at - candidate.at);
    if (distance > compiled.maxInteractionWindowMs) continue;
    const p = partnerOf(item.substance);
    // Doses at the same instant have no order: they count on both sides.
    if (item.at <= candidate.at && (p.beforeMs === undefined || distance < p.beforeMs)) {
      p.beforeMs = distance;
      p.beforeAt = item.ingestion.takenAt;
    }
    if (item.at >= candidate.at && (p.afterMs === undefined || distance < p.afterMs)) {
      p.afterMs = distance;
      p.afterAt = item.ingestion.takenAt;
    }
  }
  for (const id of state.context.profile.medicines) {
    const substance = compiled.resolve(id);
    if (sameAsCandidate(substance)) continue;
    partnerOf(substance).regular = true;
  }
  return partners;
}

interface Reach {
  ms: number;
  at?: string;
}

/**
 * The partner's nearest dose on the allowed sides of the candidate: its distance and time (0 for
 * a regular medicine, which counts on both sides).
 */
function reach(p: Partner, before: boolean, after: boolean): Reach | undefined {
  if (p.regular) return { ms: 0 };
  const options: Reach[] = [];
  if (before && p.beforeMs !== undefined) options.push({ ms: p.beforeMs, at: p.beforeAt });
  if (after && p.afterMs !== undefined) options.push({ ms: p.afterMs, at: p.afterAt });
  return options.sort((x, y) => x.ms - y.ms)[0];
}

function detail(p: Partner, at: Reach): PartnerDetail {
  const d: PartnerDetail = { substanceId: p.substance.id, name: p.substance.name };
  if (p.regular) d.regularMedicine = true;
  else if (at.at !== undefined) {
    d.takenAt = at.at;
    d.hoursApart = Math.round((at.ms / HOUR_MS) * 10) / 10;
  }
  return d;
}

/** "9 hours" or "your regular medicines" for a message's {apart} placeholder. */
function apartText(details: PartnerDetail[]): string {
  const timed = details.filter((d) => d.hoursApart !== undefined);
  if (timed.length === 0) return "your list of regular medicines";
  const h = Math.min(...timed.map((d) => d.hoursApart as number));
  if (h < 1) return "less than an hour";
  if (h < 48) return `${Math.round(h)} hours`;
  return `${Math.round(h / 24)} days`;
}

function ratingsDetail(hit: PairHit, ratings: PairRating[]) {
  const own = (hit.interaction.rule.ratings ?? []).map((r) => ({ by: r.by, level: r.level }));
  const layers = ratings
    .filter((r) => !own.some((o) => o.by === r.by))
    .map((r) =>
      r.disagreement === undefined ? { by: r.by, level: r.level, groups: r.groups } : r,
    );
  return [...own, ...layers];
}

function ruleWarning(
  state: EvaluationState,
  hit: PairHit,
  ratings: PairRating[],
  partners: PartnerDetail[],
): Warning {
  const { rule, severity } = hit.interaction;
  const values = { apart: apartText(partners) };
  const details: Record<string, unknown> = {
    ruleId: rule.id,
    level: rule.level,
    windowHours: rule.windowHours,
    candidate: state.candidate.substance.id,
    with: partners,
  };
  const shown = ratingsDetail(hit, ratings);
  if (shown.length > 0) details.ratings = shown;
  if (rule.evidence) details.evidence = rule.evidence;
  return {
    code: `interaction.${rule.id}`,
    severity,
    title: fillTemplate(rule.title, values),
    message: fillTemplate(rule.message, values),
    action: fillTemplate(rule.action, values),
    sources: rule.sources,
    details,
  };
}

function noDataWarning(
  state: EvaluationState,
  partner: Partner,
  at: Reach,
  verdict: PairVerdict,
): Warning {
  const policy = state.compiled.rules.interactionPolicy.noData;
  const a = state.candidate.substance;
  const b = partner.substance;
  const ids = [a.id, b.id].sort();
  const reasons = verdict.unrated.map((u) => u.reason);
  const message = fillTemplate(policy.pairMessage, { a: a.name, b: b.name });
  const details: Record<string, unknown> = { candidate: a.id, with: [detail(partner, at)] };
  if (verdict.unrated.length > 0) details.decisions = verdict.unrated.map((u) => u.id);
  return {
    code: `nodata.pair.${ids.join(".")}`,
    severity: policy.severity,
    title: policy.title,
    message: reasons.length > 0 ? `${message} ${reasons.join(" ")}` : message,
    action: policy.action,
    sources: [...policy.sources, ...verdict.unrated.flatMap((u) => u.sources)],
    details,
  };
}

export function combinationWarnings(state: EvaluationState): Warning[] {
  const { compiled, candidate } = state;
  const defaultWindowMs = compiled.rules.interactionPolicy.defaultWindowHours * HOUR_MS;
  const byRule = new Map<
    string,
    { hit: PairHit; ratings: PairRating[]; partners: PartnerDetail[] }
  >();
  const warnings: Warning[] = [];

  for (const partner of collectPartners(state).values()) {
    const verdict = compiled.pair(candidate.substance, partner.substance);
    if (verdict.noData) {
      const at = reach(partner, true, true);
      if (at && at.ms <= defaultWindowMs) warnings.push(noDataWarning(state, partner, at, verdict));
      continue;
    }
    let chosen: { hit: PairHit; at: Reach } | undefined;
    for (const hit of verdict.hits) {
      const at = reach(partner, hit.partnerBefore, hit.partnerAfter);
      if (at && at.ms <= hit.interaction.windowMs) {
        chosen = { hit, at };
        break;
      }
    }
    if (!chosen || chosen.hit.interaction.rule.quiet) continue;
    const id = chosen.hit.interaction.rule.id;
    const group = byRule.get(id);
    if (group) group.partners.push(detail(partner, chosen.at));
    else
      byRule.set(id, {
        hit: chosen.hit,
        ratings: verdict.ratings,
        partners: [detail(partner, chosen.at)],
      });
  }
  for (const { hit, ratings, partners } of byRule.values()) {
    partners.sort((x, y) => x.substanceId.localeCompare(y.substanceId));
    warnings.push(ruleWarning(state, hit, ratings, partners));
  }
  return warnings;
}
