import { z } from "zod";
import { isoInstant } from "./instant.ts";

/** Query schemas of the exports (the person's own and a clinician's) and of timelines. */

export const DAY_MS = 86_400_000;
/** Longest range a timeline or report covers, in days. */
export const MAX_RANGE_DAYS = 366;

export const rangeQuery = z
  .object({ from: isoInstant.optional(), to: isoInstant.optional() })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from === undefined || q.to === undefined) return;
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (from > to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (to - from > MAX_RANGE_DAYS * DAY_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["from"],
        message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
      });
    }
  });
