import data from "./data/limits.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";
import { type LimitsFile, limitsFileSchema } from "./limits.schema.ts";

let file: LimitsFile | undefined;

/** Amount limits, spacing, substance warnings, reported signs and plan texts, validated and frozen. */
export function loadLimits(): LimitsFile {
  if (file === undefined) file = deepFreeze(limitsFileSchema.parse(data));
  return file;
}
