import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sourcesSchema } from "./citation.schema.ts";
import { checkKnowledgeBase } from "./kb-check.ts";
import { knowledgeFiles } from "./registry.ts";

describe("checkKnowledgeBase on the real knowledge files", () => {
  const report = checkKnowledgeBase(new Date());

  it("checks every registered file", () => {
    expect(report.files.map((f) => f.file)).toEqual(knowledgeFiles.map((f) => f.file));
  });

  it.each(knowledgeFiles.map((f) => f.file))(
    "%s validates and every record cites its sources",
    (file) => {
      const r = report.files.find((f) => f.file === file);
      expect(r?.errors).toEqual([]);
      expect(r?.ok).toBe(true);
      expect(r?.records).toBeGreaterThan(0);
    },
  );
});

/** A scratch data directory with the given files, for testing the checker itself. */
function scratch(files: Record<string, unknown>): URL {
  const dir = mkdtempSync(join(tmpdir(), "mitra-kb-"));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), JSON.stringify(content));
  }
  return pathToFileURL(`${dir}/`);
}

const looseSchema = z.object({
  version: z.string(),
  as_of: z.string(),
  items: z.array(z.unknown()),
});
const strictSchema = z.object({
  version: z.string(),
  as_of: z.string(),
  items: z.array(z.object({ id: z.string(), sources: sourcesSchema })),
});
const good = { title: "A source", url: "https://example.org/a" };

describe("checkKnowledgeBase", () => {
  const now = new Date("2026-06-01T00:00:00Z");

  it("reports schema errors with their path", () => {
    const dir = scratch({
      "a.json": { version: "1", as_of: "2026-01-01", items: [{ id: 7, sources: [good] }] },
    });
    const [r] = checkKnowledgeBase(
      now,
      [{ file: "a.json", schema: strictSchema, reviewAfterDays: 365 }],
      dir,
    ).files;
    expect(r?.ok).toBe(false);
    expect(r?.errors.some((e) => e.startsWith("items[0].id:"))).toBe(true);
  });

  it("catches a badly cited source even when the file's own schema lets it through", () => {
    const dir = scratch({
      "b.json": {
        version: "1",
        as_of: "2026-01-01",
        items: [
          { id: "ok", sources: [good] },
          { id: "no-link", sources: [{ title: "Nowhere" }] },
          { id: "not-a-list", sources: "see above" },
        ],
      },
    });
    const [r] = checkKnowledgeBase(
      now,
      [{ file: "b.json", schema: looseSchema, reviewAfterDays: 365 }],
      dir,
    ).files;
    expect(r?.records).toBe(3);
    expect(r?.ok).toBe(false);
    expect(r?.errors).toHaveLength(2);
    expect(r?.errors[0]).toMatch(/^items\[1\]\.sources\[0\]: .*url or a doi/);
    expect(r?.errors[1]).toBe("items[2]: sources must be a non-empty list");
  });

  it("reports an empty source list as an error when the file's schema requires sources", () => {
    const dir = scratch({
      "f.json": { version: "1", as_of: "2026-01-01", items: [{ id: "a", sources: [] }] },
    });
    const [r] = checkKnowledgeBase(
      now,
      [{ file: "f.json", schema: strictSchema, reviewAfterDays: 365 }],
      dir,
    ).files;
    expect(r?.ok).toBe(false);
    expect(r?.errors).toContain("items[0]: sources must be a non-empty list");
  });

  it("only warns about an empty source list that the file's own schema allows", () => {
    const dir = scratch({
      "e.json": {
        version: "1",
        as_of: "2026-01-01",
        items: [{ id: "a", sources: [good] }],
        notice: { sources: [] },
      },
    });
    const [r] = checkKnowledgeBase(
      now,
      [{ file: "e.json", schema: looseSchema, reviewAfterDays: 365 }],
      dir,
    ).files;
    expect(r?.ok).toBe(true);
    expect(r?.warnings).toEqual(["notice: cites no source (allowed by the file's schema)"]);
  });

  it("reports a file it cannot read and a file without any sourced record", () => {
    const dir = scratch({ "c.json": { version: "1", as_of: "2026-01-01", items: [{ id: "x" }] } });
    const files = [
      { file: "missing.json", schema: looseSchema, reviewAfterDays: 365 },
      { file: "c.json", schema: looseSchema, reviewAfterDays: 365 },
    ];
    const [missing, c] = checkKnowledgeBase(now, files, dir).files;
    expect(missing?.ok).toBe(false);
    expect(missing?.errors[0]).toMatch(/^cannot read/);
    expect(c?.errors).toEqual(["no record in the file cites a source"]);
  });

  it("lists records past review: own as_of, inherited as_of, and review_by", () => {
    const dir = scratch({
      "d.json": {
        version: "1",
        as_of: "2026-05-01",
        items: [
          { id: "old", as_of: "2025-01-01", sources: [good] },
          { id: "fresh", as_of: "2026-05-01", sources: [good] },
          { id: "inherits", sources: [good] },
          { id: "due-early", as_of: "2026-05-01", review_by: "2026-05-15", sources: [good] },
          { code: "XX", asOf: "2026-05-20", sources: [good], nested: { sources: [good] } },
        ],
      },
    });
    const report = checkKnowledgeBase(
      now,
      [{ file: "d.json", schema: looseSchema, reviewAfterDays: 30 }],
      dir,
    );
    expect(report.stale).toEqual([
      { file: "d.json", id: "old", as_of: "2025-01-01", review_by: "2025-01-31" },
      { file: "d.json", id: "fresh", as_of: "2026-05-01", review_by: "2026-05-31" },
      { file: "d.json", id: "inherits", as_of: "2026-05-01", review_by: "2026-05-31" },
      { file: "d.json", id: "due-early", as_of: "2026-05-01", review_by: "2026-05-15" },
    ]);
    expect(report.files[0]?.records).toBe(6);
  });
});
