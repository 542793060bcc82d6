import { z } from "zod";
import { SEVERITIES } from "../../core/warning.ts";
import { assessmentView, trendsResponse, warningView } from "../assessments/schemas.ts";
import { ingestionView, productView } from "../dose-log/schemas.ts";
import { planWithVersionsView } from "../plans/schemas.ts";
import { careScope, noteView } from "./schemas.ts";

export { rangeQuery, resolveRange } from "../reports/schemas.ts";

/** Zod schemas of the clinician's dashboard and patient view. */

export const patientParams = z
  .object({ id: z.uuid({ message: "not a valid patient id" }) })
  .strict();

export const patientPlanParams = z
  .object({
    id: z.uuid({ message: "not a valid patient id" }),
    planId: z.uuid({ message: "not a valid plan id" }),
  })
  .strict();

const triagePatient = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  email: z.string(),
  timeZone: z.string(),
});

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
  dosesOverPlan: z.number().nullable(),
  riskyCombinations: z.number().nullable(),
  worstCombination: z.enum(SEVERITIES).nullable(),
  missedCheckIns: z.number().nullable(),
  sparkline: z.array(z.number().nullable()).nullable(),
  lastCheckInAt: z.string().nullable(),
  lastDoseAt: z.string().nullable(),
  lastEntryAt: z.string().nullable(),
  reasons: z.array(z.string()),
  level: z.enum(["urgent", "high", "watch", "ok"]),
});

export const dashboardResponse = z.object({
  generatedAt: z.string(),
  windows: z.object({
    sparklineDays: z.number(),
    redFlagDays: z.number(),
    doseSignalHours: z.number(),
    trendHours: z.number(),
    checkInDays: z.number(),
  }),
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
  doses: z.array(doseEntryView).optional(),
  plans: z.array(planWithVersionsView).optional(),
  products: z.array(productView).optional(),
  notes: z.array(noteView).optional(),
});
