import type { CoaLimits } from "../core/coa/coa-limits.ts";
import { type StrainNameNote, strainNameNote } from "../core/coa/strain-name-note.ts";
import { coaLimitsFileSchema } from "./coa-limits.schema.ts";
import data from "./data/coa-limits.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";

let limits: CoaLimits | undefined;

/**
 * Published limits for checking a kratom product's certificate of analysis (7-OH caps, heavy
 * metals, microbial tests, certificate details) and the note on strain names, validated on first
 * call and frozen. Throws a ZodError if the data file is invalid. Pass to checkCoa
 * (src/core/coa/check-coa.ts).
 */
export function loadCoaLimits(): CoaLimits {
  if (limits === undefined) {
    const { seven_oh_caps, heavy_metals, microbial, certificate_details, marketing_names } =
      coaLimitsFileSchema.parse(data);
    limits = deepFreeze({
      seven_oh_caps,
      heavy_metals,
      microbial,
      certificate_details,
      marketing_names,
    });
  }
  return limits;
}

/** The marketing-name note for a product name, using the loaded data; undefined if none matches. */
export function strainNameNoteFor(productName: string): StrainNameNote | undefined {
  return strainNameNote(loadCoaLimits().marketing_names, productName);
}
