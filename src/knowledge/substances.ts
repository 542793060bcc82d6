import data from "./data/substances.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";
import { type SubstancesFile, substancesFileSchema } from "./substances.schema.ts";

let file: SubstancesFile | undefined;

/**
 * The substance catalog and its classes, validated on first call and frozen. Throws a ZodError
 * if the data file is invalid: the knowledge base is broken and Mitra must not start.
 */
export function loadSubstances(): SubstancesFile {
  if (file === undefined) file = deepFreeze(substancesFileSchema.parse(data));
  return file;
}
