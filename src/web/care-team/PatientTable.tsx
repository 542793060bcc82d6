import { Link } from "react-router-dom";
import type { TriageSort } from "../../core/triage/table-page.ts";
import { CheckInAlerts } from "./CheckInAlerts.tsx";
import { timeAgo } from "./relative-time.ts";
import { Sparkline } from "./Sparkline.tsx";
import type { TableParams } from "./table-params.ts";
import type { TriageRow } from "./types.ts";

export const LEVEL_LABELS: Record<TriageRow["level"], string> = {
  urgent: "Urgent",
  high: "Needs review",
  watch: "Watch",
  ok: "Stable",
};

/** Reasons the alert list names one by one (with time and "Mark as seen"). */
const LISTED_AS_ALERTS = new Set(["red-flag", "reported-sign"]);

/** "Day's highest 38% of scale (last 24 h)": the newest window with a score, said as what it is. */
function latestScore(sparkline: (number | null)[]): string {
  for (let i = sparkline.length - 1; i >= 0; i--) {
    const value = sparkline[i];
    if (value === null || value === undefined) continue;
    const daysAgo = sparkline.length - 1 - i;
    const window =
      daysAgo === 0 ? "last 24 h" : daysAgo === 1 ? "24-48 h ago" : `${daysAgo} days ago`;
    return `Day's highest: ${value}% of scale (${window})`;
  }
  return `No scores in ${sparkline.length} days`;
}

function planText(row: TriageRow): string {
  if (row.dosesOverPlan === null) return "Doses not shared";
  if (row.dosesOverPlan === 0) return row.onPlan ? "None over plan" : "No plan";
  return `${row.dosesOverPlan} dose${row.dosesOverPlan === 1 ? "" : "s"} over plan`;
}

function PatientRow({
  row,
  now,
  myId,
  onSeen,
}: {
  row: TriageRow;
  now: Date;
  myId: string;
  onSeen: (message: string) => Promise<void>;
}) {
  const name = row.patient.displayName ?? row.patient.email;
  const reasons = row.reasons.filter((r) => !(row.alerts && LISTED_AS_ALERTS.has(r.kind)));
  const alerts = row.alerts ?? [];
  return (
    <tr className={`triage-row triage-${row.level}`}>
      <th scope="row" className="cell-patient">
        <Link to={`/patients/${row.patient.id}`} className="triage-name">
          {name}
        </Link>
      </th>
      <td data-label="Urgency" className="cell-level">
        <span className={`level-badge level-${row.level}`}>{LEVEL_LABELS[row.level]}</span>
      </td>
      <td data-label="Reasons" className="cell-reasons">
        {alerts.length > 0 && (
          <CheckInAlerts
            alerts={alerts}
            patientId={row.patient.id}
            timeZone={row.patient.timeZone}
            now={now}
            myId={myId}
            onSeen={onSeen}
          />
        )}
        {reasons.length > 0 ? (
          <ul className="triage-reasons">
            {reasons.map((r) => (
              <li key={r.text}>{r.text}</li>
            ))}
          </ul>
        ) : (
          alerts.length === 0 && <span className="muted">Nothing needs attention</span>
        )}
      </td>
      <td data-label="Scores" className="cell-scores">
        {row.sparkline ? (
          <span className="triage-spark">
            <Sparkline values={row.sparkline} />
            <span className="small muted">{latestScore(row.sparkline)}</span>
          </span>
        ) : (
          <span className="small muted">Scores not shared</span>
        )}
      </td>
      <td data-label="Last entry" className="cell-last">
        {row.lastEntryAt ? (
          <time dateTime={row.lastEntryAt}>{timeAgo(row.lastEntryAt, now)}</time>
        ) : (
          timeAgo(null, now)
        )}
      </td>
      <td data-label="Plan (72 h)" className="cell-plan">
        {planText(row)}
      </td>
    </tr>
  );
}

function SortHeader({
  label,
  sort,
  params,
  onSort,
  className,
}: {
  label: string;
  sort: TriageSort;
  params: TableParams;
  onSort: (sort: TriageSort) => void;
  className: string;
}) {
  const active = params.sort === sort;
  const direction = params.dir === "asc" ? "ascending" : "descending";
  return (
    <th scope="col" className={className} aria-sort={active ? direction : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(sort)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (params.dir === "asc" ? " ▲" : " ▼") : " ↕"}
        </span>
      </button>
    </th>
  );
}

/**
 * The clinician's patients as a table: one row per person, sortable by the headers that have a
 * button. On a phone each row becomes a card of labelled cells.
 */
export function PatientTable({
  rows,
  params,
  now,
  myId,
  busy,
  onSort,
  onSeen,
}: {
  rows: readonly TriageRow[];
  params: TableParams;
  now: Date;
  myId: string;
  busy: boolean;
  onSort: (sort: TriageSort) => void;
  onSeen: (message: string) => Promise<void>;
}) {
  return (
    <table className="patient-table" aria-busy={busy || undefined}>
      <caption className="visually-hidden">
        Patients; the column headers with a button sort the table
      </caption>
      <thead>
        <tr>
          <SortHeader
            label="Patient"
            sort="name"
            params={params}
            onSort={onSort}
            className="cell-patient"
          />
          <SortHeader
            label="Urgency"
            sort="urgency"
            params={params}
            onSort={onSort}
            className="cell-level"
          />
          <th scope="col" className="cell-reasons">
            Reasons
          </th>
          <th scope="col" className="cell-scores">
            Scores
          </th>
          <SortHeader
            label="Last entry"
            sort="last-entry"
            params={params}
            onSort={onSort}
            className="cell-last"
          />
          <SortHeader
            label="Plan (72 h)"
            sort="plan"
            params={params}
            onSort={onSort}
            className="cell-plan"
          />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <PatientRow key={row.linkId} row={row} now={now} myId={myId} onSeen={onSeen} />
        ))}
      </tbody>
    </table>
  );
}
