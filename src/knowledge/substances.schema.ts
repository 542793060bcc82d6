import { z } from "zod";
import {
  DOSE_TIER_NAMES,
  type DoseReference,
  type PharmacokineticStudy,
  type SubstanceClass,
  type SubstanceDefinition,
  type TimeCourse,
} from "../core/safety/types.ts";
import { isMassUnit } from "../core/units.ts";
import { knowledgeFileHeader, reviewedField, sourcesSchema } from "./citation.schema.ts";
import { routeSchema, slugSchema, textSchema, unitSchema } from "./safety-common.schema.ts";

/**
 * Schema of src/knowledge/data/substances.json: the classes rules name and the substance catalog.
 * Beyond shapes it checks that every class a substance or class names exists, that ids are unique,
 * that pickable classes say which units a custom substance may use, that dose tiers rise, and that
 * the canonical unit is one a person can log or reach by conversion.
 */

const positive = z.number().finite().positive();

const substanceClassSchema = z
  .object({
    id: slugSchema,
    name: textSchema,
    description: textSchema,
    pickable: z.boolean(),
    implies: z.array(slugSchema).min(1).optional(),
    units: z.array(unitSchema).min(1).optional(),
    routes: z.array(routeSchema).min(1).optional(),
    sources: sourcesSchema,
    ...reviewedField,
  })
  .strict()
  .refine((c) => !c.pickable || c.units !== undefined, {
    message: "a pickable class lists the units a custom substance of it may use",
  }) satisfies z.ZodType<SubstanceClass>;

const doseReferenceSchema = z
  .object({
    by: textSchema,
    route: routeSchema,
    unit: unitSchema,
    tiers: z
      .array(
        z
          .object({
            name: z.enum(DOSE_TIER_NAMES),
            from: positive.optional(),
            to: positive.optional(),
          })
          .strict()
          .refine((t) => t.from !== undefined || t.to !== undefined, {
            message: "a tier has a lower bound, an upper bound or both",
          })
          .refine((t) => t.from === undefined || t.to === undefined || t.from < t.to, {
            message: "a tier's lower bound is below its upper bound",
          }),
      )
      .min(1),
    note: textSchema.optional(),
    sources: sourcesSchema,
    ...reviewedField,
  })
  .strict()
  .superRefine((ref, ctx) => {
    const order = ref.tiers.map((t) => DOSE_TIER_NAMES.indexOf(t.name));
    if (order.some((v, i) => i > 0 && v <= (order[i - 1] as number))) {
      ctx.addIssue({ code: "custom", message: "tiers are listed once each, lightest first" });
    }
  }) satisfies z.ZodType<DoseReference>;

const timeRangeSchema = z
  .object({
    min: z.number().finite().nonnegative(),
    max: positive.optional(),
    unit: z.enum(["minutes", "hours"]),
  })
  .strict()
  .refine((r) => r.max === undefined || r.min <= r.max, { message: "min is at most max" });

const timeCourseSchema = z
  .object({
    by: textSchema,
    route: routeSchema,
    onset: timeRangeSchema.optional(),
    peak: timeRangeSchema.optional(),
    duration: timeRangeSchema.optional(),
    afterEffects: timeRangeSchema.optional(),
    sources: sourcesSchema,
    ...reviewedField,
  })
  .strict() satisfies z.ZodType<TimeCourse>;

const reportedValueSchema = z
  .object({
    value: positive,
    low: positive.optional(),
    high: positive.optional(),
    kind: textSchema,
  })
  .strict()
  .refine((v) => (v.low ?? v.value) <= v.value && v.value <= (v.high ?? v.value), {
    message: "low <= value <= high",
  });

const pharmacokineticStudySchema = z
  .object({
    id: slugSchema,
    analyte: z.enum(["mitragynine", "7-hydroxymitragynine"]),
    population: textSchema,
    design: textSchema,
    dose: textSchema,
    tmaxHours: reportedValueSchema,
    halfLifeHours: reportedValueSchema,
    note: textSchema.optional(),
    sources: sourcesSchema,
    ...reviewedField,
  })
  .strict() satisfies z.ZodType<PharmacokineticStudy>;

const substanceSchema = z
  .object({
    id: slugSchema,
    name: textSchema,
    aliases: z.array(textSchema),
    classes: z.array(slugSchema).min(1),
    units: z.array(unitSchema).min(1),
    routes: z.array(routeSchema).min(1),
    canonical: z.object({ unit: unitSchema, pool: slugSchema.optional() }).strict(),
    elementalFraction: z
      .object({
        value: z.number().finite().positive().max(1),
        verified: z.boolean(),
        note: textSchema.optional(),
        sources: sourcesSchema,
        ...reviewedField,
      })
      .strict()
      .optional(),
    doseReferences: z.array(doseReferenceSchema).min(1).optional(),
    timeCourses: z.array(timeCourseSchema).min(1).optional(),
    pharmacokinetics: z.array(pharmacokineticStudySchema).min(1).optional(),
    note: textSchema.optional(),
    sources: sourcesSchema,
    ...reviewedField,
  })
  .strict()
  .superRefine((s, ctx) => {
    const target = s.canonical.unit;
    const reachable =
      s.units.includes(target) || (isMassUnit(target) && s.units.some((u) => isMassUnit(u)));
    if (!reachable) {
      ctx.addIssue({
        code: "custom",
        path: ["canonical", "unit"],
        message: "the canonical unit is one of the units or a mass unit reachable from them",
      });
    }
    if (s.elementalFraction && !isMassUnit(target)) {
      ctx.addIssue({
        code: "custom",
        path: ["canonical", "unit"],
        message: "an elemental amount is a mass",
      });
    }
  }) satisfies z.ZodType<SubstanceDefinition>;

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

export const substancesFileSchema = z
  .object({
    ...knowledgeFileHeader,
    classes: z.array(substanceClassSchema).min(1),
    substances: z.array(substanceSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const classIds = new Set(file.classes.map((c) => c.id));
    for (const d of duplicates(file.classes.map((c) => c.id))) {
      ctx.addIssue({ code: "custom", path: ["classes"], message: `class ${d} is listed twice` });
    }
    for (const d of duplicates(file.substances.map((s) => s.id))) {
      ctx.addIssue({
        code: "custom",
        path: ["substances"],
        message: `substance ${d} is listed twice`,
      });
    }
    file.classes.forEach((c, i) => {
      for (const implied of c.implies ?? []) {
        if (!classIds.has(implied)) {
          ctx.addIssue({
            code: "custom",
            path: ["classes", i, "implies"],
            message: `no class ${implied}`,
          });
        }
      }
    });
    file.substances.forEach((s, i) => {
      for (const c of s.classes) {
        if (!classIds.has(c)) {
          ctx.addIssue({
            code: "custom",
            path: ["substances", i, "classes"],
            message: `no class ${c}`,
          });
        }
      }
    });
  });

export type SubstancesFile = z.infer<typeof substancesFileSchema>;
