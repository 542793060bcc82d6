import { DAY_MS, MAX_RANGE_DAYS } from "../../api/report-schemas.ts";
import { invalidInput } from "../http/api-error.ts";

/** Range when the client names none: the last 30 days. */
const DEFAULT_RANGE_DAYS = 30;

/**
 * The range a query names, with defaults: `to` = now; `from` = 30 days before `to`, or the
 * beginning of the record when `all` (the FHIR and CSV exports). 400 naming `query.from` when a
 * range (other than the whole record) exceeds the maximum.
 */
export function resolveRange(
  q: { from?: string | undefined; to?: string | undefined },
  now: Date,
  defaultFrom: "30-days" | "all" = "30-days",
): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from
    ? new Date(q.from)
    : defaultFrom === "all"
      ? new Date(0)
      : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (from.getTime() > to.getTime()) {
    throw invalidInput([{ field: "query.from", message: "must not be after to" }]);
  }
  if (q.from && to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw invalidInput([
      { field: "query.from", message: `the range may cover at most ${MAX_RANGE_DAYS} days` },
    ]);
  }
  return { from, to };
}
