import type { BotanicalForm, HeavyMetal } from "./coa-limits.ts";

/** A Salmonella or E. coli result as a lab certificate reports it. */
export type PresenceResult = "absent" | "detected";

/**
 * What a person copies from a product's certificate of analysis. Every value is optional: a value
 * left out is "not tested", never a pass.
 */
export interface CertificateOfAnalysis {
  /** Mitragynine, percent of the product's weight. */
  mitragyninePercent?: number;
  /** 7-hydroxymitragynine, percent of the product's weight. */
  sevenOhPercent?: number;
  /** All alkaloids measured, percent of the product's weight. */
  totalAlkaloidsPercent?: number;
  /** Heavy metals in µg per gram of product (= ppm). */
  heavyMetalsUgPerG?: Partial<Record<HeavyMetal, number>>;
  microbial?: {
    salmonella?: PresenceResult;
    eColi?: PresenceResult;
    totalAerobicCfuPerG?: number;
    yeastMouldCfuPerG?: number;
  };
  /** Grams of product in one serving (the label's serving size): for per-serving caps. */
  servingGrams?: number;
  /** Grams of product in one unit (a capsule, tablet, gummy or shot): for per-unit caps. */
  unitGrams?: number;
  /** Grams of product in the whole container: for per-container caps. */
  containerGrams?: number;
  /** Which microbial limits apply; leaf powder and capsules are `dried-botanical` (the default). */
  form?: BotanicalForm;
  lab?: string;
  /** Date the lab tested the sample (YYYY-MM-DD). */
  testDate?: string;
  /** Expiry date printed on the certificate, if any (YYYY-MM-DD). */
  expiryDate?: string;
  lot?: string;
}
