import { z } from "zod";
import type { Citation } from "./citation.ts";
import type { Review } from "./review.ts";

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

/**
 * The one form a source takes in every knowledge file and API answer: a title and at least one way to find it
 * (a URL or a DOI). A citation without either cannot be checked, so it is refused.
 */
export const citationSchema = z
  .object({
    title: z.string().min(3),
    url: z.url().optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, "a DOI looks like 10.xxxx/yyyy")
      .optional(),
    date: isoDate.optional(),
  })
  .strict()
  .refine((c) => c.url !== undefined || c.doi !== undefined, {
    message: "a source needs a url or a doi so it can be checked",
  }) satisfies z.ZodType<Citation>;

export const sourcesSchema = z
  .array(citationSchema)
  .min(1, "every record needs at least one source");

/**
 * The last time a person compared a record with its source: when, who, and which source (a URL or
 * DOI the record cites; `mitra kb review` checks that). Optional on every record: a record without
 * one has never been reviewed, and its staleness falls back to its `as_of`.
 */
export const reviewSchema = z
  .object({
    on: isoDate,
    by: z.string().trim().min(2),
    source: z.string().trim().min(3),
  })
  .strict() satisfies z.ZodType<Review>;

/** Spread into a record's object schema: `reviewed` is allowed on every knowledge record. */
export const reviewedField = { reviewed: reviewSchema.optional() };
