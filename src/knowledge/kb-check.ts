import { readFileSync } from "node:fs";
import { citationSchema } from "./citation.schema.ts";
import { type KnowledgeFile, knowledgeFiles } from "./registry.ts";

/** What `mitra kb check` found in one knowledge file. */
export interface KnowledgeFileReport {
  file: string;
  /** True when the file parsed, matched its schema and every record cites its sources correctly. */
  ok: boolean;
  errors: string[];
  /**
   * Things to look at that are not errors: records whose file schema lets them cite no source
   * (e.g. an interface notice that states no fact).
   */
  warnings: string[];
  /** Records found: every object in the file that carries `sources`. */
  records: number;
}

/** A record past its review date. */
export interface StaleRecord {
  file: string;
  /** The record's `id` or `code`, else its path in the file (e.g. `marketing_names`). */
  id: string;
  /** The date of the record's source (or, without one, its nearest enclosing record's or file's). */
  as_of: string;
  /** When a person last compared it with its source; absent when it was never reviewed. */
  reviewed_on?: string;
  /**
   * When it fell due: `review_by` if the record sets one, else its last review + the file's
   * reviewAfterDays, else (never reviewed) `as_of` + reviewAfterDays.
   */
  review_by: string;
}

export interface KnowledgeBaseReport {
  files: KnowledgeFileReport[];
  stale: StaleRecord[];
  /** Every record found, in every file (the denominator of `stale`). */
  records: number;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Check every registered knowledge file: parse it, validate it with its schema, check that every
 * record's sources are a non-empty list of citations in the form citationSchema requires, and list
 * records past their review date at `now`. An empty `sources` list is an error unless the file's own
 * schema accepts it, in which case it is a warning. Works on whatever files are registered, whatever their
 * shape: a record is any object with a `sources` key; its date is `as_of` (or `asOf`), inherited
 * from the nearest enclosing record or the file header when it has none; its last review is
 * `reviewed.on`, inherited the same way; staleness counts from the review when there is one;
 * `review_by` (or `reviewBy`) overrides the computed due date.
 */
export function checkKnowledgeBase(
  now: Date,
  files: readonly KnowledgeFile[] = knowledgeFiles,
  dataDir: URL = new URL("./data/", import.meta.url),
): KnowledgeBaseReport {
  const reports: KnowledgeFileReport[] = [];
  const stale: StaleRecord[] = [];

  for (const entry of files) {
    const errors: string[] = [];
    const warnings: string[] = [];
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(new URL(entry.file, dataDir), "utf8"));
    } catch (e) {
      reports.push({
        file: entry.file,
        ok: false,
        errors: [`cannot read: ${(e as Error).message}`],
        warnings: [],
        records: 0,
      });
      continue;
    }

    const parsed = entry.schema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push(`${formatPath(issue.path)}: ${issue.message}`);
      }
    }

    const fileAsOf = isRecord(data) && typeof data.as_of === "string" ? data.as_of : undefined;
    const records = findRecords(data, fileAsOf);
    if (records.length === 0) errors.push("no record in the file cites a source");

    for (const record of records) {
      if (Array.isArray(record.sources) && record.sources.length === 0 && parsed.success) {
        warnings.push(`${record.path}: cites no source (allowed by the file's schema)`);
      } else {
        errors.push(...sourceErrors(record));
      }
      const due = dueDate(record, entry.reviewAfterDays);
      if (due === undefined) {
        errors.push(`${record.path}: no valid as_of or review_by date to review it by`);
      } else if (now.getTime() >= Date.parse(`${due}T00:00:00Z`)) {
        stale.push({
          file: entry.file,
          id: record.id,
          as_of: record.asOf ?? "",
          ...(record.reviewedOn !== undefined ? { reviewed_on: record.reviewedOn } : {}),
          review_by: due,
        });
      }
    }

    reports.push({
      file: entry.file,
      ok: errors.length === 0,
      errors,
      warnings,
      records: records.length,
    });
  }
  return { files: reports, stale, records: reports.reduce((n, r) => n + r.records, 0) };
}

interface FoundRecord {
  path: string;
  id: string;
  sources: unknown;
  asOf: string | undefined;
  reviewedOn: string | undefined;
  reviewBy: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(file)";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

function stringField(obj: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = obj[key];
    if (typeof v === "string") return v;
  }
  return undefined;
}

/** Depth-first walk collecting every object that has `sources`, with inherited dates. */
function findRecords(data: unknown, fileAsOf: string | undefined): FoundRecord[] {
  const found: FoundRecord[] = [];
  const walk = (
    value: unknown,
    path: PropertyKey[],
    inheritedAsOf: string | undefined,
    inheritedReview: string | undefined,
  ): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, [...path, i], inheritedAsOf, inheritedReview);
      });
      return;
    }
    if (!isRecord(value)) return;
    let asOf = inheritedAsOf;
    let reviewedOn = inheritedReview;
    if ("sources" in value) {
      asOf = stringField(value, "as_of", "asOf") ?? inheritedAsOf;
      reviewedOn = reviewDate(value) ?? inheritedReview;
      found.push({
        path: formatPath(path),
        id: stringField(value, "id", "code") ?? formatPath(path),
        sources: value.sources,
        asOf,
        reviewedOn,
        reviewBy: stringField(value, "review_by", "reviewBy"),
      });
    }
    for (const [key, child] of Object.entries(value)) {
      if (key !== "sources" && key !== "reviewed") walk(child, [...path, key], asOf, reviewedOn);
    }
  };
  walk(data, [], fileAsOf, undefined);
  return found;
}

function sourceErrors(record: FoundRecord): string[] {
  if (!Array.isArray(record.sources) || record.sources.length === 0) {
    return [`${record.path}: sources must be a non-empty list`];
  }
  const errors: string[] = [];
  record.sources.forEach((source, i) => {
    const result = citationSchema.safeParse(source);
    if (!result.success) {
      const messages = result.error.issues.map((issue) => issue.message).join("; ");
      errors.push(`${record.path}.sources[${i}]: ${messages}`);
    }
  });
  return errors;
}

function isValidDate(s: string | undefined): s is string {
  return s !== undefined && ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

/** `reviewed.on` of a record (see citation.schema.ts), when it has one. */
function reviewDate(value: Record<string, unknown>): string | undefined {
  const reviewed = value.reviewed;
  return isRecord(reviewed) && typeof reviewed.on === "string" ? reviewed.on : undefined;
}

/**
 * When a record falls due. Staleness counts from the last review (a person compared the record
 * with its source), not from the source's date: a 2019 statute checked last week is not stale.
 * Only a record never reviewed falls back to its `as_of`.
 */
function dueDate(record: FoundRecord, reviewAfterDays: number): string | undefined {
  if (isValidDate(record.reviewBy)) return record.reviewBy;
  const base = isValidDate(record.reviewedOn) ? record.reviewedOn : record.asOf;
  if (!isValidDate(base)) return undefined;
  const due = Date.parse(`${base}T00:00:00Z`) + reviewAfterDays * DAY_MS;
  return new Date(due).toISOString().slice(0, 10);
}
