import type { Citation } from "../citation.ts";

/**
 * First-line care for opioid withdrawal and opioid use disorder, shown one tap away from every
 * page. Records are data (src/knowledge/data/first-line-care.json). Crisis and help lines live in
 * crisis-resources.json.
 */
export const CARE_KINDS = [
  "oud-medication",
  "withdrawal-medication",
  "overdose-reversal",
  "finding-care",
] as const;
export type CareKind = (typeof CARE_KINDS)[number];

export interface FirstLineCare {
  id: string;
  kind: CareKind;
  name: string;
  /** What it is and what it does, plainly. */
  summary: string;
  /** What a person should know before starting or using it. */
  points: string[];
  /** Where to go or what to ask for. */
  how_to_get: string;
  url?: string;
  sources: Citation[];
  as_of: string;
  verified: boolean;
  note?: string;
}
