import type { CertificateOfAnalysis } from "./certificate.ts";
import { checkCertificateDetails } from "./certificate-details.ts";
import type { CoaLimits } from "./coa-limits.ts";
import { type CoaFinding, sortFindings } from "./finding.ts";
import { checkHeavyMetals } from "./heavy-metals.ts";
import { checkMicrobial } from "./microbial.ts";
import { checkSevenOhShare } from "./seven-oh-share.ts";

export interface CheckCoaOptions {
  /** Grams of this product the person takes a day; turns metal concentrations into exposures. */
  dailyGrams?: number;
  /** The caller's clock, for expiry and test-date checks. */
  now: Date;
}

/**
 * Check a certificate of analysis against the published limits in the data: the 7-OH caps,
 * heavy metals as daily exposure, microbial tests, and the certificate's lot, lab and date.
 * Findings come worst first. A value the certificate leaves out gives "not-tested", never "pass".
 */
export function checkCoa(
  limits: CoaLimits,
  coa: CertificateOfAnalysis,
  options: CheckCoaOptions,
): CoaFinding[] {
  return sortFindings([
    ...checkCertificateDetails(limits.certificate_details, coa, options.now),
    ...checkSevenOhShare(limits.seven_oh_caps, coa),
    ...checkHeavyMetals(limits.heavy_metals, coa, options.dailyGrams),
    ...checkMicrobial(limits.microbial, coa),
  ]);
}
