import { z } from "zod";
import { reviewedField, sourcesSchema } from "../citation.schema.ts";
import { CRISIS_RESOURCE_KINDS, type CrisisResource } from "./crisis-resource.ts";

const text = z.string().trim().min(1);
const dialable = z.string().regex(/^[0-9][0-9-]*[0-9]$/, "digits and hyphens, e.g. 1-800-222-1222");

/** One help line as its knowledge file holds it and the API answers it. */
export const crisisResourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    region: z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code, or EU"),
    kind: z.enum(CRISIS_RESOURCE_KINDS),
    name: text,
    phone: dialable.optional(),
    text: dialable.optional(),
    url: z.url().optional(),
    hours: text.optional(),
    description: text,
    sources: sourcesSchema,
    ...reviewedField,
    verified: z.boolean(),
    note: text.optional(),
  })
  .strict()
  .refine((r) => r.phone !== undefined || r.text !== undefined || r.url !== undefined, {
    message: "a help line needs a phone number, a text number or a URL",
  }) satisfies z.ZodType<CrisisResource>;
