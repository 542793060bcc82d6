/**
 * `compileRules` turns `SafetyRules` into indexes the engine reads in constant time: substances
 * and classes by id, class closures, matchers as sets, thresholds resolved to numbers, and a
 * per-pair cache of the matching interaction rules. Compile once at start and reuse; `evaluate`
 * also accepts raw rules and compiles them (cached per rules object).
 */

import { convertMass, type Unit } from "../units.ts";
import type { Severity } from "../warning.ts";
import { type CompiledMatcher, compileMatcher, matches } from "./matcher.ts";
import { fillTemplate } from "./template.ts";
import {
  INTERACTION_LEVELS,
  type InteractionLevel,
  type InteractionRule,
  type RatedLayer,
  type ReferenceAmountRule,
  type SafetyRules,
  type SpacingRule,
  type SubstanceClass,
  type SubstanceDefinition,
  type UnratedPair,
} from "./types.ts";

/** A substance as the engine sees it: catalog entry, custom substance with classes, or unknown. */
export interface ResolvedSubstance {
  /** Cache key: the id for catalog substances, the classes for custom ones. */
  key: string;
  id: string;
  name: string;
  /** Its classes and every class they imply. */
  classes: ReadonlySet<string>;
  /** False when Mitra knows nothing about it (not in the catalog, no known class picked). */
  known: boolean;
  custom: boolean;
  /** Catalog definition, or one built from the picked classes for a custom substance. */
  definition: SubstanceDefinition | undefined;
  pool: string;
}

export interface CompiledInteraction {
  rule: InteractionRule;
  a: CompiledMatcher;
  b: CompiledMatcher;
  rank: number;
  windowMs: number;
  severity: Severity;
  /** Mitra's own rule, or one made from a rated layer's rating (TripSit). */
  origin: "mitra" | "rated";
}

/** A rule that matches a pair, and which timing of the partner it needs (ordered rules). */
export interface PairHit {
  interaction: CompiledInteraction;
  /** The rule applies when the partner was taken before the candidate. */
  partnerBefore: boolean;
  /** The rule applies when the partner was taken after the candidate. */
  partnerAfter: boolean;
}

/** A rated layer's rating of a pair, for display beside Mitra's decision. */
export interface PairRating {
  by: string;
  level: InteractionLevel;
  /** The layer's group names, e.g. ["Opioids", "SSRIs"]. */
  groups: [string, string];
  /** Why Mitra rates the pair lower, when it does. */
  disagreement?: string;
}

/**
 * What the knowledge decided about a pair (x is the candidate, y the partner): the rules that
 * match, worst first (on a tie Mitra's own rules, then the narrower rule: see breadth); the
 * rated layers' ratings; the "no data" decisions. `noData` when no rule matches: the engine then
 * answers "no data: not known to be safe", decided (`unrated` non-empty) or not.
 */
export interface PairVerdict {
  hits: PairHit[];
  ratings: PairRating[];
  unrated: UnratedPair[];
  noData: boolean;
}

export interface CompiledSpacing {
  rule: SpacingRule;
  a: CompiledMatcher;
  b: CompiledMatcher;
  windowMs: number;
}

export interface CompiledReference {
  rule: ReferenceAmountRule;
  /** Threshold in the pool's canonical unit. */
  threshold: number;
  /** Threshold as the source gives it, for messages. */
  sourceValue: number;
  sourceUnit: Unit;
}

export interface CompiledRules {
  readonly rules: SafetyRules;
  readonly substances: ReadonlyMap<string, SubstanceDefinition>;
  readonly classes: ReadonlyMap<string, SubstanceClass>;
  readonly poolUnits: ReadonlyMap<string, Unit>;
  /** Mitra's rules and the rated layers' ratings as rules, worst first. */
  readonly interactions: readonly CompiledInteraction[];
  /** Longest interaction window, in ms: history older than this cannot form a pair. */
  readonly maxInteractionWindowMs: number;
  readonly spacing: readonly CompiledSpacing[];
  readonly references: readonly CompiledReference[];
  readonly substanceWarnings: readonly { matcher: CompiledMatcher; index: number }[];
  readonly conditionMatchers: readonly CompiledMatcher[];
  readonly signMatchers: readonly CompiledMatcher[];
  /** Rules that could not be compiled (a tier that does not exist...). Tests require none. */
  readonly problems: readonly string[];
  resolve(substanceId: string, classes?: readonly string[], name?: string): ResolvedSubstance;
  pair(x: ResolvedSubstance, y: ResolvedSubstance): PairVerdict;
}

const HOUR_MS = 3_600_000;

function classClosure(start: Iterable<string>, classes: ReadonlyMap<string, SubstanceClass>) {
  const out = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const c = stack.pop() as string;
    if (out.has(c)) continue;
    out.add(c);
    for (const implied of classes.get(c)?.implies ?? []) stack.push(implied);
  }
  return out;
}

/**
 * How many catalog pairs a rule can match: on a tie in level the narrower rule speaks (a rule
 * naming substances, or sedating antihistamines, before one about every sedating drug).
 */
function breadth(
  i: { a: CompiledMatcher; b: CompiledMatcher },
  catalog: readonly { id: string; classes: ReadonlySet<string> }[],
): number {
  const count = (m: CompiledMatcher) => catalog.filter((s) => matches(m, s)).length;
  return count(i.a) * count(i.b);
}

function levelRank(rule: InteractionRule): number {
  return INTERACTION_LEVELS.indexOf(rule.level);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * A rated layer's ratings as rules in Mitra's words (the layer's texts, filled with its group
 * names), each citing the layer; pairs Mitra recorded a disagreement on are left out.
 */
function ratedRules(layer: RatedLayer, windowHours: number): InteractionRule[] {
  const groups = new Map(layer.groups.map((g) => [g.id, g]));
  const disagreed = new Set(layer.disagreements.map((d) => pairKey(d.a, d.b)));
  const slug = layer.by.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const out: InteractionRule[] = [];
  for (const r of layer.ratings) {
    const a = groups.get(r.a);
    const b = groups.get(r.b);
    if (!a || !b || disagreed.has(pairKey(r.a, r.b))) continue;
    const text = layer.texts[r.level];
    const names = { a: a.name, b: b.name };
    out.push({
      id: `${slug}-${r.a}-${r.b}`,
      a: a.matcher,
      b: b.matcher,
      level: r.level,
      windowHours,
      title: fillTemplate(text.title, names),
      message: fillTemplate(text.message, names),
      action: fillTemplate(text.action, names),
      ratings: [{ by: layer.by, level: r.level, sources: layer.sources }],
      evidence: "rated",
      sources: layer.sources,
    });
  }
  return out;
}

/** Each layer's groups compiled, and its ratings by group pair. */
function compileLayers(layers: readonly RatedLayer[]) {
  return layers.map((layer) => ({
    layer,
    groups: layer.groups.map((g) => ({ group: g, matcher: compileMatcher(g.matcher) })),
    ratings: new Map(layer.ratings.map((r) => [pairKey(r.a, r.b), r.level])),
    disagreements: new Map(layer.disagreements.map((d) => [pairKey(d.a, d.b), d.reason])),
  }));
}

function compileReferences(
  rules: SafetyRules,
  substances: ReadonlyMap<string, SubstanceDefinition>,
  poolUnits: ReadonlyMap<string, Unit>,
  problems: string[],
): CompiledReference[] {
  const out: CompiledReference[] = [];
  for (const rule of rules.limits.referenceAmountRules) {
    const ref = rule.reference;
    const reference = substances.get(ref.substanceId)?.doseReferences?.find((r) => r.by === ref.by);
    const tier = reference?.tiers.find((t) => t.name === ref.tier);
    const value = tier?.[ref.bound];
    const poolUnit = poolUnits.get(rule.pool);
    if (reference === undefined || value === undefined || poolUnit === undefined) {
      problems.push(
        `reference rule ${rule.id}: no ${ref.by} ${ref.tier}.${ref.bound} for ${ref.substanceId} in pool ${rule.pool}`,
      );
      continue;
    }
    const threshold = convertMass(value, reference.unit, poolUnit);
    if (threshold === null) {
      problems.push(`reference rule ${rule.id}: ${reference.unit} does not convert to ${poolUnit}`);
      continue;
    }
    out.push({ rule, threshold, sourceValue: value, sourceUnit: reference.unit });
  }
  return out;
}

/** Build the engine's indexes from rules. Never throws on rules that passed their schemas. */
export function compileRules(rules: SafetyRules): CompiledRules {
  const problems: string[] = [];
  const substances = new Map(rules.substances.map((s) => [s.id, s]));
  const classes = new Map(rules.classes.map((c) => [c.id, c]));
  const poolUnits = new Map<string, Unit>();
  for (const s of rules.substances) {
    const pool = s.canonical.pool ?? s.id;
    const seen = poolUnits.get(pool);
    if (seen !== undefined && seen !== s.canonical.unit) {
      problems.push(`pool ${pool}: ${s.id} counts in ${s.canonical.unit}, others in ${seen}`);
    }
    poolUnits.set(pool, seen ?? s.canonical.unit);
  }

  const { levelSeverity, defaultWindowHours } = rules.interactionPolicy;
  const compileRule = (rule: InteractionRule, origin: CompiledInteraction["origin"]) => ({
    rule,
    a: compileMatcher(rule.a),
    b: compileMatcher(rule.b),
    rank: levelRank(rule),
    windowMs: rule.windowHours * HOUR_MS,
    severity: levelSeverity[rule.level],
    origin,
  });
  const originRank = (i: CompiledInteraction) => (i.origin === "mitra" ? 1 : 0);
  const catalog = rules.substances.map((s) => ({
    id: s.id,
    classes: classClosure(s.classes, classes),
  }));
  const interactions: CompiledInteraction[] = [
    ...rules.interactions.map((r) => compileRule(r, "mitra")),
    ...rules.ratedLayers.flatMap((layer) =>
      ratedRules(layer, defaultWindowHours).map((r) => compileRule(r, "rated")),
    ),
  ]
    .map((i) => ({ i, breadth: breadth(i, catalog) }))
    .sort(
      (x, y) =>
        y.i.rank - x.i.rank ||
        originRank(y.i) - originRank(x.i) ||
        x.breadth - y.breadth ||
        x.i.rule.id.localeCompare(y.i.rule.id),
    )
    .map(({ i }) => i);
  const unrated = rules.unrated.map((u) => ({
    decision: u,
    a: compileMatcher(u.a),
    b: compileMatcher(u.b),
  }));
  const layers = compileLayers(rules.ratedLayers);
  const maxInteractionWindowMs = Math.max(
    rules.interactionPolicy.defaultWindowHours * HOUR_MS,
    ...interactions.map((i) => i.windowMs),
  );

  const spacing = rules.limits.spacingRules.map((rule) => ({
    rule,
    a: compileMatcher(rule.a),
    b: compileMatcher(rule.b),
    windowMs: Math.max(rule.minHoursAfterA, rule.minHoursAfterB) * HOUR_MS,
  }));

  const resolved = new Map<string, ResolvedSubstance>();
  const pairs = new Map<string, PairVerdict>();

  function resolve(substanceId: string, picked?: readonly string[], name?: string) {
    const definition = substances.get(substanceId);
    const key = definition
      ? substanceId
      : `custom:${substanceId}:${[...(picked ?? [])].sort().join(",")}`;
    const cached = resolved.get(key);
    if (cached) return cached;
    let result: ResolvedSubstance;
    if (definition) {
      result = {
        key,
        id: substanceId,
        name: definition.name,
        classes: classClosure(definition.classes, classes),
        known: true,
        custom: false,
        definition,
        pool: definition.canonical.pool ?? definition.id,
      };
    } else {
      const knownPicked = (picked ?? []).filter((c) => classes.get(c)?.pickable === true);
      const units = [...new Set(knownPicked.flatMap((c) => classes.get(c)?.units ?? []))];
      const routes = [...new Set(knownPicked.flatMap((c) => classes.get(c)?.routes ?? []))];
      const first = units[0];
      result = {
        key,
        id: substanceId,
        name: name ?? substanceId,
        classes: classClosure(knownPicked, classes),
        known: knownPicked.length > 0,
        custom: true,
        definition:
          first === undefined
            ? undefined
            : {
                id: substanceId,
                name: name ?? substanceId,
                aliases: [],
                classes: knownPicked,
                units,
                routes,
                canonical: { unit: first },
                sources: knownPicked.flatMap((c) => classes.get(c)?.sources ?? []),
              },
        pool: substanceId,
      };
    }
    resolved.set(key, result);
    return result;
  }

  function ratingsOf(x: ResolvedSubstance, y: ResolvedSubstance): PairRating[] {
    const out: PairRating[] = [];
    for (const { layer, groups, ratings, disagreements } of layers) {
      let best: PairRating | undefined;
      for (const gx of groups) {
        if (!matches(gx.matcher, x)) continue;
        for (const gy of groups) {
          if (!matches(gy.matcher, y)) continue;
          const key = pairKey(gx.group.id, gy.group.id);
          const level = ratings.get(key);
          if (level === undefined) continue;
          const rank = INTERACTION_LEVELS.indexOf(level);
          if (best && INTERACTION_LEVELS.indexOf(best.level) >= rank) continue;
          best = { by: layer.by, level, groups: [gx.group.name, gy.group.name] };
          const reason = disagreements.get(key);
          if (reason !== undefined) best.disagreement = reason;
        }
      }
      if (best) out.push(best);
    }
    return out;
  }

  function pair(x: ResolvedSubstance, y: ResolvedSubstance): PairVerdict {
    const key = `${x.key}|${y.key}`;
    const cached = pairs.get(key);
    if (cached) return cached;
    const hits: PairHit[] = [];
    for (const i of interactions) {
      const forward = matches(i.a, x) && matches(i.b, y);
      const backward = matches(i.a, y) && matches(i.b, x);
      if (!forward && !backward) continue;
      if (i.rule.order === "a-then-b") {
        // forward: the candidate is `a`, so the partner (b) must come after it; backward: before.
        hits.push({ interaction: i, partnerBefore: backward, partnerAfter: forward });
      } else hits.push({ interaction: i, partnerBefore: true, partnerAfter: true });
    }
    const verdict: PairVerdict = {
      hits,
      ratings: ratingsOf(x, y),
      unrated: unrated
        .filter((u) => (matches(u.a, x) && matches(u.b, y)) || (matches(u.a, y) && matches(u.b, x)))
        .map((u) => u.decision),
      noData: hits.length === 0,
    };
    pairs.set(key, verdict);
    return verdict;
  }

  return {
    rules,
    substances,
    classes,
    poolUnits,
    interactions,
    maxInteractionWindowMs,
    spacing,
    references: compileReferences(rules, substances, poolUnits, problems),
    substanceWarnings: rules.limits.substanceWarnings.map((r, index) => ({
      matcher: compileMatcher(r.matcher),
      index,
    })),
    conditionMatchers: rules.conditionRules.map((r) => compileMatcher(r.matcher)),
    signMatchers: rules.limits.reportedSigns.map((r) => compileMatcher(r.matcher)),
    problems,
    resolve,
    pair,
  };
}
