import { type FormEvent, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Link, useParams } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { routeUrl } from "../../api/path.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { DosePoolField } from "../assessments/DosePoolField.tsx";
import { InstrumentForm } from "../assessments/InstrumentForm.tsx";
import { patientDoses } from "../assessments/patient-doses.ts";
import { doseOverlay } from "../assessments/progress-doses.ts";
import { ScoreChart } from "../assessments/ScoreChart.tsx";
import { SideEffectsTimeline } from "../assessments/SideEffectsTimeline.tsx";
import type { RecordResponse } from "../assessments/types.ts";
import { useInstruments } from "../assessments/use-instruments.ts";
import { CheckInAlerts } from "../care-team/CheckInAlerts.tsx";
import { PatientTimeline } from "../care-team/PatientTimeline.tsx";
import { SCOPE_LABELS } from "../care-team/types.ts";
import { newClientId } from "../components/client-id.ts";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { ClinicianPlans } from "../plans/ClinicianPlans.tsx";
import { planTerms } from "../plans/PlanHistory.tsx";
import { useUser } from "../session/session-context.tsx";
import { useCatalog } from "../use-catalog.ts";

/** A consenting patient, for their clinician: charts, timeline, notes, COWS, plans, exports. */
export function PatientDetailPage() {
  const { id = "" } = useParams();
  const user = useUser();
  const instruments = useInstruments();
  const timelineQuery = useRouteQuery(contract.getPatientTimeline, { params: { id } });
  const timeline = timelineQuery.data ?? null;
  const failure = timelineQuery.error;
  const writeNote = useRouteMutation(contract.writePatientNote);
  const [note, setNote] = useState("");
  const [noteId, setNoteId] = useState(newClientId);
  const [noteFailure, setNoteFailure] = useState<ApiFailure | null>(null);
  const [cowsOpen, setCowsOpen] = useState(false);
  const [saved, setSaved] = useState("");
  const savedRef = useRef<HTMLParagraphElement>(null);
  const [chosenPool, setChosenPool] = useState<string | null>(null);
  const catalog = useCatalog();
  // Daily dose totals under the scores, once the catalog (for pools) is in or known missing.
  const doses = useMemo(
    () => (timeline && catalog !== undefined ? patientDoses(timeline, catalog) : null),
    [timeline, catalog],
  );

  async function addNote(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNoteFailure(null);
    try {
      // Saving refreshes the clinician's reads, this timeline among them.
      await writeNote.mutateAsync({ params: { id }, body: { id: noteId, body: note } });
      setNote("");
      setNoteId(newClientId());
      setSaved("Note saved.");
    } catch (error) {
      setNoteFailure(
        error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error)),
      );
    }
  }

  function cowsSaved(result: RecordResponse) {
    setCowsOpen(false);
    const a = result.assessment;
    // Saving refreshed the clinician's reads, this timeline among them.
    setSaved(`COWS saved: ${a.total}${a.band ? `, ${a.band.label}` : ""}.`);
  }

  if (failure) {
    return (
      <div className="page">
        <h1>Patient</h1>
        <p className="form-error" role="alert">
          {failure.status === 404
            ? "This patient was not found, or no longer shares their data with you."
            : failure.message}
        </p>
        <Link to="/patients">Back to patients</Link>
      </div>
    );
  }
  if (!timeline) return <p className="loading">Loading…</p>;

  const tz = timeline.patient.timeZone;
  const name = timeline.patient.displayName ?? timeline.patient.email;
  const scopes = timeline.access.scopes;
  const cows =
    instruments.state === "ready"
      ? instruments.value.instruments.find((i) => i.id === "cows")
      : undefined;
  const scored =
    instruments.state === "ready" ? instruments.value.instruments.filter((i) => i.totalRange) : [];
  const sideEffects =
    instruments.state === "ready"
      ? instruments.value.instruments.find((i) => i.id === "side-effects")
      : undefined;
  const sideEffectReports = (timeline.assessments ?? []).filter(
    (a) => a.instrument === sideEffects?.id,
  );
  const exportHref = (spec: { path: string }) => routeUrl(spec.path, { id });
  const { pool, overlay } = doses
    ? doseOverlay(doses, chosenPool)
    : { pool: null, overlay: undefined };

  return (
    <div className="page patient-detail-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/patients">Patients</Link>
        </p>
        <h1>{name}</h1>
        <p className="small muted">
          Shares: {scopes.map((s) => SCOPE_LABELS[s]).join(", ")}.{" "}
          {timeline.access.maySetPlans ? "You may set plans." : "You may not set plans."} Times in{" "}
          {tz}.
        </p>
      </header>
      <StatusMessage message={saved} focusRef={savedRef} />

      {timeline.alerts && (
        <section className="card" aria-labelledby="alerts-heading">
          <h2 id="alerts-heading">Red flags and reported signs, last 30 days</h2>
          {timeline.alerts.length === 0 ? (
            <p className="muted small">None.</p>
          ) : (
            <CheckInAlerts
              alerts={timeline.alerts}
              patientId={timeline.patient.id}
              timeZone={tz}
              now={new Date(timeline.to)}
              acknowledgements={timeline.acknowledgements ?? []}
              myId={user.id}
              onSeen={async (message) => {
                // Drawn at once, so the sentence exists to take focus the first time too.
                flushSync(() => setSaved(message));
                savedRef.current?.focus();
              }}
            />
          )}
        </section>
      )}

      {timeline.assessments && (
        <section className="card" aria-labelledby="scores-heading">
          <h2 id="scores-heading">Scores, last 30 days</h2>
          {timeline.doses ? (
            doses && (
              <DosePoolField doses={doses} pool={pool} onPick={setChosenPool} timeZone={tz} />
            )
          ) : (
            <p className="muted small" data-testid="doses-not-shared">
              {name} does not share doses and plans with you, so the charts show scores only.
            </p>
          )}
          {scored.map((instrument) => {
            const points = (timeline.assessments ?? [])
              .filter((a) => a.instrument === instrument.id && a.total !== null)
              .map((a) => ({ id: a.id, takenAt: a.takenAt, total: a.total ?? 0 }))
              .reverse();
            return points.length > 0 ? (
              <ScoreChart
                key={instrument.id}
                instrument={instrument}
                points={points}
                timeZone={tz}
                {...(overlay ? { doses: overlay } : {})}
                patientName={name}
              />
            ) : null;
          })}
          {cows &&
            (cowsOpen ? (
              <div className="cows-form">
                <h3>Record COWS</h3>
                <p className="small muted">{cows.instructions}</p>
                <InstrumentForm
                  instrument={cows}
                  jurisdiction={user.jurisdiction}
                  patientId={id}
                  onSaved={cowsSaved}
                />
                <button type="button" className="secondary" onClick={() => setCowsOpen(false)}>
                  Cancel
                </button>
              </div>
            ) : (
              <button type="button" className="primary" onClick={() => setCowsOpen(true)}>
                Record COWS
              </button>
            ))}
        </section>
      )}

      {sideEffects &&
        timeline.assessments &&
        (sideEffectReports.length > 0 ? (
          <SideEffectsTimeline
            instrument={sideEffects}
            assessments={sideEffectReports}
            timeZone={tz}
            patientName={name}
          />
        ) : (
          <section className="card" aria-labelledby="side-effects-heading">
            <h2 id="side-effects-heading">{sideEffects.name}</h2>
            <p className="muted small" data-testid="side-effects-none">
              No side-effects check-in from {name} in the last 30 days.
            </p>
          </section>
        ))}

      {timeline.access.maySetPlans ? (
        <div className="card">
          <ClinicianPlans
            patientId={timeline.patient.id}
            patientName={name}
            timeZone={tz}
            onChanged={() => void timelineQuery.refetch()}
          />
        </div>
      ) : (
        timeline.plans && (
          <section className="card" aria-labelledby="plans-heading">
            <h2 id="plans-heading">Plans</h2>
            {timeline.plans.length === 0 ? (
              <p className="muted">No plan in the last 30 days.</p>
            ) : (
              <ul className="plan-summaries">
                {timeline.plans.map((p) => (
                  <li key={p.id}>
                    <strong>
                      {p.current.definition.kind === "taper" ? "Taper" : "Titration"} ({p.status}),
                      version {p.current.version}
                    </strong>
                    <p className="small">{planTerms(p.current.definition).join("; ")}.</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      )}

      {scopes.includes("notes") && (
        <section className="card" aria-labelledby="note-heading">
          <h2 id="note-heading">Add a note</h2>
          <form onSubmit={addNote} noValidate>
            <div className="field">
              <label htmlFor="note-body">Note on {name}'s record</label>
              <textarea
                id="note-body"
                rows={3}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                aria-invalid={noteFailure ? true : undefined}
                aria-describedby={noteFailure ? "note-error" : undefined}
              />
              {noteFailure && (
                <p className="field-error" id="note-error" role="alert">
                  {noteFailure.fieldMessage("body") ?? noteFailure.message}
                </p>
              )}
            </div>
            <button type="submit" className="primary">
              Save note
            </button>
          </form>
        </section>
      )}

      <PatientTimeline timeline={timeline} />

      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Reports</h2>
        <div className="export-links">
          <a className="button" href={exportHref(contract.exportPatientPdf)} download>
            PDF summary
          </a>
          <a className="button" href={exportHref(contract.exportPatientFhir)} download>
            FHIR bundle
          </a>
          <a className="button" href={exportHref(contract.exportPatientCsv)} download>
            CSV
          </a>
        </div>
        <p className="small muted">Each download is recorded in the patient's access log.</p>
      </section>
    </div>
  );
}
