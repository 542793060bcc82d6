import data from "./data/interactions.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";
import { type InteractionsFile, interactionsFileSchema } from "./interactions.schema.ts";

let file: InteractionsFile | undefined;

/** Interaction rules and policy, validated on first call and frozen (throws a ZodError if invalid). */
export function loadInteractions(): InteractionsFile {
  if (file === undefined) file = deepFreeze(interactionsFileSchema.parse(data));
  return file;
}
