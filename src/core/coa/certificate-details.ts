import type { CertificateOfAnalysis } from "./certificate.ts";
import type { CertificateDetailsRule } from "./coa-limits.ts";
import type { CoaFinding } from "./finding.ts";

function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Lot, laboratory and test date: each missing one is a finding, as are expired or future dates. */
export function checkCertificateDetails(
  rule: CertificateDetailsRule,
  coa: CertificateOfAnalysis,
  now: Date,
): CoaFinding[] {
  const findings: CoaFinding[] = [];
  const problem = (code: string, message: string, details?: Record<string, unknown>): void => {
    const finding: CoaFinding = {
      status: rule.problem_status,
      code,
      message,
      sources: rule.sources,
    };
    if (details !== undefined) finding.details = details;
    findings.push(finding);
  };
  const blank = (s: string | undefined): boolean => s === undefined || s.trim() === "";

  if (blank(coa.lot))
    problem("coa.details.lot_missing", `The certificate names no lot. ${rule.advice}`);
  if (blank(coa.lab))
    problem("coa.details.lab_missing", `The certificate names no laboratory. ${rule.advice}`);
  if (blank(coa.testDate)) {
    problem("coa.details.test_date_missing", `The certificate gives no test date. ${rule.advice}`);
  }

  const today = utcDay(now);
  if (coa.testDate !== undefined && coa.testDate > today) {
    problem(
      "coa.details.test_date_future",
      `The test date (${coa.testDate}) is after today: check that it was copied correctly.`,
      { testDate: coa.testDate },
    );
  }
  if (coa.expiryDate !== undefined && coa.expiryDate < today) {
    problem(
      "coa.details.expired",
      `The certificate says it expired on ${coa.expiryDate}. Ask for a current one.`,
      { expiryDate: coa.expiryDate },
    );
  }

  if (!blank(coa.lot) && !blank(coa.lab) && !blank(coa.testDate)) {
    findings.push({
      status: "info",
      code: "coa.details.identified",
      message: `Lot ${coa.lot} tested by ${coa.lab} on ${coa.testDate}. Check that the lot matches the one on your package.`,
      sources: rule.sources,
      details: { lot: coa.lot, lab: coa.lab, testDate: coa.testDate },
    });
  }
  return findings;
}
