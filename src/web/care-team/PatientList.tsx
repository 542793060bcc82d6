import { keepPreviousData } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { ChoiceField } from "../components/ChoiceField.tsx";
import { TextField } from "../components/TextField.tsx";
import { LEVEL_LABELS, PatientTable } from "./PatientTable.tsx";
import { SavedViews } from "./SavedViews.tsx";
import {
  apiQuery,
  changeParams,
  readTableParams,
  sortBy,
  type TableParams,
  tableSearch,
} from "./table-params.ts";

const SEARCH_DELAY_MS = 250;

const LEVEL_OPTIONS = [
  { value: "", label: "Any" },
  { value: "attention", label: "Needs attention (not stable)" },
  ...Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label })),
];

const QUIET_OPTIONS = [
  { value: "", label: "Any" },
  ...[1, 2, 3, 7, 14].map((d) => ({ value: String(d), label: `None for ${d}+ days` })),
];

const count = (n: number) => n.toLocaleString("en-US");

/**
 * The triage table with its search, filters, saved filters and pages, all held in the page's
 * address; the server searches, sorts and pages (GET /api/clinician/patients).
 */
export function PatientList({
  myId,
  onSeen,
}: {
  myId: string;
  onSeen: (message: string) => Promise<void>;
}) {
  const [search, setSearch] = useSearchParams();
  const params = readTableParams(search);
  const go = (next: TableParams, replace = false) =>
    setSearch(new URLSearchParams(tableSearch(next)), { replace });

  // The search box answers at once; the address (and the server) follow after a pause.
  const [text, setText] = useState(params.q);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => setText(params.q), [params.q]);
  useEffect(() => () => clearTimeout(timer.current), []);
  function typeSearch(value: string) {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setSearch(
        (now) => {
          const before = readTableParams(now);
          const next =
            before.q.trim() === value.trim() ? before : changeParams(before, { q: value });
          return new URLSearchParams(tableSearch(next));
        },
        { replace: true },
      );
    }, SEARCH_DELAY_MS);
  }

  const triage = useRouteQuery(
    contract.getTriageDashboard,
    { query: apiQuery(params) },
    { placeholderData: keepPreviousData },
  );
  const dashboard = triage.data ?? null;
  const now = dashboard ? new Date(dashboard.generatedAt) : new Date();
  const pages = dashboard ? Math.max(1, Math.ceil(dashboard.matched / dashboard.pageSize)) : 1;
  const first = dashboard ? (dashboard.page - 1) * dashboard.pageSize + 1 : 0;
  const last = dashboard ? first + dashboard.patients.length - 1 : 0;
  const pageLink = (page: number) => `/patients${tableSearch({ ...params, page })}`;

  if (dashboard?.total === 0) {
    return (
      <p className="muted card">
        No patient has shared their data with you yet. Ask them to create an invitation code on
        their Share page.
      </p>
    );
  }
  return (
    <>
      <SavedViews params={params} levels={dashboard?.levels ?? null} userId={myId} />
      <search className="table-filters">
        <TextField
          label="Search by name or e-mail"
          type="search"
          value={text}
          onValue={typeSearch}
          autoComplete="off"
          spellCheck={false}
        />
        <ChoiceField
          label="Urgency"
          value={params.level ?? ""}
          options={LEVEL_OPTIONS}
          onChange={(e) =>
            go(changeParams(params, { level: readTableParams(levelSearch(e.target.value)).level }))
          }
        />
        <ChoiceField
          label="Check-ins"
          value={params.quiet ? String(params.quiet) : ""}
          options={QUIET_OPTIONS}
          onChange={(e) => go(changeParams(params, { quiet: Number(e.target.value) || undefined }))}
        />
      </search>
      <div role="alert">{triage.error && <p className="form-error">{triage.error.message}</p>}</div>
      <p role="status" aria-live="polite" className="table-count" data-testid="table-count">
        {dashboard === null
          ? triage.error
            ? ""
            : "Loading…"
          : dashboard.matched === 0
            ? `No patient matches, of ${count(dashboard.total)}.`
            : `${count(first)}-${count(last)} of ${count(dashboard.matched)} ` +
              (dashboard.matched === dashboard.total
                ? `patient${dashboard.total === 1 ? "" : "s"}`
                : `matching, of ${count(dashboard.total)} patients`) +
              (pages > 1 ? `, page ${dashboard.page} of ${pages}` : "") +
              "."}
      </p>
      {dashboard && dashboard.patients.length > 0 && (
        <PatientTable
          rows={dashboard.patients}
          params={params}
          now={now}
          myId={myId}
          busy={triage.isFetching}
          onSort={(sort) => go(sortBy(params, sort))}
          onSeen={onSeen}
        />
      )}
      {dashboard && pages > 1 && (
        <nav className="pager" aria-label="Pages of patients">
          {dashboard.page > 1 ? (
            <Link to={pageLink(dashboard.page - 1)} rel="prev" onClick={toTableTop}>
              Previous page
            </Link>
          ) : (
            <span aria-hidden="true" />
          )}
          <span className="small muted">
            Page {dashboard.page} of {pages}
          </span>
          {dashboard.page < pages ? (
            <Link to={pageLink(dashboard.page + 1)} rel="next" onClick={toTableTop}>
              Next page
            </Link>
          ) : (
            <span aria-hidden="true" />
          )}
        </nav>
      )}
      {dashboard && (
        <p className="footnote">
          Urgency: Urgent is an open red flag; Needs review a risky combination, a rising score, a
          dose over plan or a serious reported sign; Watch a missed check-in or a milder sign.
          Scores: the highest withdrawal score of each day (24-hour windows ending now) over{" "}
          {dashboard.windows.sparklineDays} days, as % of its scale. Red flags, and reported signs a
          Mitra rule warns about (such as pale stools on the side-effects checklist), count for{" "}
          {dashboard.windows.redFlagDays} days until you mark them as seen or anyone writes a note
          after them; times are in each patient's own time zone. Plan: doses over the plan, and
          combination warnings, in the last {dashboard.windows.doseSignalHours} hours. Missed
          check-ins, and "no check-in" filters, count only days since the patient shared their data
          with you.
        </p>
      )}
    </>
  );
}

/** A new page starts at the count above the table (focus stays on the link pressed). */
const toTableTop = () =>
  document.querySelector("[data-testid=table-count]")?.scrollIntoView({ block: "start" });

const levelSearch = (value: string) => new URLSearchParams(value ? { level: value } : {});
