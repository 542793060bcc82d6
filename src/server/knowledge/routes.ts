import type { App } from "../context.ts";
import { coaRoutes } from "./coa-routes.ts";
import { evidenceRoutes } from "./evidence-routes.ts";
import { type KnowledgeBase, loadedKnowledgeBase } from "./knowledge-base.ts";
import { legalRoutes } from "./legal-routes.ts";
import { searchRoutes } from "./search-routes.ts";

/**
 * Public knowledge (no session needed): legal status, certificate checks, evidence, first-line
 * care, search and versions, answered from `knowledge`. Knowledge changes only with a release, so
 * GET answers may be cached for an hour.
 */
export function knowledgeRoutesWith(knowledge: KnowledgeBase) {
  return async (app: App): Promise<void> => {
    app.addHook("onSend", async (request, reply) => {
      if (request.method === "GET" && reply.statusCode === 200) {
        reply.header("cache-control", "public, max-age=3600");
      }
    });
    legalRoutes(app, knowledge);
    coaRoutes(app, knowledge);
    evidenceRoutes(app, knowledge);
    searchRoutes(app, knowledge);
  };
}

/** The knowledge routes over the data files in src/knowledge/data/. */
export async function knowledgeRoutes(app: App): Promise<void> {
  await knowledgeRoutesWith(loadedKnowledgeBase())(app);
}
