import {
  DEFAULT_DIRECTION,
  type SortDirection,
  TRIAGE_LEVEL_FILTERS,
  TRIAGE_SORTS,
  type TriageLevelFilter,
  type TriageSort,
} from "../../core/triage/table-page.ts";

/**
 * The patient table's search, filters, order and page as the page's address holds them
 * (`/patients?level=urgent&sort=name&page=2`), so a view is a link and Back goes back.
 */
export interface TableParams {
  q: string;
  level: TriageLevelFilter | undefined;
  quiet: number | undefined;
  sort: TriageSort;
  dir: SortDirection;
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

function wholeNumber(value: string | null, max: number): number | undefined {
  const n = Number(value ?? "");
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

/** What the address asks for; anything it cannot read is left at its default. */
export function readTableParams(search: URLSearchParams): TableParams {
  const sort = oneOf(TRIAGE_SORTS, search.get("sort")) ?? "urgency";
  return {
    q: search.get("q") ?? "",
    level: oneOf(TRIAGE_LEVEL_FILTERS, search.get("level")),
    quiet: wholeNumber(search.get("quiet"), 30),
    sort,
    dir: oneOf(["asc", "desc"] as const, search.get("dir")) ?? DEFAULT_DIRECTION[sort],
    page: wholeNumber(search.get("page"), 100_000) ?? 1,
  };
}

/** The address for `params`, leaving out what is at its default. */
export function tableSearch(params: TableParams): string {
  const out = new URLSearchParams();
  if (params.q.trim()) out.set("q", params.q.trim());
  if (params.level) out.set("level", params.level);
  if (params.quiet) out.set("quiet", String(params.quiet));
  if (params.sort !== "urgency") out.set("sort", params.sort);
  if (params.dir !== DEFAULT_DIRECTION[params.sort]) out.set("dir", params.dir);
  if (params.page > 1) out.set("page", String(params.page));
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** `params` with a change; a new search, filter or order starts again at page 1. */
export function changeParams(params: TableParams, change: Partial<TableParams>): TableParams {
  return { ...params, page: 1, ...change };
}

/** A click on a column's header: that column in its own first direction, or the other way. */
export function sortBy(params: TableParams, sort: TriageSort): TableParams {
  const dir =
    params.sort === sort ? (params.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort];
  return changeParams(params, { sort, dir });
}

/** The API query for `params` (the route's defaults left out). */
export function apiQuery(params: TableParams) {
  return {
    ...(params.q.trim() ? { q: params.q.trim() } : {}),
    ...(params.level ? { level: params.level } : {}),
    ...(params.quiet ? { quiet: params.quiet } : {}),
    sort: params.sort,
    dir: params.dir,
    page: params.page,
  };
}
