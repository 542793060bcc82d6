import type { Citation } from "../citation.ts";
import type { Review } from "../review.ts";

/**
 * Legal status of kratom by jurisdiction. Records are data (src/knowledge/data/jurisdictions.json);
 * their fields mirror the data file, so they are snake_case.
 *
 * Codes: ISO 3166-1 alpha-2 for countries (`US`, `TH`), ISO 3166-2 for states and districts
 * (`US-AL`, `US-DC`), and for localities the state's code plus one upper-case ASCII token for the
 * place (`US-CA-SD` San Diego, `US-FL-SARASOTA` Sarasota County): letters only, the place's name
 * without spaces or an established short form. A locality's `kind` says whether it is a city or
 * a county; its `parent` is the county when Mitra has a record for it, else the state.
 */

export const JURISDICTION_KINDS = ["country", "state", "district", "county", "city"] as const;
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number];

/**
 * What the law says about kratom in one place, on its own (not counting the levels above it).
 * - `legal`: no law found that restricts it.
 * - `regulated`: may be sold and bought under rules (age limit, labels, testing, licences).
 * - `restricted`: not freely sold (prescription only, not authorised as food or medicine, or sale
 *   prohibited while possession is not an offence).
 * - `banned`: a controlled or prohibited substance: sale and usually possession are offences.
 * - `unclear`: not known: sources disagree, the status is changing, or nobody has checked.
 */
export const KRATOM_STATUSES = ["legal", "regulated", "restricted", "banned", "unclear"] as const;
export type KratomStatus = (typeof KRATOM_STATUSES)[number];

/**
 * Status of concentrated 7-hydroxymitragynine (7-OH) products, kept apart from leaf kratom.
 * `under-review` means a scheduling process is open (e.g. the FDA's 2025 recommendation to the DEA)
 * and no control is in force yet.
 */
export const SEVEN_OH_STATUSES = [...KRATOM_STATUSES, "under-review"] as const;
export type SevenOhStatus = (typeof SEVEN_OH_STATUSES)[number];

/** What kind of change is on the way. */
export const PENDING_KINDS = [
  "bill",
  "notice-of-intent",
  "proposed-rule",
  "emergency-rule",
] as const;
export type PendingKind = (typeof PENDING_KINDS)[number];

/**
 * A proposed or pending change to a jurisdiction's law: a bill, a notice of intent, a proposed
 * rule, or an emergency rule with its expiry. It is shown beside the status in force and never
 * merged into it: `kratom`/`seven_oh` say what the law is today, this says what may change.
 */
export interface PendingChange {
  kind: PendingKind;
  /** The instrument, e.g. "Florida HB 309 (2026)". */
  title: string;
  /** Where it stands as far as Mitra knows, in plain words (and what could not be confirmed). */
  stage: string;
  /** What it would do, in Mitra's own words. */
  summary: string;
  /** The statuses it would set if it took effect, where that is clear. */
  would_set?: { kratom?: KratomStatus; seven_oh?: SevenOhStatus };
  /** When it was filed, published or proposed (YYYY-MM-DD). */
  dated?: string;
  /** When it lapses unless made permanent (an emergency rule), YYYY-MM-DD. */
  expires?: string;
  sources: Citation[];
  verified: boolean;
  note?: string;
}

/** One jurisdiction's own rules about kratom and 7-OH, with where the facts come from. */
export interface Jurisdiction {
  code: string;
  name: string;
  kind: JurisdictionKind;
  /** Code of the enclosing jurisdiction; absent for countries. */
  parent?: string;
  kratom: KratomStatus;
  seven_oh: SevenOhStatus;
  /** Minimum age to buy, where a law sets one. */
  min_age?: number;
  /** When the rule now in force took effect (YYYY-MM-DD), where known. */
  effective_date?: string;
  /** One sentence in Mitra's own words. */
  summary: string;
  sources: Citation[];
  /**
   * The date of the newest source the record relies on (published or took effect), YYYY-MM-DD.
   * Not when it was checked: that is `reviewed.on`.
   */
  as_of: string;
  /** When a person of the project last compared this record with its source. */
  reviewed?: Review;
  /** Changes proposed or pending, shown beside the status in force, never mixed into it. */
  pending?: PendingChange[];
  /** False when a source was not read in full or the fact still needs a primary source. */
  verified: boolean;
  /** How sure the person who gathered the fact was (not a verification). */
  confidence?: "high" | "medium" | "low";
  /** What is uncertain, what sources disagree on, what to check next. */
  note?: string;
}
