/**
 * Mitra's safety engine. Usage (server or browser):
 *
 *   const rules = loadCompiledSafetyRules();            // src/knowledge/safety-rules.ts, once
 *   const def = resolveSubstanceDefinition(rules, body.substanceId, body.classes);
 *   const bad = def ? checkUnit(def, body.unit) : null; // src/core/units.ts: 400 naming the unit
 *   const warnings = evaluate(rules, { profile, history, assessments, plan, candidate, now });
 *
 * `history` is the person's recent ingestions (the last 72 hours is enough; more is allowed),
 * `plan` today's numbers of the active plan (the plan module's `ActivePlanLimits` fits),
 * `assessments` their recent answers. Warnings come back worst first, each with its sources.
 */
export {
  type CompiledRules,
  compileRules,
  type PairVerdict,
  type ResolvedSubstance,
} from "./compile.ts";
export { compiledFor, evaluate } from "./evaluate.ts";
export { pickableClasses, resolveSubstanceDefinition } from "./substance-lookup.ts";
export * from "./types.ts";
