import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";

/** The knowledge base's data as the contract (src/api/knowledge.ts) says the server answers it. */

export type JurisdictionResponse = RouteOutput<typeof contract.getJurisdiction>;
export type JurisdictionRecord = JurisdictionResponse["jurisdiction"];
export type JurisdictionListResponse = RouteOutput<typeof contract.searchJurisdictions>;
export type JurisdictionSummary = JurisdictionListResponse["jurisdictions"][number];
export type EvidenceListResponse = RouteOutput<typeof contract.listEvidence>;
export type EvidenceClaim = EvidenceListResponse["claims"][number];
export type FirstLineCareResponse = RouteOutput<typeof contract.getFirstLineCare>;
export type FirstLineCare = FirstLineCareResponse["care"][number];
export type SearchResponse = RouteOutput<typeof contract.searchKnowledge>;
export type CoaCheckResponse = RouteOutput<typeof contract.checkCoa>;
export type CoaFinding = CoaCheckResponse["findings"][number];
