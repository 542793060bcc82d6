import type { Citation } from "../citation.ts";
import type { Review } from "../review.ts";
import type { FindingStatus } from "./finding.ts";

/**
 * The limits a certificate of analysis (COA) is checked against. They are data
 * (src/knowledge/data/coa-limits.json); field names mirror the file, so they are snake_case.
 */

interface SourcedRule {
  sources: Citation[];
  /** Date of the newest source the rule relies on (YYYY-MM-DD). */
  as_of: string;
  /** False when the figure was read in a copy or a report, not in the instrument itself. */
  verified: boolean;
  note?: string;
}

/**
 * What a cap limits: a share (percent of the alkaloids or of the product's weight) or an amount
 * (mg per gram of product, per serving, per unit such as a capsule or a shot, per container).
 */
export const CAP_BASES = [
  "share_of_alkaloids",
  "share_of_product_weight",
  "mg_per_gram",
  "mg_per_serving",
  "mg_per_unit",
  "mg_per_container",
] as const;
export type SevenOhCapBasis = (typeof CAP_BASES)[number];
export const PERCENT_BASES: readonly SevenOhCapBasis[] = [
  "share_of_alkaloids",
  "share_of_product_weight",
];

/** The alkaloid a cap limits. */
export const CAPPED_ALKALOIDS = ["7-oh", "mitragynine"] as const;
export type CappedAlkaloid = (typeof CAPPED_ALKALOIDS)[number];

/**
 * A legal cap on an alkaloid. Despite the name (kept for the data file's key), it may cap
 * mitragynine too. A cap with a `jurisdiction` is that place's own law: for a person who lives
 * there, the strictest cap of each kind along their place's chain is the one they are judged by.
 * A `pending` cap (a notice of intent, a bill) is shown as proposed, never as the law.
 */
export interface SevenOhCap extends SourcedRule {
  id: string;
  basis: SevenOhCapBasis;
  /** Defaults to 7-OH. */
  alkaloid?: CappedAlkaloid;
  /** The cap for the percent bases. */
  max_percent?: number;
  /** The cap for the mg bases. */
  max_mg?: number;
  /** Code of the jurisdiction whose law this is (e.g. US-GA); absent for a model act. */
  jurisdiction?: string;
  /** True for a proposed or pending threshold that is not (surely) in force. */
  pending?: boolean;
  /** The finding's status when the product is over the cap. */
  exceeded_status: Extract<FindingStatus, "fail" | "warning">;
  title: string;
  /** Which law or jurisdiction the cap comes from. */
  applies_to: string;
  /** What being over the cap means for the person. */
  advice: string;
}

export const HEAVY_METALS = ["lead", "arsenic", "cadmium", "mercury"] as const;
export type HeavyMetal = (typeof HEAVY_METALS)[number];

/** A further daily limit for the same element (e.g. a labelling threshold), reported apart. */
export interface OtherMetalLimit {
  id: string;
  daily_limit_ug: number;
  limit_name: string;
  exceeded_status: Extract<FindingStatus, "fail" | "warning">;
  /** What crossing this limit means. */
  meaning: string;
  sources: Citation[];
  verified: boolean;
  note?: string;
  reviewed?: Review;
}

export interface HeavyMetalLimit extends SourcedRule {
  id: string;
  element: HeavyMetal;
  /** Permitted daily exposure in µg/day. */
  daily_limit_ug: number;
  limit_name: string;
  other_limits?: OtherMetalLimit[];
}

/** The product forms USP's botanical limits distinguish. */
export const BOTANICAL_FORMS = ["dried-botanical", "botanical-extract"] as const;
export type BotanicalForm = (typeof BOTANICAL_FORMS)[number];

export const MICROBIAL_TESTS = [
  "salmonella",
  "e-coli",
  "total-aerobic-count",
  "yeast-mould",
] as const;
export type MicrobialTest = (typeof MICROBIAL_TESTS)[number];

interface MicrobialRuleBase extends SourcedRule {
  id: MicrobialTest;
  organism: string;
  title: string;
  advice: string;
}

/** The organism must not be found in the amount tested. */
export interface AbsenceRule extends MicrobialRuleBase {
  kind: "absence";
}

/** A count in colony-forming units per gram must not exceed a maximum, by product form. */
export interface CountRule extends MicrobialRuleBase {
  kind: "max_cfu_per_g";
  max_cfu_per_g: Record<BotanicalForm, number>;
}

export type MicrobialRule = AbsenceRule | CountRule;

/** Why the lot, laboratory and test date matter, and the status when one is missing. */
export interface CertificateDetailsRule extends SourcedRule {
  /** Status of a finding about a missing lot, laboratory or date, an expired certificate or a test date in the future. */
  problem_status: Extract<FindingStatus, "fail" | "warning">;
  advice: string;
}

/** What Mitra says when a product's name uses a strain or vein-colour name. */
export interface MarketingNameNote extends SourcedRule {
  /** Words and phrases matched as whole words, case-insensitively. */
  terms: string[];
  message: string;
}

export interface CoaLimits {
  seven_oh_caps: SevenOhCap[];
  heavy_metals: HeavyMetalLimit[];
  microbial: MicrobialRule[];
  certificate_details: CertificateDetailsRule;
  marketing_names: MarketingNameNote;
}
