import { contract } from "../../api/contract.ts";
import { claimsByTopic } from "../../core/evidence/claims-by-topic.ts";
import { EVIDENCE_TOPICS } from "../../core/evidence/evidence-claim.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";

/** Evidence-graded claims and first-line care. */
export function evidenceRoutes(app: App, knowledge: KnowledgeBase): void {
  const header = (file: string) => {
    const v = knowledge.versions.find((f) => f.file === file);
    return { version: v?.version ?? "unknown", asOf: v?.as_of ?? "unknown" };
  };

  handle(app, contract.listEvidence, async (request) => ({
    topics: [...EVIDENCE_TOPICS],
    claims: claimsByTopic(knowledge.claims, request.query.topic),
    ...header("evidence.json"),
  }));

  handle(app, contract.getEvidenceClaim, async (request) => {
    const claim = knowledge.claims.find((c) => c.id === request.params.id);
    if (claim === undefined) {
      throw new ApiError(404, "not_found", `No evidence claim "${request.params.id}"`, {
        id: request.params.id,
      });
    }
    return { claim };
  });

  handle(app, contract.getFirstLineCare, async () => ({
    care: [...knowledge.care],
    ...header("first-line-care.json"),
  }));
}
