import type { SubstanceMatcher } from "./types.ts";

/** A matcher with its lists turned into sets, for matching in a hot loop. */
export interface CompiledMatcher {
  ids: ReadonlySet<string>;
  classes: ReadonlySet<string>;
}

export function compileMatcher(matcher: SubstanceMatcher): CompiledMatcher {
  return { ids: new Set(matcher.substanceIds ?? []), classes: new Set(matcher.classes ?? []) };
}

/** Whether a substance (its id and its classes, implied ones included) meets the matcher. */
export function matches(
  matcher: CompiledMatcher,
  substance: { id: string; classes: ReadonlySet<string> },
): boolean {
  if (matcher.ids.has(substance.id)) return true;
  for (const c of matcher.classes) if (substance.classes.has(c)) return true;
  return false;
}
