import type { Citation } from "../citation.ts";
import type { Review } from "../review.ts";

/**
 * Claims people read about kratom and magnesium, graded against the evidence. Records are data
 * (src/knowledge/data/evidence.json); field names mirror the file, so they are snake_case.
 */

export const EVIDENCE_TOPICS = [
  "kratom",
  "seven-oh",
  "magnesium",
  "withdrawal",
  "dependence",
  "law",
  "quality",
  "side-effects",
  "pharmacology",
  "practice",
] as const;
export type EvidenceTopic = (typeof EVIDENCE_TOPICS)[number];

/** What the evidence says about the claim as people state it. */
export const VERDICTS = ["supported", "partly-supported", "unsupported", "false"] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The strongest kind of evidence behind the verdict. `official-record` is for claims about law
 * and regulation, settled by the text of a statute, a Federal Register notice or an agency
 * statement rather than by a study.
 */
export const EVIDENCE_LEVELS = [
  "systematic-review",
  "trial",
  "observational",
  "case-reports",
  "animal-or-in-vitro",
  "official-record",
  "expert-opinion",
  "none",
] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export interface EvidenceClaim {
  /** Stable slug, e.g. `fda-scheduled-kratom`; warnings and pages link to it. */
  id: string;
  topics: EvidenceTopic[];
  /** The claim as people state it. */
  claim: string;
  verdict: Verdict;
  /** Why, in plain words. */
  explanation: string;
  evidence_level: EvidenceLevel;
  sources: Citation[];
  /** Date of the newest source the verdict relies on (YYYY-MM-DD). */
  as_of: string;
  /** False when a source was not read beyond its abstract or a secondary report. */
  verified: boolean;
  note?: string;
  /** When a person of the project last compared the verdict with its source. */
  reviewed?: Review;
}
