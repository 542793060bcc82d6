import type { SafetyRules } from "../core/safety/types.ts";
import { checkKnowledgeBase, type KnowledgeBaseReport } from "../knowledge/kb-check.ts";
import type { KnowledgeFile } from "../knowledge/registry.ts";
import { knowledgeSignProblems } from "../knowledge/reported-sign-references.ts";
import { undecidedPairProblems } from "../knowledge/safety-rules.ts";

export interface KbCheckOptions {
  now: Date;
  /** Defaults to every registered file in src/knowledge/data/. */
  files?: readonly KnowledgeFile[];
  dataDir?: URL;
  print?: (line: string) => void;
  /** The safety rules whose interaction matrix is checked (default: the real knowledge base). */
  safetyRules?: SafetyRules;
}

/** The report as lines: each file, its records, errors and warnings; then records past review. */
export function formatKbReport(report: KnowledgeBaseReport, now: Date): string[] {
  const lines = [`Knowledge base check on ${now.toISOString().slice(0, 10)}`, ""];
  const width = Math.max(...report.files.map((f) => f.file.length), 4);
  for (const f of report.files) {
    lines.push(
      `${f.ok ? "ok   " : "ERROR"}  ${f.file.padEnd(width)}  ${f.records} records, ${f.errors.length} errors, ${f.warnings.length} warnings`,
    );
    for (const e of f.errors) lines.push(`         error: ${e}`);
    for (const w of f.warnings) lines.push(`         warning: ${w}`);
  }
  lines.push("");
  if (report.stale.length === 0) {
    lines.push("No record is past its review date.");
  } else {
    lines.push(`Records past their review date (${report.stale.length}):`);
    for (const s of report.stale) {
      const last = s.reviewed_on ? `last reviewed ${s.reviewed_on}` : "never reviewed";
      lines.push(
        `  ${s.file}  ${s.id}  source of ${s.as_of || "?"}, ${last}, review by ${s.review_by}`,
      );
    }
  }
  lines.push("");
  lines.push(`${report.stale.length} of ${report.records} records are due for review.`);
  const failed = report.files.filter((f) => !f.ok);
  lines.push("");
  lines.push(
    failed.length === 0
      ? `All ${report.files.length} files are valid.`
      : `${failed.length} of ${report.files.length} files have errors: ${failed.map((f) => f.file).join(", ")}.`,
  );
  return lines;
}

/**
 * `mitra kb check`: validate every knowledge file and its citations, list records past their
 * review date. Returns the exit code: 1 when any file has an error, else 0 (records past review
 * are listed but are not errors).
 */
export function runKbCheck(options: KbCheckOptions): number {
  const report = checkKnowledgeBase(options.now, options.files, options.dataDir);
  const print = options.print ?? ((line: string) => console.log(line));
  for (const line of formatKbReport(report, options.now)) print(line);
  const filesOk = report.files.every((f) => f.ok);
  // Across files (the real ones only, once each is valid): every reported-sign rule in
  // limits.json must name an instrument item that exists, or it can never fire.
  const across = filesOk && options.dataDir === undefined ? knowledgeSignProblems() : [];
  for (const problem of across) print(`error: limits.json against instruments.json: ${problem}`);
  // The interaction matrix: every pair the engine can meet has a decision, so it is never silent.
  const real = filesOk && options.dataDir === undefined;
  const undecided =
    options.safetyRules !== undefined || real ? undecidedPairProblems(options.safetyRules) : [];
  for (const problem of undecided) print(`error: ${problem}`);
  if (real || options.safetyRules !== undefined) {
    print(
      undecided.length === 0
        ? "Every pair of substances has a decision."
        : `${undecided.length} pairs have no decision.`,
    );
  }
  return filesOk && across.length === 0 && undecided.length === 0 ? 0 : 1;
}
