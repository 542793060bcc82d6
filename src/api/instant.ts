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
