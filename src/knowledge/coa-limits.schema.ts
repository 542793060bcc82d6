import { z } from "zod";
import {
  BOTANICAL_FORMS,
  CAP_BASES,
  CAPPED_ALKALOIDS,
  type CoaLimits,
  HEAVY_METALS,
  type HeavyMetalLimit,
  type MarketingNameNote,
  type MicrobialRule,
  PERCENT_BASES,
  type SevenOhCap,
} from "../core/coa/coa-limits.ts";
import { isoDate, knowledgeFileHeader, reviewedField, sourcesSchema } from "./citation.schema.ts";

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case slug, e.g. kcpa-2pct");
const overStatus = z.enum(["fail", "warning"]);
const sourced = {
  sources: sourcesSchema,
  ...reviewedField,
  as_of: isoDate,
  verified: z.boolean(),
  note: text.optional(),
};

const sevenOhCapSchema = z
  .object({
    id: slug,
    basis: z.enum(CAP_BASES),
    alkaloid: z.enum(CAPPED_ALKALOIDS).optional(),
    max_percent: z.number().positive().max(100).optional(),
    max_mg: z.number().positive().max(100_000).optional(),
    jurisdiction: z
      .string()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3}(-[A-Z]{2,})?)?$/, "a jurisdiction code, e.g. US-GA")
      .optional(),
    pending: z.literal(true).optional(),
    exceeded_status: overStatus,
    title: text,
    applies_to: text,
    advice: text,
    ...sourced,
  })
  .strict()
  .refine(
    (c) =>
      PERCENT_BASES.includes(c.basis)
        ? c.max_percent !== undefined && c.max_mg === undefined
        : c.max_mg !== undefined && c.max_percent === undefined,
    { message: "a share cap needs max_percent only; an amount cap needs max_mg only" },
  ) satisfies z.ZodType<SevenOhCap>;

const heavyMetalLimitSchema = z
  .object({
    id: slug,
    element: z.enum(HEAVY_METALS),
    daily_limit_ug: z.number().positive(),
    limit_name: text,
    other_limits: z
      .array(
        z
          .object({
            id: slug,
            daily_limit_ug: z.number().positive(),
            limit_name: text,
            exceeded_status: overStatus,
            meaning: text,
            sources: sourcesSchema,
            ...reviewedField,
            verified: z.boolean(),
            note: text.optional(),
          })
          .strict(),
      )
      .optional(),
    ...sourced,
  })
  .strict() satisfies z.ZodType<HeavyMetalLimit>;

const microbialBase = {
  organism: text,
  title: text,
  advice: text,
  ...sourced,
};

const microbialRuleSchema = z.discriminatedUnion("kind", [
  z
    .object({
      id: z.enum(["salmonella", "e-coli"]),
      kind: z.literal("absence"),
      ...microbialBase,
    })
    .strict(),
  z
    .object({
      id: z.enum(["total-aerobic-count", "yeast-mould"]),
      kind: z.literal("max_cfu_per_g"),
      max_cfu_per_g: z.object(
        Object.fromEntries(BOTANICAL_FORMS.map((f) => [f, z.number().positive()])) as Record<
          (typeof BOTANICAL_FORMS)[number],
          z.ZodNumber
        >,
      ),
      ...microbialBase,
    })
    .strict(),
]) satisfies z.ZodType<MicrobialRule>;

const marketingNameNoteSchema = z
  .object({
    terms: z.array(text).min(1),
    message: text,
    ...sourced,
  })
  .strict() satisfies z.ZodType<MarketingNameNote>;

export const coaLimitsFileSchema = z
  .object({
    ...knowledgeFileHeader,
    seven_oh_caps: z.array(sevenOhCapSchema).min(1),
    heavy_metals: z.array(heavyMetalLimitSchema).min(1),
    microbial: z.array(microbialRuleSchema).min(1),
    certificate_details: z
      .object({ problem_status: overStatus, advice: text, ...sourced })
      .strict(),
    marketing_names: marketingNameNoteSchema,
  })
  .strict()
  .superRefine((file, ctx) => {
    const unique = (ids: string[], path: string): void => {
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) {
          ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `duplicate ${id}` });
        }
      });
    };
    unique(
      file.seven_oh_caps.map((c) => c.id),
      "seven_oh_caps",
    );
    unique(
      file.heavy_metals.map((m) => m.element),
      "heavy_metals",
    );
    unique(
      file.microbial.map((m) => m.id),
      "microbial",
    );
    for (const element of HEAVY_METALS) {
      if (!file.heavy_metals.some((m) => m.element === element)) {
        ctx.addIssue({
          code: "custom",
          path: ["heavy_metals"],
          message: `no limit for ${element}`,
        });
      }
    }
  }) satisfies z.ZodType<CoaLimits>;

export type CoaLimitsFile = z.infer<typeof coaLimitsFileSchema>;
