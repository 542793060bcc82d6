import { readFileSync, writeFileSync } from "node:fs";
import type { Review } from "../core/review.ts";
import { type KnowledgeFile, knowledgeFiles } from "./registry.ts";

/** What `mitra kb review` was asked to record. */
export interface ReviewRequest {
  /** The record's `id` (or `code`, for jurisdictions). */
  id: string;
  /** Who compared the record with its source. */
  by: string;
  /** The source it was compared with: one of the record's own source URLs or DOIs. */
  source: string;
  /** The day of the comparison; defaults to today (UTC). */
  on?: string;
  /** Which file, when the id exists in more than one. */
  file?: string;
}

export type ReviewResult =
  | { ok: true; file: string; id: string; reviewed: Review }
  | { ok: false; error: string };

interface Found {
  file: KnowledgeFile;
  data: unknown;
  record: Record<string, unknown>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Records (objects with `sources`) whose `id` or `code` is `id`, at any depth. */
function recordsWithId(data: unknown, id: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!isRecord(value)) return;
    if ("sources" in value && (value.id === id || value.code === id)) out.push(value);
    for (const [key, child] of Object.entries(value)) if (key !== "sources") walk(child);
  };
  walk(data);
  return out;
}

/** The URLs and DOIs a record cites: the only things a review may name as compared. */
function sourceKeys(record: Record<string, unknown>): string[] {
  const sources = Array.isArray(record.sources) ? record.sources : [];
  return sources.flatMap((s) =>
    isRecord(s) ? [s.url, s.doi].filter((v): v is string => typeof v === "string") : [],
  );
}

const sameSource = (a: string, b: string) =>
  a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();

/**
 * Record that a person compared a knowledge record with its source: sets the record's
 * `reviewed: { on, by, source }` and writes the file back. Refuses (and writes nothing) when the
 * id names no record, names records in several files without `file`, the reviewer is not named,
 * the source is not one the record cites (a review is a comparison with the record's own source,
 * not a date), the date is not a real day or lies in the future, or the file's schema does not
 * accept the result.
 */
export function recordReview(
  request: ReviewRequest,
  now: Date,
  files: readonly KnowledgeFile[] = knowledgeFiles,
  dataDir: URL = new URL("./data/", import.meta.url),
): ReviewResult {
  const by = request.by.trim();
  if (by.length < 2) return { ok: false, error: "--by: say who compared the record" };
  const today = now.toISOString().slice(0, 10);
  const on = request.on ?? today;
  if (!ISO_DATE.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`))) {
    return { ok: false, error: `--on: "${on}" is not a date as YYYY-MM-DD` };
  }
  if (on > today) return { ok: false, error: `--on: ${on} is in the future` };

  const candidates = files.filter((f) => request.file === undefined || f.file === request.file);
  if (candidates.length === 0)
    return { ok: false, error: `--file: no knowledge file ${request.file}` };
  const found: Found[] = [];
  for (const file of candidates) {
    const data: unknown = JSON.parse(readFileSync(new URL(file.file, dataDir), "utf8"));
    for (const record of recordsWithId(data, request.id)) found.push({ file, data, record });
  }
  if (found.length === 0) {
    return { ok: false, error: `no record with id "${request.id}" in the knowledge files` };
  }
  if (found.length > 1) {
    const where = [...new Set(found.map((f) => f.file.file))].join(", ");
    return {
      ok: false,
      error: `"${request.id}" names ${found.length} records (${where}); pass --file to choose one`,
    };
  }
  const [{ file, data, record }] = found as [Found];

  const cited = sourceKeys(record);
  const source = cited.find((key) => sameSource(key, request.source));
  if (source === undefined) {
    return {
      ok: false,
      error: `--source: "${request.source}" is not one of the record's sources. Compare the record with one it cites: ${cited.join(", ") || "(it cites none with a URL or DOI)"}`,
    };
  }

  const reviewed: Review = { on, by, source };
  record.reviewed = reviewed;
  const parsed = file.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `${file.file} does not accept the review: ${issue?.path.join(".")}: ${issue?.message}`,
    };
  }
  writeFileSync(new URL(file.file, dataDir), `${JSON.stringify(data, null, 2)}\n`);
  return { ok: true, file: file.file, id: request.id, reviewed };
}
