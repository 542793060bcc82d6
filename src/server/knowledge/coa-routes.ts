import type { CertificateOfAnalysis } from "../../core/coa/certificate.ts";
import { checkCoa } from "../../core/coa/check-coa.ts";
import { strainNameNote } from "../../core/coa/strain-name-note.ts";
import type { App } from "../context.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";
import { type CoaCheckBody, coaCheckBody, coaCheckResponse } from "./schemas.ts";

function certificateOf(body: CoaCheckBody): CertificateOfAnalysis {
  const { dailyGrams: _daily, productName: _name, ...certificate } = body;
  return certificate;
}

/** Check a lab certificate's values against the published limits in coa-limits.json. */
export function coaRoutes(app: App, knowledge: KnowledgeBase): void {
  const limitsVersion =
    knowledge.versions.find((v) => v.file === "coa-limits.json")?.version ?? "unknown";

  app.post(
    "/api/coa/check",
    {
      schema: {
        tags: ["knowledge"],
        summary:
          "Check a certificate of analysis: 7-OH caps, heavy metals, microbial tests, lot and lab. A missing value is not tested, never a pass",
        body: coaCheckBody,
        response: { 200: coaCheckResponse },
      },
    },
    async (request) => {
      const body = request.body;
      const findings = checkCoa(knowledge.coaLimits, certificateOf(body), {
        now: app.mitra.now(),
        ...(body.dailyGrams !== undefined ? { dailyGrams: body.dailyGrams } : {}),
      });
      const note =
        body.productName !== undefined
          ? strainNameNote(knowledge.coaLimits.marketing_names, body.productName)
          : undefined;
      return { findings, ...(note !== undefined ? { strainName: note } : {}), limitsVersion };
    },
  );
}
