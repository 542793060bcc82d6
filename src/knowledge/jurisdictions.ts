import type { Jurisdiction } from "../core/legal/jurisdiction.ts";
import data from "./data/jurisdictions.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";
import { jurisdictionsFileSchema } from "./jurisdictions.schema.ts";

let jurisdictions: Jurisdiction[] | undefined;

/**
 * Legal status of kratom and 7-OH by jurisdiction (countries, US states and DC, known local
 * bans), validated on first call and frozen. Throws a ZodError if the data file is invalid.
 * Use with resolveJurisdiction / searchJurisdictions from src/core/legal/. A place with no record
 * has no data: say so, never imply it is legal.
 */
export function loadJurisdictions(): Jurisdiction[] {
  if (jurisdictions === undefined) {
    jurisdictions = deepFreeze(jurisdictionsFileSchema.parse(data).jurisdictions);
  }
  return jurisdictions;
}
