import { contract } from "../../api/contract.ts";
import { resolveJurisdiction } from "../../core/legal/resolve-jurisdiction.ts";
import { searchJurisdictions } from "../../core/legal/search-jurisdictions.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { jurisdictionSummary, resolutionView } from "./jurisdiction-view.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";

/** Legal status by jurisdiction: search, and one record with its parents and merged rules. */
export function legalRoutes(app: App, knowledge: KnowledgeBase): void {
  handle(app, contract.searchJurisdictions, async (request) => {
    const now = app.mitra.now();
    const found = searchJurisdictions(knowledge.jurisdictions, request.query.q ?? "");
    return { jurisdictions: found.map((j) => jurisdictionSummary(j, now)) };
  });

  handle(app, contract.getJurisdiction, async (request) => {
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
  });
}
