import { z } from "zod";
import { crisisResourceSchema } from "../core/assessment/crisis-resource.schema.ts";
import { instrumentSchema } from "../core/assessment/instrument.schema.ts";
import { route } from "./define.ts";
import { isoInstant, timeWindowQuery } from "./instant.ts";
import { warningView } from "./warning-views.ts";

/**
 * Instruments and check-ins. That an instrument id names a known instrument is checked by the
 * server against the knowledge files (a 400 naming the field), not here.
 */

const instrumentId = z.string().max(64);

/** Most answers an instrument has (SOWS: 16) is far below this; a cap keeps errors short. */
const MAX_ANSWER_KEYS = 100;

export const assessmentBody = z
  .object({
    id: z.uuid({ message: "a uuid made by the client (crypto.randomUUID())" }),
    instrument: instrumentId,
    answers: z
      .record(z.string().max(64), z.number({ message: "expected a number" }))
      .refine((a) => Object.keys(a).length <= MAX_ANSWER_KEYS, {
        message: `at most ${MAX_ANSWER_KEYS} answers`,
      }),
    takenAt: isoInstant,
  })
  .strict();
export type AssessmentBody = z.infer<typeof assessmentBody>;

/** Most assessments one list returns. */
const MAX_LIST_LIMIT = 1000;

const assessmentListQuery = timeWindowQuery(MAX_LIST_LIMIT, {
  instrument: instrumentId.optional(),
});

const bandView = z.object({
  id: z.string(),
  label: z.string(),
  min: z.number(),
  max: z.number(),
  convention: z.literal(true).optional(),
});

const totalRangeView = z.object({ min: z.number(), max: z.number() });

export const assessmentView = z.object({
  id: z.string(),
  instrument: z.string(),
  /** The instrument's short name, e.g. "SOWS". */
  instrumentName: z.string(),
  answers: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  totalRange: totalRangeView.nullable(),
  band: bandView.nullable(),
  subscores: z.array(z.object({ id: z.string(), label: z.string(), score: z.number().nullable() })),
  redFlag: z.boolean(),
  takenAt: z.string(),
  createdAt: z.string(),
  /** Who entered it; null when that account was deleted. */
  recordedBy: z.string().nullable(),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const recordResponse = z.object({
  assessment: assessmentView,
  /** Red flags (urgent) and reported-sign warnings with their sources, worst first, recomputed on every answer. */
  warnings: z.array(warningView),
  /** Help lines to show with urgent warnings; empty when there is none. */
  crisisResources: z.array(crisisResourceSchema),
});
export type RecordResponse = z.infer<typeof recordResponse>;

const assessmentListResponse = z.object({ assessments: z.array(assessmentView) });

const instrumentsResponse = z.object({
  version: z.string(),
  asOf: z.string(),
  instruments: z.array(instrumentSchema),
});

const scorePointView = z.object({ takenAt: z.string(), total: z.number() });

const instrumentTrendView = z.object({
  instrument: z.string(),
  instrumentName: z.string(),
  totalRange: totalRangeView,
  /** How many totals the trend is computed from. */
  count: z.number(),
  baseline: scorePointView.nullable(),
  latest: scorePointView.nullable(),
  changeFromBaseline: z.number().nullable(),
  change72h: z.number().nullable(),
  lowestIn72h: scorePointView.nullable(),
  risingThreshold: z.number(),
  rising: z.boolean(),
  windowHours: z.number(),
});
export type InstrumentTrendView = z.infer<typeof instrumentTrendView>;

export const trendsResponse = z.object({
  trends: z.array(instrumentTrendView),
  definitions: z.object({
    baseline: z.string(),
    windowHours: z.number(),
    risingPercentOfRange: z.number(),
  }),
});
export type TrendsResponse = z.infer<typeof trendsResponse>;

/** Instruments (public knowledge) and the signed-in person's own assessments and trends. */
export const assessmentRoutes = {
  listInstruments: route({
    method: "GET",
    path: "/api/instruments",
    tag: "assessments",
    summary: "Assessment instruments: items in published order, answers, bands, sources",
    access: "public",
    responses: { 200: instrumentsResponse },
  }),
  recordAssessment: route({
    method: "POST",
    path: "/api/assessments",
    tag: "assessments",
    summary:
      "Record one's own assessment; returns its score, band, red flags and reported-sign warnings",
    access: "signedIn",
    body: assessmentBody,
    responses: { 200: recordResponse, 201: recordResponse },
  }),
  listAssessments: route({
    method: "GET",
    path: "/api/assessments",
    tag: "assessments",
    summary: "One's own assessments, newest first",
    access: "signedIn",
    query: assessmentListQuery,
    responses: { 200: assessmentListResponse },
  }),
  getAssessmentTrends: route({
    method: "GET",
    path: "/api/assessments/trends",
    tag: "assessments",
    summary: "One's own trend per scored instrument: baseline, latest, 72-hour change, rising",
    access: "signedIn",
    responses: { 200: trendsResponse },
  }),
};
