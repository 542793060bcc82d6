import { z } from "zod";
import { BOTANICAL_FORMS } from "../core/coa/coa-limits.ts";
import { FINDING_STATUSES } from "../core/coa/finding.ts";
import { EVIDENCE_LEVELS, EVIDENCE_TOPICS, VERDICTS } from "../core/evidence/evidence-claim.ts";
import { CARE_KINDS } from "../core/evidence/first-line-care.ts";
import {
  JURISDICTION_KINDS,
  KRATOM_STATUSES,
  PENDING_KINDS,
  SEVEN_OH_STATUSES,
} from "../core/legal/jurisdiction.ts";
import { citationView } from "./warning-views.ts";

/** Zod schemas of the public knowledge routes: requests validated at the edge, responses documented. */

// ---- Legal status ----

export const jurisdictionCodeParams = z
  .object({
    code: z
      .string()
      .regex(/^[A-Za-z]{2}(-[A-Za-z0-9]{1,20}){0,2}$/, "a code like US, US-FL, TH or US-CA-SD"),
  })
  .strict();

export const jurisdictionSearchQuery = z
  .object({ q: z.string().max(100, "use at most 100 characters").optional() })
  .strict();

const jurisdictionFields = {
  code: z.string(),
  name: z.string(),
  kind: z.enum(JURISDICTION_KINDS),
  parent: z.string().optional(),
  kratom: z.enum(KRATOM_STATUSES),
  seven_oh: z.enum(SEVEN_OH_STATUSES),
  min_age: z.number().optional(),
  /** The date of the newest source the record relies on (published or took effect). */
  as_of: z.string(),
  /** When a person of the project last compared the record with its source; absent if never. */
  checked_on: z.string().optional(),
  /**
   * True when the last check (or, never checked, the source's date) is twelve months old or
   * more: the record may be out of date.
   */
  stale: z.boolean(),
};

const reviewView = z.object({ on: z.string(), by: z.string(), source: z.string() });

/** A bill, notice of intent, proposed or emergency rule: beside the status in force, never in it. */
const pendingChangeView = z.object({
  kind: z.enum(PENDING_KINDS),
  title: z.string(),
  stage: z.string(),
  summary: z.string(),
  would_set: z
    .object({
      kratom: z.enum(KRATOM_STATUSES).optional(),
      seven_oh: z.enum(SEVEN_OH_STATUSES).optional(),
    })
    .optional(),
  dated: z.string().optional(),
  expires: z.string().optional(),
  sources: z.array(citationView),
  verified: z.boolean(),
  note: z.string().optional(),
});

export const jurisdictionSummaryView = z.object(jurisdictionFields);

export const jurisdictionView = z.object({
  ...jurisdictionFields,
  effective_date: z.string().optional(),
  summary: z.string(),
  sources: z.array(citationView),
  verified: z.boolean(),
  confidence: z.enum(["high", "medium", "low"]).optional(),
  note: z.string().optional(),
  reviewed: reviewView.optional(),
  pending: z.array(pendingChangeView).optional(),
});

export const jurisdictionListResponse = z.object({
  jurisdictions: z.array(jurisdictionSummaryView),
});

export const effectiveStatusView = z.object({
  kratom: z.enum(KRATOM_STATUSES),
  decidedBy: z.string(),
  sevenOh: z.enum(SEVEN_OH_STATUSES),
  sevenOhDecidedBy: z.string(),
  minAge: z.number().optional(),
  minAgeDecidedBy: z.string().optional(),
  unclearAt: z.array(z.string()),
});

export const jurisdictionResponse = z.object({
  jurisdiction: jurisdictionView,
  /** Enclosing jurisdictions, nearest first. */
  parents: z.array(jurisdictionView),
  /** The strictest rule along the chain, with the level that decided it. */
  effective: effectiveStatusView,
  missingParent: z.string().optional(),
  /** The oldest `as_of` along the chain: the answer is no fresher than that. */
  asOf: z.string(),
  /**
   * The oldest last check along the chain; absent when some level was never checked by a person
   * of the project (then `uncheckedAt` names them).
   */
  checkedOn: z.string().optional(),
  /** Levels never compared with their source by a person of the project, nearest first. */
  uncheckedAt: z.array(z.string()),
  /** True when any level along the chain is past its review (twelve months after its check). */
  stale: z.boolean(),
});

// ---- Certificates of analysis ----

const percent = z.number().min(0, "must be 0 or more").max(100, "a percentage is at most 100");
const ugPerG = z.number().min(0, "must be 0 or more").max(1_000_000, "too large for µg/g");
const cfuPerG = z.number().min(0, "must be 0 or more").max(1e12, "too large");
const presence = z.enum(["absent", "detected"]);
const grams = z.number().positive("must be more than 0").max(1000, "at most 1000 g");

export const coaCheckBody = z
  .object({
    mitragyninePercent: percent.optional(),
    sevenOhPercent: percent.optional(),
    totalAlkaloidsPercent: percent.optional(),
    heavyMetalsUgPerG: z
      .object({
        lead: ugPerG.optional(),
        arsenic: ugPerG.optional(),
        cadmium: ugPerG.optional(),
        mercury: ugPerG.optional(),
      })
      .strict()
      .optional(),
    microbial: z
      .object({
        salmonella: presence.optional(),
        eColi: presence.optional(),
        totalAerobicCfuPerG: cfuPerG.optional(),
        yeastMouldCfuPerG: cfuPerG.optional(),
      })
      .strict()
      .optional(),
    form: z.enum(BOTANICAL_FORMS).optional(),
    /** Grams per serving, per unit and per container: for the per-serving, per-unit caps. */
    servingGrams: grams.optional(),
    unitGrams: grams.optional(),
    containerGrams: z.number().positive("must be more than 0").max(100_000).optional(),
    /**
     * Where the person lives (a jurisdiction code): the product is then judged by the strictest
     * rule of each kind that applies there. Absent: every cap, each on its own.
     */
    jurisdiction: jurisdictionCodeParams.shape.code.optional(),
    lab: z.string().trim().max(200).optional(),
    testDate: z.iso.date("a date as YYYY-MM-DD").optional(),
    expiryDate: z.iso.date("a date as YYYY-MM-DD").optional(),
    lot: z.string().trim().max(100).optional(),
    /** Grams of the product taken a day: turns metal concentrations into daily exposures. */
    dailyGrams: z
      .number()
      .positive("must be more than 0")
      .max(1000, "at most 1000 g a day")
      .optional(),
    /** The product's name, to explain strain or vein-colour names it uses. */
    productName: z.string().trim().max(160).optional(),
  })
  .strict();
export type CoaCheckBody = z.infer<typeof coaCheckBody>;

export const coaCheckResponse = z.object({
  /** Worst first. A value the certificate leaves out is `not-tested`, never `pass`. */
  findings: z.array(
    z.object({
      status: z.enum(FINDING_STATUSES),
      code: z.string(),
      message: z.string(),
      sources: z.array(citationView),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  /** The place the certificate was judged for, when the request named one. */
  place: z.object({ code: z.string(), name: z.string(), chain: z.array(z.string()) }).optional(),
  /** Present when the product name uses a strain or vein-colour (marketing) name. */
  strainName: z
    .object({ matched: z.array(z.string()), message: z.string(), sources: z.array(citationView) })
    .optional(),
  /** Version of coa-limits.json the check used. */
  limitsVersion: z.string(),
});

// ---- Evidence and first-line care ----

export const evidenceQuery = z.object({ topic: z.enum(EVIDENCE_TOPICS).optional() }).strict();

export const evidenceIdParams = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a claim id like fda-scheduled-kratom"),
  })
  .strict();

export const evidenceClaimView = z.object({
  id: z.string(),
  topics: z.array(z.enum(EVIDENCE_TOPICS)),
  claim: z.string(),
  verdict: z.enum(VERDICTS),
  explanation: z.string(),
  evidence_level: z.enum(EVIDENCE_LEVELS),
  sources: z.array(citationView),
  as_of: z.string(),
  verified: z.boolean(),
  note: z.string().optional(),
  reviewed: reviewView.optional(),
});

export const evidenceListResponse = z.object({
  topics: z.array(z.enum(EVIDENCE_TOPICS)),
  claims: z.array(evidenceClaimView),
  version: z.string(),
  asOf: z.string(),
});

export const evidenceClaimResponse = z.object({ claim: evidenceClaimView });

export const firstLineCareResponse = z.object({
  care: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(CARE_KINDS),
      name: z.string(),
      summary: z.string(),
      points: z.array(z.string()),
      how_to_get: z.string(),
      url: z.string().optional(),
      sources: z.array(citationView),
      as_of: z.string(),
      verified: z.boolean(),
      note: z.string().optional(),
    }),
  ),
  version: z.string(),
  asOf: z.string(),
});

// ---- Versions and search ----

export const knowledgeVersionResponse = z.object({
  files: z.array(z.object({ file: z.string(), version: z.string(), as_of: z.string() })),
});

export const searchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, "enter something to search for")
      .max(100, "use at most 100 characters"),
  })
  .strict();

export const searchResponse = z.object({
  query: z.string(),
  jurisdictions: z.array(jurisdictionSummaryView),
  claims: z.array(z.object({ id: z.string(), claim: z.string(), verdict: z.enum(VERDICTS) })),
  care: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(CARE_KINDS) })),
});
