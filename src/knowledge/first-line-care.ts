import type { FirstLineCare } from "../core/evidence/first-line-care.ts";
import data from "./data/first-line-care.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";
import { firstLineCareFileSchema } from "./first-line-care.schema.ts";

let care: FirstLineCare[] | undefined;

/**
 * First-line care (buprenorphine, methadone, naltrexone; lofexidine, clonidine; naloxone; where to
 * find care), validated on first call and frozen. Throws a ZodError if the data file is invalid.
 */
export function loadFirstLineCare(): FirstLineCare[] {
  if (care === undefined) care = deepFreeze(firstLineCareFileSchema.parse(data).care);
  return care;
}
