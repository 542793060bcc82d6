import { type ConditionsFile, conditionsFileSchema } from "./conditions.schema.ts";
import data from "./data/conditions.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";

let file: ConditionsFile | undefined;

/** Profile conditions and their rules, validated on first call and frozen (throws a ZodError if invalid). */
export function loadConditions(): ConditionsFile {
  if (file === undefined) file = deepFreeze(conditionsFileSchema.parse(data));
  return file;
}
