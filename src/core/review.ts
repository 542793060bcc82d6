/**
 * When a person of the project last compared a knowledge record with its source. Kept apart from
 * the source's own date (`as_of` / `effective_date`): staleness counts from this review, never
 * from how old the law or study is.
 */
export interface Review {
  /** The day the comparison was made (YYYY-MM-DD). */
  on: string;
  /** Who compared it (a name or a role, e.g. "knowledge review 2026-12"). */
  by: string;
  /** What the record was compared with: the URL or DOI of one of its sources. */
  source: string;
}

/** The date staleness counts from: the last review, else (never reviewed) the source's date. */
export function reviewBaseDate(record: { reviewed?: Review; as_of: string }): string {
  return record.reviewed?.on ?? record.as_of;
}
