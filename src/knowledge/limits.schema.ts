import { z } from "zod";
import {
  type DailyLimitRule,
  DOSE_TIER_NAMES,
  type ReferenceAmountRule,
  type ReportedSignRule,
  type SafetyLimits,
  type SpacingRule,
  type SubstanceWarningRule,
} from "../core/safety/types.ts";
import { knowledgeFileHeader } from "./citation.schema.ts";
import {
  matcherSchema,
  noticeTextSchema,
  slugSchema,
  textSchema,
  unitSchema,
  warningTextFields,
} from "./safety-common.schema.ts";

/**
 * Schema of src/knowledge/data/limits.json: daily upper limits, "over reference" amount rules,
 * spacing rules, per-substance warnings, reported signs and the plan texts. Rule ids are unique
 * within each list (they become warning codes).
 */

const dailyLimitSchema = z
  .object({
    id: slugSchema,
    pool: slugSchema,
    unit: unitSchema,
    maxPerDay: z.number().finite().positive(),
    ...warningTextFields,
  })
  .strict() satisfies z.ZodType<DailyLimitRule>;

const referenceAmountSchema = z
  .object({
    id: slugSchema,
    pool: slugSchema,
    basis: z.enum(["dose", "day"]),
    reference: z
      .object({
        substanceId: slugSchema,
        by: textSchema,
        tier: z.enum(DOSE_TIER_NAMES),
        bound: z.enum(["from", "to"]),
      })
      .strict(),
    comparison: z.enum(["at-or-above", "above"]),
    ...warningTextFields,
  })
  .strict() satisfies z.ZodType<ReferenceAmountRule>;

const spacingSchema = z
  .object({
    id: slugSchema,
    a: matcherSchema,
    b: matcherSchema,
    minHoursAfterA: z.number().finite().positive(),
    minHoursAfterB: z.number().finite().positive(),
    ...warningTextFields,
  })
  .strict() satisfies z.ZodType<SpacingRule>;

const substanceWarningSchema = z
  .object({ id: slugSchema, matcher: matcherSchema, ...warningTextFields })
  .strict() satisfies z.ZodType<SubstanceWarningRule>;

const reportedSignSchema = z
  .object({
    id: slugSchema,
    instrument: slugSchema,
    answerKey: slugSchema,
    atLeast: z.number().finite(),
    matcher: matcherSchema,
    ...warningTextFields,
  })
  .strict() satisfies z.ZodType<ReportedSignRule>;

function uniqueIds<T extends { id: string }>(schema: z.ZodType<T>) {
  return z.array(schema).refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, {
    message: "rule ids are unique",
  });
}

export const limitsFileSchema = z
  .object({
    ...knowledgeFileHeader,
    dailyLimits: uniqueIds(dailyLimitSchema),
    referenceAmountRules: uniqueIds(referenceAmountSchema),
    spacingRules: uniqueIds(spacingSchema),
    substanceWarnings: uniqueIds(substanceWarningSchema),
    reportedSigns: uniqueIds(reportedSignSchema),
    plan: z
      .object({
        overMaxPerDose: noticeTextSchema,
        overMaxPerDay: noticeTextSchema,
        overTarget: noticeTextSchema,
        tooSoon: noticeTextSchema,
        unitUnsupported: noticeTextSchema,
      })
      .strict(),
    notices: z
      .object({ amountUnchecked: noticeTextSchema, timeZoneInvalid: noticeTextSchema })
      .strict(),
  })
  .strict();

export type LimitsFile = z.infer<typeof limitsFileSchema>;

/** Compile-time check that the file's rule parts are the engine's `SafetyLimits`. */
export function limitsOf(file: LimitsFile): SafetyLimits {
  const {
    dailyLimits,
    referenceAmountRules,
    spacingRules,
    substanceWarnings,
    reportedSigns,
    plan,
    notices,
  } = file;
  return {
    dailyLimits,
    referenceAmountRules,
    spacingRules,
    substanceWarnings,
    reportedSigns,
    plan,
    notices,
  };
}
