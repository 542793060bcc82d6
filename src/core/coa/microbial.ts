import type { CertificateOfAnalysis, PresenceResult } from "./certificate.ts";
import type { BotanicalForm, MicrobialRule, MicrobialTest } from "./coa-limits.ts";
import type { CoaFinding } from "./finding.ts";
import { formatAmount } from "./format-amount.ts";

function reported(
  coa: CertificateOfAnalysis,
  test: MicrobialTest,
): PresenceResult | number | undefined {
  const m = coa.microbial;
  switch (test) {
    case "salmonella":
      return m?.salmonella;
    case "e-coli":
      return m?.eColi;
    case "total-aerobic-count":
      return m?.totalAerobicCfuPerG;
    case "yeast-mould":
      return m?.yeastMouldCfuPerG;
  }
}

/** Check each microbial rule; a result the certificate does not give is "not tested". */
export function checkMicrobial(
  rules: readonly MicrobialRule[],
  coa: CertificateOfAnalysis,
): CoaFinding[] {
  const form: BotanicalForm = coa.form ?? "dried-botanical";
  return rules.map((rule): CoaFinding => {
    const code = `coa.microbial.${rule.id}`;
    const value = reported(coa, rule.id);
    if (value === undefined) {
      return {
        status: "not-tested",
        code,
        message: `${rule.title}: no result on the certificate, so it was not tested.`,
        sources: rule.sources,
      };
    }
    if (rule.kind === "absence") {
      const detected = value === "detected";
      return {
        status: detected ? "fail" : "pass",
        code,
        message: detected
          ? `${rule.organism} was detected. ${rule.advice}`
          : `${rule.organism}: absent in the sample tested.`,
        sources: rule.sources,
        details: { result: value },
      };
    }
    const max = rule.max_cfu_per_g[form];
    const count = typeof value === "number" ? value : Number.NaN;
    const over = !(count <= max);
    return {
      status: over ? "fail" : "pass",
      code,
      message: over
        ? `${rule.title}: ${formatAmount(count)} CFU/g, above ${formatAmount(max)} CFU/g for ${form}. ${rule.advice}`
        : `${rule.title}: ${formatAmount(count)} CFU/g, within ${formatAmount(max)} CFU/g for ${form}.`,
      sources: rule.sources,
      details: { cfuPerG: count, maxCfuPerG: max, form },
    };
  });
}
