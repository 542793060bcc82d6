import type { Jurisdiction } from "../core/legal/jurisdiction.ts";

/** A small, made-up jurisdiction tree for tests; not legal facts. */
export function fixtureJurisdiction(
  overrides: Partial<Jurisdiction> & Pick<Jurisdiction, "code" | "kind">,
): Jurisdiction {
  return {
    name: overrides.code,
    kratom: "legal",
    seven_oh: "legal",
    summary: "Test record.",
    sources: [{ title: "Test source", url: "https://example.org/test" }],
    as_of: "2026-01-01",
    verified: true,
    ...overrides,
  };
}
