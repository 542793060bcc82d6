import type { EvidenceClaim } from "../core/evidence/evidence-claim.ts";
import data from "./data/evidence.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";
import { evidenceFileSchema } from "./evidence.schema.ts";

let claims: EvidenceClaim[] | undefined;

/**
 * Evidence-graded claims about kratom, 7-OH and magnesium, validated on first call and frozen.
 * Throws a ZodError if the data file is invalid. Filter with claimsByTopic
 * (src/core/evidence/claims-by-topic.ts).
 */
export function loadEvidenceClaims(): EvidenceClaim[] {
  if (claims === undefined) claims = deepFreeze(evidenceFileSchema.parse(data).claims);
  return claims;
}
