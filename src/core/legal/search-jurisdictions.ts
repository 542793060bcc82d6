import type { Jurisdiction } from "./jurisdiction.ts";

/**
 * Find jurisdictions whose code or name contains the query, case-insensitively. Best matches
 * first: exact code, exact name, code prefix, name prefix (or a word of the name), then any other
 * match; ties in name order. An empty query returns every record in name order.
 */
export function searchJurisdictions(
  records: readonly Jurisdiction[],
  query: string,
): Jurisdiction[] {
  const q = query.trim().toLowerCase();
  const scored: { record: Jurisdiction; score: number }[] = [];
  for (const record of records) {
    const score = matchScore(record, q);
    if (score !== undefined) scored.push({ record, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.record.name.localeCompare(b.record.name))
    .map((s) => s.record);
}

/** Lower is better; undefined means no match. */
function matchScore(record: Jurisdiction, q: string): number | undefined {
  if (q === "") return 5;
  const code = record.code.toLowerCase();
  const name = record.name.toLowerCase();
  if (code === q) return 0;
  if (name === q) return 1;
  if (code.startsWith(q)) return 2;
  if (name.startsWith(q) || name.split(/[\s-]+/).some((word) => word.startsWith(q))) return 3;
  if (code.includes(q) || name.includes(q)) return 4;
  return undefined;
}
