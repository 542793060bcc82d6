import { contract } from "../../api/contract.ts";
import { searchClaims, searchFirstLineCare } from "../../core/evidence/search-evidence.ts";
import { searchJurisdictions } from "../../core/legal/search-jurisdictions.ts";
import type { App } from "../context.ts";
import { handle } from "../http/handle.ts";
import { jurisdictionSummary } from "./jurisdiction-view.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";

/** Most results per kind one search returns. */
const MAX_RESULTS = 20;

/** Search across jurisdictions, evidence claims and first-line care; the knowledge versions. */
export function searchRoutes(app: App, knowledge: KnowledgeBase): void {
  handle(app, contract.searchKnowledge, async (request) => {
    const q = request.query.q;
    const now = app.mitra.now();
    return {
      query: q,
      jurisdictions: searchJurisdictions(knowledge.jurisdictions, q)
        .slice(0, MAX_RESULTS)
        .map((j) => jurisdictionSummary(j, now)),
      claims: searchClaims(knowledge.claims, q)
        .slice(0, MAX_RESULTS)
        .map((c) => ({ id: c.id, claim: c.claim, verdict: c.verdict })),
      care: searchFirstLineCare(knowledge.care, q)
        .slice(0, MAX_RESULTS)
        .map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
    };
  });

  handle(app, contract.getKnowledgeVersion, async () => ({ files: [...knowledge.versions] }));
}
