/**
 * What the edge needs before saving a dose: the definition to check a unit against
 * (`checkUnit` / `toCanonicalAmount` in ../units.ts), for a catalog substance or a custom one
 * built from the classes the person picked, and the classes a person may pick.
 */

import type { CompiledRules } from "./compile.ts";
import { compiledFor } from "./evaluate.ts";
import type { SafetyRules, SubstanceClass, SubstanceDefinition } from "./types.ts";

/**
 * The catalog definition of `substanceId`, or for a custom substance one built from the picked
 * classes (units and routes of those classes). Undefined when neither applies: Mitra knows
 * nothing about it, and the engine will say "no data".
 */
export function resolveSubstanceDefinition(
  rules: SafetyRules | CompiledRules,
  substanceId: string,
  classes?: readonly string[],
  name?: string,
): SubstanceDefinition | undefined {
  return compiledFor(rules).resolve(substanceId, classes, name).definition;
}

/** Classes a person may pick for a custom substance, which then inherits their rules. */
export function pickableClasses(rules: SafetyRules | CompiledRules): SubstanceClass[] {
  return compiledFor(rules).rules.classes.filter((c) => c.pickable);
}
