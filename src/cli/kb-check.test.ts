import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sourcesSchema } from "../knowledge/citation.schema.ts";
import { knowledgeFiles } from "../knowledge/registry.ts";
import { loadSafetyRules } from "../knowledge/safety-rules.ts";
import { runKbCheck } from "./kb-check.ts";

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("mitra kb check as a command", () => {
  it("prints every file with its records and exits 0 on the real knowledge base", async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "kb", "check"],
      { cwd: projectRoot, env: { ...process.env, NODE_NO_WARNINGS: "1" } },
    );
    for (const { file } of knowledgeFiles) {
      expect(stdout).toMatch(
        new RegExp(`^ok +${file.replace(".", "\\.")} +\\d+ records, 0 errors`, "m"),
      );
    }
    expect(stdout).toMatch(
      /Records past their review date \(\d+\)|No record is past its review date/,
    );
    expect(stdout).toMatch(new RegExp(`All ${knowledgeFiles.length} files are valid\\.`));
    expect(stdout).toContain("Every pair of substances has a decision.");
    expect(stdout).toMatch(/^\d+ of \d+ records are due for review\.$/m);
  }, 60_000);

  it("kb review refuses an id that names no record and writes nothing", async () => {
    const failed = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "kb",
        "review",
        "no-such-record",
        "--source",
        "https://example.org/",
        "--by",
        "Tester",
      ],
      { cwd: projectRoot, env: { ...process.env, NODE_NO_WARNINGS: "1" } },
    ).then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('no record with id "no-such-record"');
  }, 60_000);
});

describe("mitra kb check on the interaction matrix", () => {
  it("fails and names the pair when a decision is removed", () => {
    const real = loadSafetyRules();
    const without = {
      ...real,
      unrated: real.unrated.filter((u) => u.id !== "unrated-antibiotic-bisphosphonate"),
    };
    const lines: string[] = [];
    const code = runKbCheck({
      now: new Date("2026-12-02"),
      safetyRules: without,
      print: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    expect(lines).toContain(
      "error: interactions: no decision for alendronate with risedronate (add a rule or an unrated entry)",
    );
    expect(runKbCheck({ now: new Date("2026-12-02"), safetyRules: real, print: () => {} })).toBe(0);
  });
});

describe("runKbCheck", () => {
  const schema = z.object({
    version: z.string(),
    as_of: z.string(),
    items: z.array(z.object({ id: z.string(), sources: sourcesSchema })),
  });
  const source = { title: "A source", url: "https://example.org/a" };

  function scratch(files: Record<string, unknown>): URL {
    const dir = mkdtempSync(join(tmpdir(), "mitra-kb-cli-"));
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), JSON.stringify(content));
    }
    return pathToFileURL(`${dir}/`);
  }

  it("exits 1 and prints the error when a file is invalid", () => {
    const dataDir = scratch({
      "good.json": {
        version: "1.0.0",
        as_of: "2026-01-01",
        items: [{ id: "a", sources: [source] }],
      },
      "bad.json": {
        version: "1.0.0",
        as_of: "2026-01-01",
        items: [{ id: "b", sources: [{ title: "No link" }] }],
      },
    });
    const lines: string[] = [];
    const code = runKbCheck({
      now: new Date("2026-06-01T00:00:00Z"),
      files: [
        { file: "good.json", schema, reviewAfterDays: 365 },
        { file: "bad.json", schema, reviewAfterDays: 365 },
      ],
      dataDir,
      print: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    const out = lines.join("\n");
    expect(out).toMatch(/^ok +good\.json +1 records, 0 errors/m);
    expect(out).toMatch(/^ERROR +bad\.json/m);
    expect(out).toMatch(/error: .*url or a doi/);
    expect(out).toMatch(/1 of 2 files have errors: bad\.json\./);
  });

  it("lists records past their review date, counts them, and still exits 0", () => {
    const dataDir = scratch({
      "old.json": {
        version: "1.0.0",
        as_of: "2024-01-01",
        items: [
          { id: "old-one", sources: [source] },
          {
            id: "old-but-reviewed",
            sources: [source],
            reviewed: { on: "2026-03-01", by: "a reviewer", source: "x" },
          },
        ],
      },
    });
    const lines: string[] = [];
    const code = runKbCheck({
      now: new Date("2026-06-01T00:00:00Z"),
      files: [{ file: "old.json", schema, reviewAfterDays: 365 }],
      dataDir,
      print: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    expect(lines).toContain("Records past their review date (1):");
    expect(lines).toContain(
      "  old.json  old-one  source of 2024-01-01, never reviewed, review by 2024-12-31",
    );
    expect(lines.join("\n")).not.toContain("old-but-reviewed");
    expect(lines).toContain("1 of 2 records are due for review.");
  });
});
