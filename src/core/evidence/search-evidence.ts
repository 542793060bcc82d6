import type { EvidenceClaim } from "./evidence-claim.ts";
import type { FirstLineCare } from "./first-line-care.ts";

/** Lower-case words of a query; punctuation other than hyphens and digits splits words. */
function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Rank of a record for a query: every word must occur in `all`; records where every word occurs in
 * `title` come first. Lower is better; undefined means no match.
 */
function rank(words: readonly string[], title: string, all: string): number | undefined {
  if (words.length === 0) return undefined;
  if (!words.every((w) => all.includes(w))) return undefined;
  return words.every((w) => title.includes(w)) ? 0 : 1;
}

function search<T>(
  records: readonly T[],
  query: string,
  title: (r: T) => string,
  rest: (r: T) => string[],
): T[] {
  const words = queryWords(query);
  const scored: { record: T; score: number; index: number }[] = [];
  records.forEach((record, index) => {
    const t = title(record).toLowerCase();
    const all = [t, ...rest(record)].join("\n").toLowerCase();
    const score = rank(words, t, all);
    if (score !== undefined) scored.push({ record, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.record);
}

/**
 * Evidence claims in which every word of the query occurs (in the claim, its explanation, id or
 * topics), case-insensitively. Claims whose own wording holds every word come first; ties keep
 * data order. An empty query finds nothing.
 */
export function searchClaims(claims: readonly EvidenceClaim[], query: string): EvidenceClaim[] {
  return search(
    claims,
    query,
    (c) => c.claim,
    (c) => [c.id, c.explanation, ...c.topics],
  );
}

/** First-line care records matching every word of the query (name first, then the rest). */
export function searchFirstLineCare(
  care: readonly FirstLineCare[],
  query: string,
): FirstLineCare[] {
  return search(
    care,
    query,
    (c) => c.name,
    (c) => [c.id, c.summary, c.how_to_get, ...c.points],
  );
}
