import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { reviewedField, sourcesSchema } from "./citation.schema.ts";
import { checkKnowledgeBase } from "./kb-check.ts";
import { recordReview } from "./kb-review.ts";
import type { KnowledgeFile } from "./registry.ts";

const itemSchema = z.object({ id: z.string(), sources: sourcesSchema, ...reviewedField }).strict();
const schema = z.object({ version: z.string(), as_of: z.string(), items: z.array(itemSchema) });
const strictNoReview = z.object({
  version: z.string(),
  as_of: z.string(),
  items: z.array(z.object({ id: z.string(), sources: sourcesSchema }).strict()),
});
const url = "https://example.org/statute";

function scratch(content: unknown): { dir: URL; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "mitra-kb-review-"));
  const path = join(dir, "laws.json");
  writeFileSync(path, JSON.stringify(content, null, 2));
  return { dir: pathToFileURL(`${dir}/`), path };
}

const file = (s: z.ZodType = schema): KnowledgeFile[] => [
  { file: "laws.json", schema: s, reviewAfterDays: 365 },
];
const data = {
  version: "1.0.0",
  as_of: "2019-05-02",
  items: [{ id: "old-law", sources: [{ title: "The statute", url }] }],
};
const now = new Date("2026-12-02T10:00:00Z");

describe("recordReview", () => {
  it("records who compared the record with which source, and when", () => {
    const { dir, path } = scratch(data);
    const result = recordReview(
      { id: "old-law", by: "A. Reviewer", source: `${url}/` },
      now,
      file(),
      dir,
    );
    expect(result).toEqual({
      ok: true,
      file: "laws.json",
      id: "old-law",
      reviewed: { on: "2026-12-02", by: "A. Reviewer", source: url },
    });
    const written = JSON.parse(readFileSync(path, "utf8"));
    expect(written.items[0].reviewed).toEqual({ on: "2026-12-02", by: "A. Reviewer", source: url });
  });

  it("makes staleness count from the review, not from the source's date", () => {
    const { dir } = scratch(data);
    // A 2019 source, never reviewed: due since 2020.
    expect(checkKnowledgeBase(now, file(), dir).stale.map((s) => s.id)).toEqual(["old-law"]);
    recordReview(
      { id: "old-law", by: "A. Reviewer", source: url, on: "2026-06-01" },
      now,
      file(),
      dir,
    );
    // Reviewed on 1 June 2026: not due on 2 Dec 2026, due from 1 June 2027.
    expect(checkKnowledgeBase(now, file(), dir).stale).toEqual([]);
    const later = checkKnowledgeBase(new Date("2027-06-01T00:00:00Z"), file(), dir).stale;
    expect(later).toEqual([
      {
        file: "laws.json",
        id: "old-law",
        as_of: "2019-05-02",
        reviewed_on: "2026-06-01",
        review_by: "2027-06-01",
      },
    ]);
  });

  it("refuses an id that names no record, and writes nothing", () => {
    const { dir, path } = scratch(data);
    const before = readFileSync(path, "utf8");
    const result = recordReview(
      { id: "no-such-law", by: "A. Reviewer", source: url },
      now,
      file(),
      dir,
    );
    expect(result).toEqual({
      ok: false,
      error: 'no record with id "no-such-law" in the knowledge files',
    });
    expect(readFileSync(path, "utf8")).toBe(before);
  });

  it("refuses a source the record does not cite: a review is a comparison, not a date", () => {
    const { dir, path } = scratch(data);
    const before = readFileSync(path, "utf8");
    const result = recordReview(
      { id: "old-law", by: "A. Reviewer", source: "https://elsewhere.example/" },
      now,
      file(),
      dir,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(url);
    expect(readFileSync(path, "utf8")).toBe(before);
  });

  it("refuses an unnamed reviewer, a date in the future and a file that cannot hold a review", () => {
    const { dir, path } = scratch(data);
    const before = readFileSync(path, "utf8");
    expect(recordReview({ id: "old-law", by: " ", source: url }, now, file(), dir).ok).toBe(false);
    const future = recordReview(
      { id: "old-law", by: "A. Reviewer", source: url, on: "2027-01-01" },
      now,
      file(),
      dir,
    );
    expect(!future.ok && future.error).toContain("in the future");
    const strict = recordReview(
      { id: "old-law", by: "A. Reviewer", source: url },
      now,
      file(strictNoReview),
      dir,
    );
    expect(!strict.ok && strict.error).toContain("does not accept the review");
    expect(readFileSync(path, "utf8")).toBe(before);
  });
});
