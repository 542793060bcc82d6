import { type FormEvent, useCallback, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { CheckInAlerts } from "../care-team/CheckInAlerts.tsx";
import { timeAgo } from "../care-team/relative-time.ts";
import { Sparkline } from "../care-team/Sparkline.tsx";
import type { TriageRow } from "../care-team/types.ts";
import { TextField } from "../components/TextField.tsx";
import { useUser } from "../session/session-context.tsx";

const LEVEL_LABELS: Record<TriageRow["level"], string> = {
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
    <li className={`triage-row triage-${row.level}`}>
      <div className="triage-head">
        <Link to={`/patients/${row.patient.id}`} className="triage-name">
          {name}
        </Link>
        <span className={`level-badge level-${row.level}`}>{LEVEL_LABELS[row.level]}</span>
      </div>
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
        alerts.length === 0 && <p className="small muted">Nothing needs attention.</p>
      )}
      <div className="triage-foot">
        {row.sparkline ? (
          <span className="triage-spark">
            <Sparkline values={row.sparkline} />
            <span className="small muted">{latestScore(row.sparkline)}</span>
          </span>
        ) : (
          <span className="small muted">Scores not shared</span>
        )}
        <span className="small muted">Last entry {timeAgo(row.lastEntryAt, now)}</span>
      </div>
    </li>
  );
}

/** The clinician's patients: join with a code, then the triage list, worst first. */
export function PatientsPage() {
  const triage = useRouteQuery(contract.getTriageDashboard);
  const dashboard = triage.data ?? null;
  const loadFailure = triage.error;
  // Joining refreshes the clinician's reads, the dashboard among them.
  const joinTeam = useRouteMutation(contract.joinCareTeam, ["clinician"]);
  const [code, setCode] = useState("");
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [joined, setJoined] = useState("");
  const [busy, setBusy] = useState(false);
  const [seenMessage, setSeenMessage] = useState("");
  const seenRef = useRef<HTMLParagraphElement>(null);
  const user = useUser();

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setJoined("");
    setBusy(true);
    try {
      const { link } = await joinTeam.mutateAsync({ body: { code } });
      setJoined(`You now follow ${link.person.displayName ?? link.person.email}.`);
      setCode("");
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error)));
    } finally {
      setBusy(false);
    }
  }

  /**
   * After a "Mark as seen" (which refreshed the dashboard): the fresh order, and focus on the
   * sentence that says what happened.
   */
  const seen = useCallback(async (message: string) => {
    // Drawn at once, so the sentence exists to take focus the first time too.
    flushSync(() => setSeenMessage(message));
    seenRef.current?.focus();
  }, []);

  const now = dashboard ? new Date(dashboard.generatedAt) : new Date();
  return (
    <div className="page patients-page">
      <header className="page-header">
        <h1>Patients</h1>
        <p className="lead">People who shared their data with you, most urgent first.</p>
      </header>

      <section className="card" aria-labelledby="join-heading">
        <h2 id="join-heading">Add a patient</h2>
        <form onSubmit={join} noValidate className="join-form">
          <TextField
            label="Invitation code"
            hint="The 8-character code your patient created in Mitra, like 7KQM-3XVD."
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            error={
              failure?.fieldMessage("code") ??
              (failure && !failure.fields.length ? failure.message : undefined)
            }
          />
          <button type="submit" className="primary" disabled={busy || code.trim() === ""}>
            {busy ? "Joining…" : "Join"}
          </button>
        </form>
        <div role="status" aria-live="polite">
          {joined && <p className="success">{joined}</p>}
        </div>
        <div role="alert">{failure && <p className="visually-hidden">{failure.message}</p>}</div>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Triage</h2>
        <div role="alert">{loadFailure && <p className="form-error">{loadFailure.message}</p>}</div>
        <div role="status" aria-live="polite">
          {seenMessage && (
            <p className="success" tabIndex={-1} ref={seenRef}>
              {seenMessage}
            </p>
          )}
        </div>
        {dashboard === null ? (
          !loadFailure && <p className="loading">Loading…</p>
        ) : dashboard.patients.length === 0 ? (
          <p className="muted card">
            No patient has shared their data with you yet. Ask them to create an invitation code on
            their Share page.
          </p>
        ) : (
          <>
            <ol className="triage-list">
              {dashboard.patients.map((row) => (
                <PatientRow key={row.linkId} row={row} now={now} myId={user.id} onSeen={seen} />
              ))}
            </ol>
            <p className="footnote">
              Sparklines: the highest withdrawal score of each day (24-hour windows ending now) over{" "}
              {dashboard.windows.sparklineDays} days, as % of its scale. Red flags, and reported
              signs a Mitra rule warns about (such as pale stools on the side-effects checklist),
              count for {dashboard.windows.redFlagDays} days until you mark them as seen or anyone
              writes a note after them; times are in each patient's own time zone. Plan and
              combination warnings cover the last {dashboard.windows.doseSignalHours} hours. Missed
              check-ins count only days since the patient shared their data with you.
            </p>
          </>
        )}
      </section>
    </div>
  );
}
