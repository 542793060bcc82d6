import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sourcesSchema } from "./citation.schema.ts";
import { KnowledgeBaseInvalid, loadKnowledgeBase } from "./load-knowledge-base.ts";
import { knowledgeFiles } from "./registry.ts";

describe("loadKnowledgeBase", () => {
  it("loads the real files and reports every one", () => {
    const report = loadKnowledgeBase(new Date());
    expect(report.files.map((f) => f.file)).toEqual(knowledgeFiles.map((f) => f.file));
    expect(report.files.every((f) => f.ok)).toBe(true);
  });

  it("refuses an invalid file, naming the file and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "mitra-kb-load-"));
    writeFileSync(
      join(dir, "broken.json"),
      JSON.stringify({ version: "1.0.0", as_of: "2026-01-01", items: [{ id: 3, sources: [] }] }),
    );
    const schema = z.object({
      version: z.string(),
      as_of: z.string(),
      items: z.array(z.object({ id: z.string(), sources: sourcesSchema })),
    });
    const load = () =>
      loadKnowledgeBase(
        new Date("2026-06-01T00:00:00Z"),
        [{ file: "broken.json", schema, reviewAfterDays: 365 }],
        pathToFileURL(`${dir}/`),
      );
    expect(load).toThrow(KnowledgeBaseInvalid);
    expect(load).toThrow(/broken\.json: items\[0\]\.id/);
    expect(load).toThrow(/mitra kb check/);
  });
});
