import type { FindingStatus } from "../../core/coa/finding.ts";
import type { EvidenceLevel, EvidenceTopic, Verdict } from "../../core/evidence/evidence-claim.ts";
import type { CareKind } from "../../core/evidence/first-line-care.ts";
import type { JurisdictionKind, SevenOhStatus } from "../../core/legal/jurisdiction.ts";

/** Words the knowledge pages show for the API's codes. */

export const STATUS_LABEL: Record<SevenOhStatus, string> = {
  legal: "Legal",
  regulated: "Regulated",
  restricted: "Restricted",
  banned: "Banned",
  unclear: "Unclear",
  "under-review": "Under review",
};

/** What each status means (src/core/legal/jurisdiction.ts). */
export const STATUS_MEANING: Record<SevenOhStatus, string> = {
  legal: "No law found that restricts it.",
  regulated: "May be sold and bought under rules (age limit, labels, testing, licences).",
  restricted: "Not freely sold: prescription only, not authorised, or sale prohibited.",
  banned: "Controlled or prohibited: selling and usually possessing it are offences.",
  unclear: "Not known: sources disagree, the law is changing, or nobody has checked.",
  "under-review": "A process to control it is open; no control is in force yet.",
};

export const KIND_LABEL: Record<JurisdictionKind, string> = {
  country: "Country",
  state: "State",
  district: "District",
  county: "County",
  city: "City",
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  supported: "Supported",
  "partly-supported": "Partly supported",
  unsupported: "Not supported",
  false: "False",
};

export const EVIDENCE_LEVEL_LABEL: Record<EvidenceLevel, string> = {
  "systematic-review": "Systematic review",
  trial: "Clinical trials",
  observational: "Observational studies",
  "case-reports": "Case reports",
  "animal-or-in-vitro": "Animal or laboratory studies",
  "official-record": "Official record (law or agency text)",
  "expert-opinion": "Expert opinion",
  none: "No evidence",
};

export const TOPIC_LABEL: Record<EvidenceTopic, string> = {
  kratom: "Kratom",
  "seven-oh": "7-OH",
  magnesium: "Magnesium",
  withdrawal: "Withdrawal",
  dependence: "Dependence",
  law: "Law",
  quality: "Product quality",
  "side-effects": "Side effects",
  pharmacology: "How it works",
  practice: "Good practice",
};

export const CARE_KIND_LABEL: Record<CareKind, string> = {
  "oud-medication": "Medicines for opioid use disorder",
  "withdrawal-medication": "Medicines for withdrawal symptoms",
  "overdose-reversal": "Overdose reversal",
  "finding-care": "Where to find care",
};

export const FINDING_LABEL: Record<FindingStatus, string> = {
  fail: "Fails",
  warning: "Warning",
  "not-tested": "Not tested",
  info: "Note",
  pass: "Passes",
};

/** A YYYY-MM-DD date as "29 Jul 2025", in no particular zone (the date is a calendar day). */
export function formatCalendarDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(undefined, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}
