import { z } from "zod";
import { CARE_KINDS, type FirstLineCare } from "../core/evidence/first-line-care.ts";
import { isoDate, knowledgeFileHeader, reviewedField, sourcesSchema } from "./citation.schema.ts";
import { uniqueIdsIn } from "./unique-ids.ts";

const text = z.string().trim().min(1);

export const firstLineCareSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case slug"),
    kind: z.enum(CARE_KINDS),
    name: text,
    summary: text,
    points: z.array(text),
    how_to_get: text,
    url: z.url().optional(),
    sources: sourcesSchema,
    ...reviewedField,
    as_of: isoDate,
    verified: z.boolean(),
    note: text.optional(),
  })
  .strict()
  .refine((c) => c.verified || c.note !== undefined, {
    message: "an unverified record needs a note saying what to check",
    path: ["note"],
  }) satisfies z.ZodType<FirstLineCare>;

export const firstLineCareFileSchema = z
  .object({
    ...knowledgeFileHeader,
    care: z.array(firstLineCareSchema).min(1),
  })
  .strict()
  .superRefine(uniqueIdsIn("care"));

export type FirstLineCareFile = z.infer<typeof firstLineCareFileSchema>;
