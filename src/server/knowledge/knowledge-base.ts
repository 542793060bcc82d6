import type { CoaLimits } from "../../core/coa/coa-limits.ts";
import type { EvidenceClaim } from "../../core/evidence/evidence-claim.ts";
import type { FirstLineCare } from "../../core/evidence/first-line-care.ts";
import type { Jurisdiction } from "../../core/legal/jurisdiction.ts";
import { loadCoaLimits } from "../../knowledge/coa-limits.ts";
import { loadEvidenceClaims } from "../../knowledge/evidence.ts";
import { loadFirstLineCare } from "../../knowledge/first-line-care.ts";
import { loadJurisdictions } from "../../knowledge/jurisdictions.ts";
import {
  type KnowledgeFileVersion,
  knowledgeVersions,
} from "../../knowledge/knowledge-versions.ts";

/** The public knowledge the knowledge routes answer from. Tests may pass their own. */
export interface KnowledgeBase {
  jurisdictions: readonly Jurisdiction[];
  claims: readonly EvidenceClaim[];
  care: readonly FirstLineCare[];
  coaLimits: CoaLimits;
  versions: readonly KnowledgeFileVersion[];
}

let loaded: KnowledgeBase | undefined;

/** The knowledge files, validated by their loaders and read once per process. */
export function loadedKnowledgeBase(): KnowledgeBase {
  loaded ??= {
    jurisdictions: loadJurisdictions(),
    claims: loadEvidenceClaims(),
    care: loadFirstLineCare(),
    coaLimits: loadCoaLimits(),
    versions: knowledgeVersions(),
  };
  return loaded;
}
