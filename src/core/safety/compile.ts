/**
 * `compileRules` turns `SafetyRules` into indexes the engine reads in constant time: substances
 * and classes by id, class closures, matchers as sets, thresholds resolved to numbers, and a
 * per-pair cache of the matching interaction rules. Compile once at start and reuse; `evaluate`
 * also accepts raw rules and compiles them (cached per rules object).
 */

import { convertMass, type Unit } from "../units.ts";
import type { Severity } from "../warning.ts";
import { type CompiledMatcher, compileMatcher, matches } from "./matcher.ts";
import {
  INTERACTION_LEVELS,
  type InteractionRule,
  type ReferenceAmountRule,
  type SafetyRules,
  type SpacingRule,
  type SubstanceClass,
  type SubstanceDefinition,
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
}

/**
 * Rules matching a pair, worst first (on a tie, rules naming a substance by id first);
 * `noData` when none does and silence is not allowed.
 */
export interface PairVerdict {
  rules: CompiledInteraction[];
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
  readonly interactions: readonly CompiledInteraction[];
  readonly noDataClasses: ReadonlySet<string>;
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

/** Rules naming substances by id are more specific than class rules: on a tie in level they win. */
function specificity(i: { a: CompiledMatcher; b: CompiledMatcher }): number {
  return (i.a.ids.size > 0 ? 1 : 0) + (i.b.ids.size > 0 ? 1 : 0);
}

function levelRank(rule: InteractionRule): number {
  return INTERACTION_LEVELS.indexOf(rule.level);
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

  const { levelSeverity, noData } = rules.interactionPolicy;
  const interactions: CompiledInteraction[] = rules.interactions
    .map((rule) => ({
      rule,
      a: compileMatcher(rule.a),
      b: compileMatcher(rule.b),
      rank: levelRank(rule),
      windowMs: rule.windowHours * HOUR_MS,
      severity: levelSeverity[rule.level],
    }))
    .sort(
      (x, y) =>
        y.rank - x.rank || specificity(y) - specificity(x) || x.rule.id.localeCompare(y.rule.id),
    );
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
  const noDataClasses = new Set(noData.classes);

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

  function pair(x: ResolvedSubstance, y: ResolvedSubstance): PairVerdict {
    const key = x.key < y.key ? `${x.key}|${y.key}` : `${y.key}|${x.key}`;
    const cached = pairs.get(key);
    if (cached) return cached;
    const matching = interactions.filter(
      (i) => (matches(i.a, x) && matches(i.b, y)) || (matches(i.a, y) && matches(i.b, x)),
    );
    const flagged = (s: ResolvedSubstance) =>
      !s.known || [...s.classes].some((c) => noDataClasses.has(c));
    const verdict: PairVerdict = {
      rules: matching,
      noData: matching.length === 0 && (flagged(x) || flagged(y)),
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
    noDataClasses,
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
