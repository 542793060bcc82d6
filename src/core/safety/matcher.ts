import type { SubstanceMatcher } from "./types.ts";

/** A matcher with its lists turned into sets, for matching in a hot loop. */
export interface CompiledMatcher {
  ids: ReadonlySet<string>;
  classes: ReadonlySet<string>;
  any: boolean;
}

export function compileMatcher(matcher: SubstanceMatcher): CompiledMatcher {
  return {
    ids: new Set(matcher.substanceIds ?? []),
    classes: new Set(matcher.classes ?? []),
    any: matcher.anySubstance === true,
  };
}

/** Whether a substance (its id and its classes, implied ones included) meets the matcher. */
export function matches(
  matcher: CompiledMatcher,
  substance: { id: string; classes: ReadonlySet<string> },
): boolean {
  if (matcher.any || matcher.ids.has(substance.id)) return true;
  for (const c of matcher.classes) if (substance.classes.has(c)) return true;
  return false;
}
