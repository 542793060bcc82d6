import { searchClaims, searchFirstLineCare } from "../../core/evidence/search-evidence.ts";
import { searchJurisdictions } from "../../core/legal/search-jurisdictions.ts";
import type { App } from "../context.ts";
import { jurisdictionSummary } from "./jurisdiction-view.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";
import { knowledgeVersionResponse, searchQuery, searchResponse } from "./schemas.ts";

/** Most results per kind one search returns. */
const MAX_RESULTS = 20;

/** Search across jurisdictions, evidence claims and first-line care; the knowledge versions. */
export function searchRoutes(app: App, knowledge: KnowledgeBase): void {
  app.get(
    "/api/search",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Search jurisdictions, evidence claims and first-line care",
        querystring: searchQuery,
        response: { 200: searchResponse },
      },
    },
    async (request) => {
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
    },
  );

  app.get(
    "/api/knowledge/version",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Each knowledge file's version and the date it was last checked",
        response: { 200: knowledgeVersionResponse },
      },
    },
    async () => ({ files: [...knowledge.versions] }),
  );
}
