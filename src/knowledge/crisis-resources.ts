import type { CrisisResource } from "../core/assessment/crisis-resource.ts";
import { crisisResourcesFileSchema } from "./crisis-resources.schema.ts";
import data from "./data/crisis-resources.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";

let resources: CrisisResource[] | undefined;

/**
 * Help lines by region (emergency numbers, 988, Poison Help, SAMHSA's helpline, the treatment
 * locator), validated on first call and frozen. Throws a ZodError if the data file is invalid.
 * A region with no entry has no data: the caller must say so, never imply there is no help.
 */
export function loadCrisisResources(): CrisisResource[] {
  if (resources === undefined) {
    resources = deepFreeze(crisisResourcesFileSchema.parse(data).resources);
  }
  return resources;
}
