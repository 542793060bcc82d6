import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";
import type { RouteItem } from "../api-client.ts";

/** The knowledge base's data as the contract (src/api/knowledge.ts) says the server answers it. */

export type JurisdictionResponse = RouteOutput<typeof contract.getJurisdiction>;
export type JurisdictionRecord = JurisdictionResponse["jurisdiction"];
export type EvidenceClaim = RouteItem<typeof contract.listEvidence, "claims">;
export type FirstLineCare = RouteItem<typeof contract.getFirstLineCare, "care">;
export type CoaCheckResponse = RouteOutput<typeof contract.checkCoa>;
