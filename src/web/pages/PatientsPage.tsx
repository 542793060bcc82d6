import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { ApiFailure, api } from "../api.ts";
import { timeAgo } from "../care-team/relative-time.ts";
import { Sparkline } from "../care-team/Sparkline.tsx";
import type { CareLink, Dashboard, TriageRow } from "../care-team/types.ts";
import { TextField } from "../components/TextField.tsx";

const LEVEL_LABELS: Record<TriageRow["level"], string> = {
  urgent: "Urgent",
  high: "Needs review",
  watch: "Watch",
  ok: "Stable",
};

function PatientRow({ row, now }: { row: TriageRow; now: Date }) {
  const name = row.patient.displayName ?? row.patient.email;
  const latest = row.sparkline?.filter((v): v is number => v !== null).at(-1);
  return (
    <li className={`triage-row triage-${row.level}`}>
      <div className="triage-head">
        <Link to={`/patients/${row.patient.id}`} className="triage-name">
          {name}
        </Link>
        <span className={`level-badge level-${row.level}`}>{LEVEL_LABELS[row.level]}</span>
      </div>
      {row.reasons.length > 0 ? (
        <ul className="triage-reasons">
          {row.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        <p className="small muted">Nothing needs attention.</p>
      )}
      <div className="triage-foot">
        {row.sparkline ? (
          <span className="triage-spark">
            <Sparkline values={row.sparkline} />
            <span className="small muted">
              {latest === undefined ? "no scores in 14 days" : `latest ${latest}% of scale`}
            </span>
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
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [code, setCode] = useState("");
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [loadFailure, setLoadFailure] = useState<ApiFailure | null>(null);
  const [joined, setJoined] = useState("");
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setDashboard(await api<Dashboard>("GET", "/api/clinician/patients"));
      setLoadFailure(null);
    } catch (error) {
      setLoadFailure(
        error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error)),
      );
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setJoined("");
    setBusy(true);
    try {
      const { link } = await api<{ link: CareLink }>("POST", "/api/care/join", { code });
      setJoined(`You now follow ${link.person.displayName ?? link.person.email}.`);
      setCode("");
      await load();
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error)));
    } finally {
      setBusy(false);
    }
  }

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
                <PatientRow key={row.linkId} row={row} now={now} />
              ))}
            </ol>
            <p className="footnote">
              Sparklines: highest withdrawal score per day over {dashboard.windows.sparklineDays}{" "}
              days (% of the scale). Red flags, and reported signs a Mitra rule warns about (such as
              pale stools on the side-effects checklist), count for {dashboard.windows.redFlagDays}{" "}
              days until you write a note after them; plan and combination warnings cover the last{" "}
              {dashboard.windows.doseSignalHours} hours.
            </p>
          </>
        )}
      </section>
    </div>
  );
}
