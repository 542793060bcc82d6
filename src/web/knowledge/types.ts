import type { CoaFinding } from "../../core/coa/finding.ts";
import type { StrainNameNote } from "../../core/coa/strain-name-note.ts";
import type { EvidenceClaim, EvidenceTopic, Verdict } from "../../core/evidence/evidence-claim.ts";
import type { CareKind, FirstLineCare } from "../../core/evidence/first-line-care.ts";
import type { Jurisdiction, KratomStatus, SevenOhStatus } from "../../core/legal/jurisdiction.ts";
import type { EffectiveLegalStatus } from "../../core/legal/resolve-jurisdiction.ts";

/** Shapes of the knowledge API's answers (src/server/knowledge/schemas.ts). */

export interface JurisdictionRecord extends Jurisdiction {
  /** Twelve months old or more: may be out of date. */
  stale: boolean;
}

export interface JurisdictionSummary {
  code: string;
  name: string;
  kind: Jurisdiction["kind"];
  parent?: string;
  kratom: KratomStatus;
  seven_oh: SevenOhStatus;
  min_age?: number;
  as_of: string;
  stale: boolean;
}

export interface JurisdictionResponse {
  jurisdiction: JurisdictionRecord;
  parents: JurisdictionRecord[];
  effective: EffectiveLegalStatus;
  missingParent?: string;
  asOf: string;
  stale: boolean;
}

export interface JurisdictionListResponse {
  jurisdictions: JurisdictionSummary[];
}

export interface EvidenceListResponse {
  topics: EvidenceTopic[];
  claims: EvidenceClaim[];
  version: string;
  asOf: string;
}

export interface FirstLineCareResponse {
  care: FirstLineCare[];
  version: string;
  asOf: string;
}

export interface SearchResponse {
  query: string;
  jurisdictions: JurisdictionSummary[];
  claims: { id: string; claim: string; verdict: Verdict }[];
  care: { id: string; name: string; kind: CareKind }[];
}

export interface CoaCheckResponse {
  findings: CoaFinding[];
  strainName?: StrainNameNote;
  limitsVersion: string;
}
