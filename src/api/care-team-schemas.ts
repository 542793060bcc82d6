import { z } from "zod";
import { CARE_SCOPES } from "../core/care-scope.ts";
import {
  TRIAGE_LEVEL_FILTERS,
  TRIAGE_MAX_PAGE_SIZE,
  TRIAGE_PAGE_SIZE,
  TRIAGE_SORTS,
} from "../core/triage/table-page.ts";
import { SEVERITIES } from "../core/warning.ts";
import { assessmentView, trendsResponse } from "./assessments.ts";
import { ingestionView, productView } from "./dose-log-schemas.ts";
import { planWithVersionsView } from "./plan-schemas.ts";
import { warningView } from "./warning-views.ts";

/** Schemas of the care team: consent (the person's side) and the clinician's views. */

// ---- Consent ----

const careScope = z.enum(CARE_SCOPES);

export const invitationBody = z
  .object({
    scopes: z
      .array(careScope)
      .min(1, { message: "choose at least one thing to share" })
      .max(CARE_SCOPES.length)
      .refine((s) => new Set(s).size === s.length, { message: "each scope once" }),
    maySetPlans: z.boolean().default(false),
  })
  .strict();

export const invitationCreated = z.object({
  id: z.string(),
  /** Shown once: Mitra keeps only its hash. */
  code: z.string(),
  expiresAt: z.string(),
  scopes: z.array(careScope),
  maySetPlans: z.boolean(),
});

export const pendingInvitation = z.object({
  id: z.string(),
  scopes: z.array(careScope),
  maySetPlans: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export const pendingInvitations = z.object({ invitations: z.array(pendingInvitation) });

export const joinBody = z
  .object({ code: z.string().min(1, { message: "type the code the patient gave you" }).max(32) })
  .strict();

const personView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
});

export const linkView = z.object({
  id: z.string(),
  scopes: z.array(careScope),
  maySetPlans: z.boolean(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The other side: the clinician for the person, the person for the clinician. */
  person: personView,
  /**
   * For the person: the licence or role their clinician entered, and whether an administrator
   * of this Mitra approved the account (`verified`); unverified otherwise.
   */
  clinician: z.object({ licence: z.string().nullable(), verified: z.boolean() }).optional(),
});
export type LinkView = z.infer<typeof linkView>;

export const joinResponse = z.object({ link: linkView });
export const linksResponse = z.object({ links: z.array(linkView) });
export const linksQuery = z.object({ include: z.enum(["live", "all"]).default("live") }).strict();

export const idParams = z.object({ id: z.uuid({ message: "not a valid id" }) }).strict();

export const noteBody = z
  .object({
    id: z.uuid({ message: "a uuid made by the client (crypto.randomUUID())" }),
    body: z
      .string()
      .trim()
      .min(1, { message: "write something" })
      .max(10_000, { message: "at most 10,000 characters" }),
  })
  .strict();

export const noteView = z.object({
  id: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export const noteResponse = z.object({ note: noteView });
export const notesResponse = z.object({ notes: z.array(noteView) });

// ---- The clinician's dashboard and patient view ----

export const patientPlanParams = z
  .object({
    id: z.uuid({ message: "not a valid patient id" }),
    planId: z.uuid({ message: "not a valid plan id" }),
  })
  .strict();

export const checkInParams = z
  .object({
    id: z.uuid({ message: "not a valid patient id" }),
    assessmentId: z.uuid({ message: "not a valid check-in id" }),
  })
  .strict();

/** One open check-in that raised a red flag or a reported sign, with what it raised. */
export const checkInAlertView = z.object({
  assessmentId: z.string(),
  instrument: z.string(),
  instrumentName: z.string(),
  takenAt: z.string(),
  items: z.array(
    z.object({
      itemId: z.string(),
      label: z.string(),
      kind: z.enum(["red-flag", "reported-sign"]),
      severity: z.enum(SEVERITIES),
    }),
  ),
});

/** A clinician marked a check-in as seen. */
export const acknowledgementView = z.object({
  assessmentId: z.string(),
  clinicianId: z.string(),
  clinicianName: z.string().nullable(),
  acknowledgedAt: z.string(),
});

export const acknowledgeResponse = z.object({ acknowledgement: acknowledgementView });

const triagePatient = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  email: z.string(),
  timeZone: z.string(),
});

const triageLevel = z.enum(["urgent", "high", "watch", "ok"]);

export const triageRowView = z.object({
  patient: triagePatient,
  linkId: z.string(),
  scopes: z.array(careScope),
  maySetPlans: z.boolean(),
  linkedAt: z.string(),
  openRedFlags: z.number().nullable(),
  lastRedFlagAt: z.string().nullable(),
  rising: z
    .array(
      z.object({
        instrument: z.string(),
        instrumentName: z.string(),
        latest: z.number(),
        lowest: z.number(),
        takenAt: z.string(),
      }),
    )
    .nullable(),
  /** Answers a reported-sign rule warns about, not yet followed by a note; null without assessments. */
  reportedSigns: z
    .array(
      z.object({
        instrument: z.string(),
        instrumentName: z.string(),
        item: z.string(),
        label: z.string(),
        severity: z.enum(SEVERITIES),
        count: z.number(),
        lastAt: z.string(),
      }),
    )
    .nullable(),
  /** Open check-ins with a red flag or reported sign, newest first; null without assessments. */
  alerts: z.array(checkInAlertView).nullable(),
  /** A plan is in force; null without the doses scope. */
  onPlan: z.boolean().nullable(),
  dosesOverPlan: z.number().nullable(),
  riskyCombinations: z.number().nullable(),
  worstCombination: z.enum(SEVERITIES).nullable(),
  missedCheckIns: z.number().nullable(),
  /** Of the last `checkInDays` rolling days, how many began after the care link (and count). */
  checkInDaysCounted: z.number().nullable(),
  sparkline: z.array(z.number().nullable()).nullable(),
  lastCheckInAt: z.string().nullable(),
  lastDoseAt: z.string().nullable(),
  lastEntryAt: z.string().nullable(),
  reasons: z.array(
    z.object({
      kind: z.enum([
        "red-flag",
        "combination",
        "rising",
        "reported-sign",
        "over-plan",
        "missed-check-in",
      ]),
      text: z.string(),
    }),
  ),
  level: triageLevel,
});

/** Search, filters, order and page of the dashboard; each in the page's address too. */
export const dashboardQuery = z
  .object({
    q: z.string().max(200).optional(),
    level: z.enum(TRIAGE_LEVEL_FILTERS).optional(),
    quiet: z.coerce.number().int().min(1).max(30).optional(),
    sort: z.enum(TRIAGE_SORTS).default("urgency"),
    dir: z.enum(["asc", "desc"]).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(TRIAGE_MAX_PAGE_SIZE).default(TRIAGE_PAGE_SIZE),
  })
  .strict();

export const dashboardResponse = z.object({
  generatedAt: z.string(),
  /** Every consenting patient, before search and filters. */
  total: z.number(),
  /** Patients that passed the search and filters, on every page. */
  matched: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Every consenting patient by level, before search and filters. */
  levels: z.record(triageLevel, z.number()),
  windows: z.object({
    sparklineDays: z.number(),
    redFlagDays: z.number(),
    doseSignalHours: z.number(),
    trendHours: z.number(),
    checkInDays: z.number(),
  }),
  /** The page asked for, in the order asked for (worst first by default). */
  patients: z.array(triageRowView),
});

export const doseEntryView = ingestionView.extend({ warnings: z.array(warningView) });

export const timelineResponse = z.object({
  patient: triagePatient,
  access: z.object({ scopes: z.array(careScope), maySetPlans: z.boolean() }),
  from: z.string(),
  to: z.string(),
  assessments: z.array(assessmentView).optional(),
  trends: trendsResponse.optional(),
  /** Check-ins in the range that raised a red flag or reported sign (with the assessments). */
  alerts: z.array(checkInAlertView).optional(),
  /** Every clinician's "seen" on those check-ins (with the assessments). */
  acknowledgements: z.array(acknowledgementView).optional(),
  doses: z.array(doseEntryView).optional(),
  plans: z.array(planWithVersionsView).optional(),
  products: z.array(productView).optional(),
  notes: z.array(noteView).optional(),
});
