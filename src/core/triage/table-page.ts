import type { RankedRow, TriageLevel } from "./ranking.ts";
import { DAY_MS } from "./windows.ts";

/**
 * One page of the clinician's patient table: search by name, a level or "no check-in for N days"
 * filter, a sort column and direction, and a page, over rows already ranked worst first. Every
 * sort keeps the ranked order among equals, so the most urgent of a tie comes first.
 */

export const TRIAGE_SORTS = ["urgency", "name", "last-entry", "plan"] as const;
export type TriageSort = (typeof TRIAGE_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** A level, or `attention`: every level but `ok`. */
export const TRIAGE_LEVEL_FILTERS = ["urgent", "high", "watch", "ok", "attention"] as const;
export type TriageLevelFilter = (typeof TRIAGE_LEVEL_FILTERS)[number];

export const TRIAGE_PAGE_SIZE = 50;
export const TRIAGE_MAX_PAGE_SIZE = 200;

/**
 * Each sort's own first direction: urgency and plan worst first, name A to Z, last entry newest
 * first.
 */
export const DEFAULT_DIRECTION: Record<TriageSort, SortDirection> = {
  urgency: "desc",
  name: "asc",
  "last-entry": "desc",
  plan: "desc",
};

export interface TriageTableQuery {
  /** Part of the name or e-mail address, any case. */
  q?: string;
  level?: TriageLevelFilter;
  /** Only people sharing check-ins with none in this many days (days since the link only). */
  quietDays?: number;
  sort?: TriageSort;
  dir?: SortDirection;
  /** From 1; past the last page means the last page. */
  page?: number;
  pageSize?: number;
}

export type TableRow = RankedRow & { level: TriageLevel; linkedAt: string };

export interface TriageTablePage<T> {
  rows: T[];
  /** Rows that passed the search and filters, on every page. */
  matched: number;
  page: number;
  pageSize: number;
  /** Every row by level, before search and filters (the presets' counts). */
  levels: Record<TriageLevel, number>;
}

const nameOf = (r: TableRow) => r.patient.displayName ?? r.patient.email;

/** Whether the person shares check-ins and has sent none in `days` days since the link began. */
export function quietFor(row: TableRow, days: number, now: Date): boolean {
  if (row.missedCheckIns === null) return false;
  const heard = row.lastCheckInAt && row.lastCheckInAt > row.linkedAt ? row.lastCheckInAt : null;
  const since = Date.parse(heard ?? row.linkedAt);
  return now.getTime() - since >= days * DAY_MS;
}

function matches(row: TableRow, query: TriageTableQuery, now: Date): boolean {
  const q = query.q?.trim().toLowerCase();
  if (q) {
    const name = (row.patient.displayName ?? "").toLowerCase();
    if (!name.includes(q) && !row.patient.email.toLowerCase().includes(q)) return false;
  }
  if (query.level === "attention" ? row.level === "ok" : query.level && row.level !== query.level) {
    return false;
  }
  return query.quietDays === undefined || quietFor(row, query.quietDays, now);
}

/** Compares two rows ascending by a sort column (urgency ascending is least urgent first). */
function ascending(sort: TriageSort, rank: Map<TableRow, number>) {
  switch (sort) {
    case "urgency":
      return (a: TableRow, b: TableRow) => (rank.get(b) ?? 0) - (rank.get(a) ?? 0);
    case "name":
      return (a: TableRow, b: TableRow) => nameOf(a).localeCompare(nameOf(b));
    case "last-entry":
      return (a: TableRow, b: TableRow) => {
        const x = a.lastEntryAt ?? "";
        const y = b.lastEntryAt ?? "";
        return x === y ? 0 : x < y ? -1 : 1;
      };
    case "plan":
      return (a: TableRow, b: TableRow) => (a.dosesOverPlan ?? -1) - (b.dosesOverPlan ?? -1);
  }
}

/** The page `query` asks for of `ranked` (rows worst first, as `rankTriageRows` returns them). */
export function triageTablePage<T extends TableRow>(
  ranked: readonly T[],
  query: TriageTableQuery,
  now: Date,
): TriageTablePage<T> {
  const levels: Record<TriageLevel, number> = { urgent: 0, high: 0, watch: 0, ok: 0 };
  for (const row of ranked) levels[row.level]++;

  const sort = query.sort ?? "urgency";
  const dir = query.dir ?? DEFAULT_DIRECTION[sort];
  const rank = new Map<TableRow, number>(ranked.map((row, i) => [row, i]));
  const compare = ascending(sort, rank);
  const sign = dir === "asc" ? 1 : -1;
  const found = ranked
    .filter((row) => matches(row, query, now))
    .sort((a, b) => sign * compare(a, b) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0));

  const pageSize = Math.min(query.pageSize ?? TRIAGE_PAGE_SIZE, TRIAGE_MAX_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(found.length / pageSize));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  return {
    rows: found.slice((page - 1) * pageSize, page * pageSize),
    matched: found.length,
    page,
    pageSize,
    levels,
  };
}
