import { z } from "zod";

/** Earliest and latest years a time sent to the API may fall in; outside, a 400 names the field. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/**
 * An ISO-8601 instant with a zone, within FIRST_YEAR..LAST_YEAR: a year like 0999 parses, but
 * calendar arithmetic on it fails deep inside (a 500 before this check).
 */
export const isoInstant = z.iso
  .datetime({
    offset: true,
    message: "an ISO-8601 time with a zone, like 2026-03-01T08:00:00Z",
  })
  .refine(
    (value) => {
      const year = new Date(value).getUTCFullYear();
      // A value that is no time at all is reported by the format check alone.
      if (Number.isNaN(year)) return true;
      return year >= FIRST_YEAR && year <= LAST_YEAR;
    },
    { message: `a time between the years ${FIRST_YEAR} and ${LAST_YEAR}` },
  );

/**
 * A list's time window and size: `from` and `to` (from not after to) and at most `maxLimit`
 * rows, plus any other filters.
 */
export function timeWindowQuery<S extends z.ZodRawShape>(maxLimit: number, filters: S) {
  return z
    .object({
      ...filters,
      from: isoInstant.optional(),
      to: isoInstant.optional(),
      limit: z.coerce.number().int().min(1).max(maxLimit).optional(),
    })
    .strict()
    .superRefine((query, ctx) => {
      const q = query as { from?: string; to?: string };
      if (q.from !== undefined && q.to !== undefined && Date.parse(q.from) > Date.parse(q.to)) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
      }
    });
}
