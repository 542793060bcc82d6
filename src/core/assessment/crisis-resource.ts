import type { Citation } from "../citation.ts";
import type { Review } from "../review.ts";

/** What a help line is for. */
export const CRISIS_RESOURCE_KINDS = [
  "emergency",
  "suicide-crisis",
  "poison",
  "urgent-advice",
  "treatment-referral",
  "treatment-locator",
] as const;
export type CrisisResourceKind = (typeof CRISIS_RESOURCE_KINDS)[number];

/**
 * A help line or service for the "Get help now" page and the red-flag screen. Data lives in
 * src/knowledge/data/crisis-resources.json.
 */
export interface CrisisResource {
  id: string;
  /** ISO 3166-1 alpha-2 country code, or `EU` for the single European emergency number. */
  region: string;
  kind: CrisisResourceKind;
  name: string;
  /** Number to call, as people dial it (e.g. `911`, `1-800-662-4357`). */
  phone?: string;
  /** Number to text, when texting is offered. */
  text?: string;
  url?: string;
  /** When it answers, e.g. "24/7". */
  hours?: string;
  /** One plain sentence: when to use it. */
  description: string;
  sources: Citation[];
  /** False when the number could not be confirmed against the source at `as_of`. */
  verified: boolean;
  note?: string;
  /** When a person of the project last compared the line with its source. */
  reviewed?: Review;
}
