import { z } from "zod";
import {
  JURISDICTION_KINDS,
  type Jurisdiction,
  KRATOM_STATUSES,
  PENDING_KINDS,
  type PendingChange,
  SEVEN_OH_STATUSES,
} from "../core/legal/jurisdiction.ts";
import { isoDate, knowledgeFileHeader, reviewedField, sourcesSchema } from "./citation.schema.ts";

const text = z.string().trim().min(1);

/** ISO 3166-1 alpha-2, ISO 3166-2 (`US-AL`), or a locality code (`US-CA-SD`). */
const jurisdictionCode = z
  .string()
  .regex(
    /^[A-Z]{2}(-[A-Z0-9]{1,3}(-[A-Z]{2,})?)?$/,
    "a country (US), subdivision (US-AL) or locality (US-CA-SD) code",
  );

const pendingChangeSchema = z
  .object({
    kind: z.enum(PENDING_KINDS),
    title: text,
    stage: text,
    summary: text,
    would_set: z
      .object({
        kratom: z.enum(KRATOM_STATUSES).optional(),
        seven_oh: z.enum(SEVEN_OH_STATUSES).optional(),
      })
      .strict()
      .optional(),
    dated: isoDate.optional(),
    expires: isoDate.optional(),
    sources: sourcesSchema,
    verified: z.boolean(),
    note: text.optional(),
  })
  .strict()
  .refine((p) => p.verified || p.note !== undefined, {
    message: "an unverified pending change needs a note saying what is not confirmed",
    path: ["note"],
  }) satisfies z.ZodType<PendingChange>;

export const jurisdictionSchema = z
  .object({
    code: jurisdictionCode,
    name: text,
    kind: z.enum(JURISDICTION_KINDS),
    parent: jurisdictionCode.optional(),
    kratom: z.enum(KRATOM_STATUSES),
    seven_oh: z.enum(SEVEN_OH_STATUSES),
    min_age: z.number().int().min(1).max(99).optional(),
    effective_date: isoDate.optional(),
    summary: text,
    sources: sourcesSchema,
    as_of: isoDate,
    ...reviewedField,
    pending: z.array(pendingChangeSchema).min(1).optional(),
    verified: z.boolean(),
    confidence: z.enum(["high", "medium", "low"]).optional(),
    note: text.optional(),
  })
  .strict()
  .refine((j) => (j.kind === "country") === (j.parent === undefined), {
    message: "a country has no parent; every other jurisdiction has one",
    path: ["parent"],
  })
  .refine((j) => j.verified || j.note !== undefined, {
    message: "an unverified record needs a note saying what to check",
    path: ["note"],
  }) satisfies z.ZodType<Jurisdiction>;

export const jurisdictionsFileSchema = z
  .object({
    ...knowledgeFileHeader,
    jurisdictions: z.array(jurisdictionSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const codes = file.jurisdictions.map((j) => j.code);
    const known = new Set(codes);
    file.jurisdictions.forEach((j, i) => {
      if (codes.indexOf(j.code) !== i) {
        ctx.addIssue({ code: "custom", path: ["jurisdictions", i, "code"], message: "duplicate" });
      }
      if (j.parent !== undefined && !known.has(j.parent)) {
        ctx.addIssue({
          code: "custom",
          path: ["jurisdictions", i, "parent"],
          message: `no record for parent ${j.parent}`,
        });
      }
      if (j.parent !== undefined && !j.code.startsWith(`${j.parent.slice(0, 2)}-`)) {
        ctx.addIssue({
          code: "custom",
          path: ["jurisdictions", i, "code"],
          message: `code must start with its country's code (${j.parent.slice(0, 2)})`,
        });
      }
    });
  });

export type JurisdictionsFile = z.infer<typeof jurisdictionsFileSchema>;
