/**
 * Whether the knowledge decided every pair it can meet: each pair of catalog substances, and each
 * class a person may pick for a custom substance against the catalog and the other pickable
 * classes. A pair is decided when a rule (Mitra's or a rated layer's) or a "no data" decision
 * covers it. `mitra kb check` and the tests require none undecided, so the engine can never be
 * silent about a pair by omission.
 */

import type { CompiledRules, ResolvedSubstance } from "./compile.ts";

export interface UndecidedPair {
  a: string;
  b: string;
}

/** Every substance the engine can meet with known classes: the catalog and one per pickable class. */
export function decisionSubjects(compiled: CompiledRules): ResolvedSubstance[] {
  const catalog = [...compiled.substances.keys()].map((id) => compiled.resolve(id));
  const custom = [...compiled.classes.values()]
    .filter((c) => c.pickable)
    .map((c) => compiled.resolve(`custom-${c.id}`, [c.id], `a custom ${c.name}`));
  return [...catalog, ...custom];
}

function decided(compiled: CompiledRules, x: ResolvedSubstance, y: ResolvedSubstance): boolean {
  const verdict = compiled.pair(x, y);
  return verdict.hits.length > 0 || verdict.unrated.length > 0;
}

/** Pairs no rule and no "no data" decision covers (substances of one pool never pair). */
export function undecidedPairs(compiled: CompiledRules): UndecidedPair[] {
  const subjects = decisionSubjects(compiled);
  const out: UndecidedPair[] = [];
  for (let i = 0; i < subjects.length; i++) {
    const x = subjects[i] as ResolvedSubstance;
    for (let j = i; j < subjects.length; j++) {
      const y = subjects[j] as ResolvedSubstance;
      if (i === j && !x.custom) continue;
      if (x.pool === y.pool && !x.custom) continue;
      if (!decided(compiled, x, y)) out.push({ a: x.id, b: y.id });
    }
  }
  return out;
}
