import { resolveJurisdiction } from "../../core/legal/resolve-jurisdiction.ts";
import { searchJurisdictions } from "../../core/legal/search-jurisdictions.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import { jurisdictionSummary, resolutionView } from "./jurisdiction-view.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";
import {
  jurisdictionCodeParams,
  jurisdictionListResponse,
  jurisdictionResponse,
  jurisdictionSearchQuery,
} from "./schemas.ts";

/** Legal status by jurisdiction: search, and one record with its parents and merged rules. */
export function legalRoutes(app: App, knowledge: KnowledgeBase): void {
  app.get(
    "/api/legal/jurisdictions",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Search jurisdictions by name or code (all of them, by name, without q)",
        querystring: jurisdictionSearchQuery,
        response: { 200: jurisdictionListResponse },
      },
    },
    async (request) => {
      const now = app.mitra.now();
      const found = searchJurisdictions(knowledge.jurisdictions, request.query.q ?? "");
      return { jurisdictions: found.map((j) => jurisdictionSummary(j, now)) };
    },
  );

  app.get(
    "/api/legal/jurisdictions/:code",
    {
      schema: {
        tags: ["knowledge"],
        summary:
          "A jurisdiction's kratom and 7-OH status with its parents; the strictest rule along the chain wins",
        params: jurisdictionCodeParams,
        response: { 200: jurisdictionResponse },
      },
    },
    async (request) => {
      const { code } = request.params;
      const resolution = resolveJurisdiction(knowledge.jurisdictions, code);
      if (resolution === undefined) {
        throw new ApiError(
          404,
          "not_found",
          `Mitra has no legal record for "${code.toUpperCase()}". No data does not mean kratom is legal there.`,
          { code: code.toUpperCase() },
        );
      }
      return resolutionView(resolution, app.mitra.now());
    },
  );
}
