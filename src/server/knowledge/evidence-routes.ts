import { claimsByTopic } from "../../core/evidence/claims-by-topic.ts";
import { EVIDENCE_TOPICS } from "../../core/evidence/evidence-claim.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";
import {
  evidenceClaimResponse,
  evidenceIdParams,
  evidenceListResponse,
  evidenceQuery,
  firstLineCareResponse,
} from "./schemas.ts";

/** Evidence-graded claims and first-line care. */
export function evidenceRoutes(app: App, knowledge: KnowledgeBase): void {
  const header = (file: string) => {
    const v = knowledge.versions.find((f) => f.file === file);
    return { version: v?.version ?? "unknown", asOf: v?.as_of ?? "unknown" };
  };

  app.get(
    "/api/evidence",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Evidence-graded claims about kratom, 7-OH and magnesium, by topic",
        querystring: evidenceQuery,
        response: { 200: evidenceListResponse },
      },
    },
    async (request) => ({
      topics: [...EVIDENCE_TOPICS],
      claims: claimsByTopic(knowledge.claims, request.query.topic),
      ...header("evidence.json"),
    }),
  );

  app.get(
    "/api/evidence/:id",
    {
      schema: {
        tags: ["knowledge"],
        summary: "One evidence-graded claim",
        params: evidenceIdParams,
        response: { 200: evidenceClaimResponse },
      },
    },
    async (request) => {
      const claim = knowledge.claims.find((c) => c.id === request.params.id);
      if (claim === undefined) {
        throw new ApiError(404, "not_found", `No evidence claim "${request.params.id}"`, {
          id: request.params.id,
        });
      }
      return { claim };
    },
  );

  app.get(
    "/api/first-line-care",
    {
      schema: {
        tags: ["knowledge"],
        summary:
          "First-line treatments (buprenorphine, methadone, naltrexone; lofexidine, clonidine), naloxone and where to find care",
        response: { 200: firstLineCareResponse },
      },
    },
    async () => ({ care: [...knowledge.care], ...header("first-line-care.json") }),
  );
}
