import type { CoaFinding } from "../../core/coa/finding.ts";
import type { StrainNameNote } from "../../core/coa/strain-name-note.ts";
import type { EvidenceClaim, EvidenceTopic, Verdict } from "../../core/evidence/evidence-claim.ts";
import type { CareKind, FirstLineCare } from "../../core/evidence/first-line-care.ts";
import type { Jurisdiction, KratomStatus, SevenOhStatus } from "../../core/legal/jurisdiction.ts";
import type { EffectiveLegalStatus } from "../../core/legal/resolve-jurisdiction.ts";

/** Shapes of the knowledge API's answers (src/server/knowledge/schemas.ts). */

export interface JurisdictionRecord extends Jurisdiction {
  /** When a person of the project last compared it with its source; absent if never. */
  checked_on?: string;
  /** Past review: twelve months after its check (or its source's date, if never checked). */
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
  checked_on?: string;
  stale: boolean;
}

export interface JurisdictionResponse {
  jurisdiction: JurisdictionRecord;
  parents: JurisdictionRecord[];
  effective: EffectiveLegalStatus;
  missingParent?: string;
  asOf: string;
  /** Oldest check along the chain; absent when a level was never checked (see uncheckedAt). */
  checkedOn?: string;
  uncheckedAt: string[];
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
  /** The place the certificate was judged for, when the person has set one. */
  place?: { code: string; name: string; chain: string[] };
  strainName?: StrainNameNote;
  limitsVersion: string;
}
