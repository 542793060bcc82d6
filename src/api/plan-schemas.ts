import { z } from "zod";
import { isCalendarDay, PLAN_KINDS, type PlanDefinition } from "../core/plan/index.ts";

/**
 * Zod schemas of the plan routes. The definition's schema checks only shapes and types; the
 * rules (positive amounts, floor below start, real days...) are core's `validatePlan`, run by the
 * service so the browser and the server say the same thing about the same field.
 */

const idText = z.string().min(1, "must not be empty").max(100);

export const planStepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("amount"), amount: z.number() }).strict(),
  z.object({ kind: z.literal("percent"), percent: z.number() }).strict(),
]);

export const planDefinitionSchema = z
  .object({
    kind: z.enum(PLAN_KINDS),
    substanceId: idText.optional(),
    productId: idText.optional(),
    unit: z.string().max(32),
    startDate: z.string().max(32),
    startAmountPerDay: z.number(),
    step: planStepSchema,
    stepLengthDays: z.number(),
    limitAmountPerDay: z.number().optional(),
    maxPerDose: z.number().optional(),
    maxPerDay: z.number().optional(),
    minHoursBetweenDoses: z.number().optional(),
    endDate: z.string().max(32).optional(),
    roundTo: z.number().optional(),
  })
  .strict() satisfies z.ZodType<PlanDefinition>;

export const calendarDay = z
  .string()
  .refine(isCalendarDay, { message: "a calendar day, YYYY-MM-DD" });

/** Longest preview and adherence window, in days. */
export const MAX_WINDOW_DAYS = 730;
/** Default preview length: eight weeks. */
export const DEFAULT_PREVIEW_DAYS = 56;

const windowDays = z.coerce.number().int().min(1).max(MAX_WINDOW_DAYS);

export const createPlanBody = z
  .object({
    id: z.uuid({ message: "a uuid made by the client (crypto.randomUUID())" }),
    definition: planDefinitionSchema,
  })
  .strict();
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const revisePlanBody = z.object({ definition: planDefinitionSchema }).strict();

export const planParams = z.object({ id: z.uuid({ message: "a plan id (uuid)" }) });

export const planListQuery = z.object({ status: z.enum(["active", "ended"]).optional() }).strict();

export const previewBody = z
  .object({
    definition: planDefinitionSchema,
    days: windowDays.default(DEFAULT_PREVIEW_DAYS),
    from: calendarDay.optional(),
  })
  .strict();

export const previewQuery = z
  .object({
    days: windowDays.default(DEFAULT_PREVIEW_DAYS),
    from: calendarDay.optional(),
  })
  .strict();

export const adherenceQuery = z
  .object({ from: calendarDay.optional(), to: calendarDay.optional() })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    }
  });

export const planVersionView = z.object({
  id: z.string(),
  version: z.number(),
  definition: planDefinitionSchema,
  changedFields: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const planView = z.object({
  id: z.string(),
  userId: z.string(),
  createdBy: z.string().nullable(),
  status: z.enum(["active", "ended"]),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
  endReason: z.enum(["ended", "replaced"]).nullable(),
  replacedBy: z.string().nullable(),
  current: planVersionView,
});

export const planWithVersionsView = planView.extend({ versions: z.array(planVersionView) });

export const planResponse = z.object({
  plan: planWithVersionsView,
  /** Ids of active plans for the same substance or product that this write ended. */
  replaced: z.array(z.string()),
});

export const planListResponse = z.object({ plans: z.array(planView) });

export const scheduledDayView = z.object({
  day: z.string(),
  targetPerDay: z.number(),
  stepIndex: z.number(),
  atLimit: z.boolean(),
});

export const previewResponse = z.object({
  unit: z.string(),
  schedule: z.array(scheduledDayView),
  /** First day at the floor (taper) or ceiling (titration); null when the plan ends before. */
  limitReachedOn: z.object({ day: z.string(), stepIndex: z.number() }).nullable(),
});

export const activePlanLimitsView = z.object({
  kind: z.enum(PLAN_KINDS),
  substanceId: z.string().optional(),
  productId: z.string().optional(),
  unit: z.string(),
  targetForDay: z.number(),
  maxPerDose: z.number().optional(),
  maxPerDay: z.number(),
  statedMaxPerDay: z.number().optional(),
  minIntervalHours: z.number().optional(),
});

export const planTodayResponse = z.object({
  /** Today in the person's time zone. */
  day: z.string(),
  timeZone: z.string(),
  plans: z.array(
    z.object({
      planId: z.string(),
      version: z.number(),
      definition: planDefinitionSchema,
      limits: activePlanLimitsView,
      /** The next day the target changes, within the plan; null when it no longer changes. */
      nextChange: z.object({ day: z.string(), targetPerDay: z.number() }).nullable(),
    }),
  ),
});

/**
 * Which plan governs a day when plans end or replace one another (core `plan-governance.ts`), for
 * the OpenAPI descriptions of the routes that start, end and judge plans.
 */
export const PLAN_GOVERNANCE_RULE =
  "A plan governs the days from its start date until the day it was ended (by hand, or replaced " +
  "by a new plan), that day excluded: a plan ended at 15:00 no longer governs that day, as a " +
  "change saved at 15:00 governs all of it. Earlier days keep the plan and the version they " +
  "had, so a dose dated before the end is still checked against the ended plan. A new plan may " +
  "start in the past, but among plans for the same substance or product a day belongs to the " +
  "plan created first among those that set a target for it: a replacement never takes the " +
  "days the plan it replaced governed (before its creation day it governs only days that plan " +
  "set no target for). A day is governed by at most one plan per substance or product.";

/** The OpenAPI description of the adherence routes: which version judges which day. */
export const ADHERENCE_DESCRIPTION =
  "Each day is judged against the plan version in force on that day, never against a later one. " +
  "A version is in force from the start of the calendar day on which it was saved, in the " +
  "person's time zone, until the start of the day a later version was saved: a revision made at " +
  "15:00 governs that whole day (doses taken that morning included) and every later day, and " +
  "changes no earlier day. Days before the plan was first saved are judged against version 1; " +
  "when several versions are saved on one day, the last governs it. Each day names its " +
  "`version` and that version's `unit`; the doses counted are those of that version's " +
  "substance or product. " +
  PLAN_GOVERNANCE_RULE +
  " A day the plan does not govern has no target (`planned` null, status `no-plan`) and says " +
  "why in `planState`: `ended` (on or after `endedOn`, the day the plan was ended) or " +
  "`earlier-plan` (`heldBy` names the plan that governs it); what was taken is still shown. " +
  "A day whose version no longer passes validation has status `plan-invalid` and no target; " +
  "`invalidVersions` lists those versions and why, and the other days are judged as usual.";

export const adherenceDayView = z.object({
  day: z.string(),
  planned: z.number().nullable(),
  taken: z.number(),
  ratio: z.number().nullable(),
  status: z.enum(["under", "on-plan", "over", "no-plan", "plan-invalid"]),
  doses: z.number(),
  unconvertible: z.array(z.object({ unit: z.string(), amount: z.number(), doses: z.number() })),
  dosesOverMaxPerDose: z.number(),
  dosesTooSoon: z.number(),
  /**
   * The plan version the day was judged against: the one in force on that day. A version is in
   * force from the start of the calendar day it was saved (in the person's zone) until a later
   * version's day, so a revision governs the whole day it is made and no earlier day.
   */
  version: z.number().describe("the plan version in force on this day, which judged it"),
  /** That version's unit, the unit of `planned` and `taken` on this day. */
  unit: z.string().describe("that version's unit: the unit of planned and taken"),
  planState: z
    .enum(["in-force", "ended", "earlier-plan"])
    .describe(
      "in-force: the plan governs the day; ended: on or after the day it was ended; " +
        "earlier-plan: an earlier plan for the same substance or product governs it (heldBy)",
    ),
  heldBy: z.string().nullable().describe("the plan that governs the day instead (earlier-plan)"),
});

export const adherenceResponse = z.object({
  planId: z.string(),
  /** The current version's unit. */
  unit: z.string(),
  /** The current version's number. */
  version: z.number(),
  timeZone: z.string(),
  endedOn: z
    .string()
    .nullable()
    .describe("the day the plan was ended on, the first it no longer governs; null while active"),
  from: z.string(),
  to: z.string(),
  /** Relative band around the target that counts as on plan (a display convention). */
  tolerance: z.number(),
  days: z.array(adherenceDayView),
  invalidVersions: z.array(
    z.object({
      version: z.number(),
      issues: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
});
