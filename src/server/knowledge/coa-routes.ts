import { contract } from "../../api/contract.ts";
import type { CoaCheckBody } from "../../api/knowledge-schemas.ts";
import type { CertificateOfAnalysis } from "../../core/coa/certificate.ts";
import { checkCoa } from "../../core/coa/check-coa.ts";
import { strainNameNote } from "../../core/coa/strain-name-note.ts";
import { resolveJurisdiction } from "../../core/legal/resolve-jurisdiction.ts";
import type { App } from "../context.ts";
import { invalidInput } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";

function certificateOf(body: CoaCheckBody): CertificateOfAnalysis {
  const { dailyGrams: _daily, productName: _name, jurisdiction: _place, ...certificate } = body;
  return certificate;
}

/** Check a lab certificate's values against the published limits in coa-limits.json. */
export function coaRoutes(app: App, knowledge: KnowledgeBase): void {
  const limitsVersion =
    knowledge.versions.find((v) => v.file === "coa-limits.json")?.version ?? "unknown";

  /** The person's place and every level above it; a code Mitra has no record for is refused. */
  const placeOf = (code: string) => {
    const resolution = resolveJurisdiction(knowledge.jurisdictions, code);
    if (resolution === undefined) {
      throw invalidInput([
        {
          field: "body.jurisdiction",
          message: `Mitra has no legal record for "${code.toUpperCase()}"`,
        },
      ]);
    }
    const chain = [resolution.record, ...resolution.parents];
    return {
      code: resolution.record.code,
      name: resolution.record.name,
      chain: chain.map((j) => j.code),
    };
  };

  handle(app, contract.checkCoa, async (request) => {
    const body = request.body;
    const place = body.jurisdiction === undefined ? undefined : placeOf(body.jurisdiction);
    const findings = checkCoa(knowledge.coaLimits, certificateOf(body), {
      now: app.mitra.now(),
      ...(body.dailyGrams !== undefined ? { dailyGrams: body.dailyGrams } : {}),
      ...(place !== undefined ? { place: { codes: place.chain, name: place.name } } : {}),
    });
    const note =
      body.productName !== undefined
        ? strainNameNote(knowledge.coaLimits.marketing_names, body.productName)
        : undefined;
    return {
      findings,
      ...(place !== undefined ? { place } : {}),
      ...(note !== undefined ? { strainName: note } : {}),
      limitsVersion,
    };
  });
}
