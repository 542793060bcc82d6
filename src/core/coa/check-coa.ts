import { checkAlkaloidCaps, type PlaceOfCheck } from "./alkaloid-caps.ts";
import type { CertificateOfAnalysis } from "./certificate.ts";
import { checkCertificateDetails } from "./certificate-details.ts";
import type { CoaLimits } from "./coa-limits.ts";
import { type CoaFinding, sortFindings } from "./finding.ts";
import { checkHeavyMetals } from "./heavy-metals.ts";
import { checkMicrobial } from "./microbial.ts";

export interface CheckCoaOptions {
  /** Grams of this product the person takes a day; turns metal concentrations into exposures. */
  dailyGrams?: number;
  /** The caller's clock, for expiry and test-date checks. */
  now: Date;
  /**
   * Where the person lives: the product is then judged by the strictest cap of each kind in
   * force along that place's chain, and caps of other places are left out.
   */
  place?: PlaceOfCheck;
}

/**
 * Check a certificate of analysis against the published limits in the data: the alkaloid caps
 * (for a person with a place set, the strictest that apply there),
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
    ...checkAlkaloidCaps(limits.seven_oh_caps, coa, options.place),
    ...checkHeavyMetals(limits.heavy_metals, coa, options.dailyGrams),
    ...checkMicrobial(limits.microbial, coa),
  ]);
}
