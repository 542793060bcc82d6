/**
 * The safety engine's knowledge, assembled from substances.json, interactions.json,
 * conditions.json and limits.json, cross-checked (every class and substance a rule names exists,
 * every threshold resolves) and compiled once. Also the mitragynine studies the exposure model
 * uses. Server and CLI call these; core never imports them.
 */

import type { ExposureParameterSet } from "../core/exposure/estimate.ts";
import { type CompiledRules, compileRules } from "../core/safety/compile.ts";
import { undecidedPairs } from "../core/safety/coverage.ts";
import type { SafetyRules, SubstanceMatcher } from "../core/safety/types.ts";
import { loadConditions } from "./conditions.ts";
import { loadInteractions } from "./interactions.ts";
import { limitsOf } from "./limits.schema.ts";
import { loadLimits } from "./limits.ts";
import { ratedLayerOf } from "./rated-layer.schema.ts";
import { loadTripsitCombos } from "./rated-layers.ts";
import { loadSubstances } from "./substances.ts";

let rules: SafetyRules | undefined;
let compiled: CompiledRules | undefined;

function assemble(): SafetyRules {
  const substances = loadSubstances();
  const interactions = loadInteractions();
  const conditions = loadConditions();
  return {
    classes: substances.classes,
    substances: substances.substances,
    interactions: interactions.rules,
    unrated: interactions.unrated,
    ratedLayers: [ratedLayerOf(loadTripsitCombos())],
    interactionPolicy: {
      defaultWindowHours: interactions.policy.defaultWindowHours,
      levelSeverity: interactions.policy.levelSeverity,
      noData: interactions.policy.noData,
    },
    conditions: conditions.conditions,
    conditionRules: conditions.rules,
    limits: limitsOf(loadLimits()),
  };
}

/**
 * Everything the files name that does not exist, and every rule that does not compile. Empty for
 * a sound knowledge base; tests require it empty.
 */
export function safetyRuleProblems(r: SafetyRules): string[] {
  const problems: string[] = [];
  const classIds = new Set(r.classes.map((c) => c.id));
  const substanceIds = new Set(r.substances.map((s) => s.id));
  const pools = new Set(r.substances.map((s) => s.canonical.pool ?? s.id));
  const check = (where: string, m: SubstanceMatcher) => {
    for (const c of m.classes ?? []) if (!classIds.has(c)) problems.push(`${where}: no class ${c}`);
    for (const s of m.substanceIds ?? []) {
      if (!substanceIds.has(s)) problems.push(`${where}: no substance ${s}`);
    }
  };
  for (const rule of [...r.interactions, ...r.unrated]) {
    check(`interaction ${rule.id} a`, rule.a);
    check(`interaction ${rule.id} b`, rule.b);
  }
  for (const layer of r.ratedLayers) {
    for (const g of layer.groups) check(`${layer.by} group ${g.id}`, g.matcher);
  }
  for (const rule of r.conditionRules)
    check(`condition ${rule.conditionId}.${rule.id}`, rule.matcher);
  for (const rule of r.limits.spacingRules) {
    check(`spacing ${rule.id} a`, rule.a);
    check(`spacing ${rule.id} b`, rule.b);
  }
  for (const rule of r.limits.substanceWarnings)
    check(`substance warning ${rule.id}`, rule.matcher);
  for (const rule of r.limits.reportedSigns) check(`reported sign ${rule.id}`, rule.matcher);
  for (const rule of [...r.limits.dailyLimits, ...r.limits.referenceAmountRules]) {
    if (!pools.has(rule.pool)) problems.push(`amount rule ${rule.id}: no pool ${rule.pool}`);
  }
  problems.push(...compileRules(r).problems);
  return problems;
}

/**
 * The validated, cross-checked rules (same object on every call). Throws if a file is invalid or
 * a rule names something that does not exist: the knowledge base is broken and Mitra must not
 * start.
 */
export function loadSafetyRules(): SafetyRules {
  if (rules === undefined) {
    const assembled = assemble();
    const problems = safetyRuleProblems(assembled);
    if (problems.length > 0) {
      throw new Error(`safety knowledge is inconsistent:\n${problems.join("\n")}`);
    }
    rules = assembled;
  }
  return rules;
}

/**
 * Every pair of catalog substances (and pickable classes) that no rule, rated layer or "no data"
 * decision covers, as `mitra kb check` prints it. Empty for a complete matrix.
 */
export function undecidedPairProblems(r: SafetyRules = loadSafetyRules()): string[] {
  return undecidedPairs(compileRules(r)).map(
    (p) => `interactions: no decision for ${p.a} with ${p.b} (add a rule or an unrated entry)`,
  );
}

/** The rules compiled once, for `evaluate(compiled, context)` in a hot path. */
export function loadCompiledSafetyRules(): CompiledRules {
  if (compiled === undefined) compiled = compileRules(loadSafetyRules());
  return compiled;
}

/**
 * Each published mitragynine pharmacokinetic result (tmax and half-life) for the exposure model,
 * one set per study arm, with its sources.
 */
export function mitragynineExposureSets(): ExposureParameterSet[] {
  const leaf = loadSubstances().substances.find((s) => s.id === "kratom-leaf");
  return (leaf?.pharmacokinetics ?? [])
    .filter((p) => p.analyte === "mitragynine")
    .map((p) => ({
      id: p.id,
      label: `${p.population}; ${p.design}`,
      tmaxHours: p.tmaxHours.value,
      halfLifeHours: p.halfLifeHours.value,
      sources: p.sources,
    }));
}
