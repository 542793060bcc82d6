import { useMemo, useState } from "react";
import { formatTime } from "../components/format-time.ts";
import { SEVERITY_LABEL } from "../components/severity-label.ts";
import {
  byDay,
  type Entry,
  entriesOf,
  isWarning,
  matchesFilter,
  TIMELINE_FILTERS,
  type TimelineFilter,
} from "./timeline-entries.ts";
import type { Timeline } from "./types.ts";

const FILTER_LABELS: Record<TimelineFilter, string> = {
  all: "All",
  doses: "Doses",
  "check-ins": "Check-ins",
  warnings: "Warnings",
  notes: "Notes",
};

const KIND_LABELS: Record<Entry["kind"], string> = {
  dose: "Dose",
  assessment: "Check-in",
  note: "Note",
};

/** "Wednesday, December 2": a calendar day (YYYY-MM-DD) as a heading. */
const dayHeading = (day: string) =>
  new Intl.DateTimeFormat(undefined, {
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
  }).format(new Date(`${day}T12:00:00Z`));

function EntryText({ e }: { e: Entry }) {
  return (
    <div>
      {e.text}
      {e.kind === "assessment" && e.flagged && (
        <span className={`severity-chip ${e.redFlag ? "severity-urgent" : "severity-caution"}`}>
          {e.redFlag ? "Red flag" : "Reported"}: {e.flagged}
        </span>
      )}
      {e.kind === "assessment" && e.byClinician && (
        <span className="small muted"> (clinician)</span>
      )}
      {e.kind === "note" && <span className="small muted"> ({e.author})</span>}
      {e.kind === "dose" && e.notes && <span className="small muted"> "{e.notes}"</span>}
      {e.kind === "dose" && <DoseWarnings warnings={e.warnings} />}
    </div>
  );
}

/**
 * A dose's warnings folded into the dose: how bad the worst is and how many, opened with a tap to
 * their titles, worst first.
 */
function DoseWarnings({ warnings }: { warnings: Extract<Entry, { kind: "dose" }>["warnings"] }) {
  const worst = warnings[0];
  if (!worst) return null;
  return (
    <details className="timeline-warnings">
      <summary className="timeline-warnings-summary">
        <span className={`severity-chip severity-${worst.severity}`}>
          {SEVERITY_LABEL[worst.severity]}
        </span>{" "}
        {warnings.length === 1 ? worst.title : `${worst.title} and ${warnings.length - 1} more`}
      </summary>
      <ul>
        {warnings.map((w) => (
          <li key={w.code}>
            <strong>{SEVERITY_LABEL[w.severity]}:</strong> {w.title}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The patient's doses, check-ins and notes of the range, newest first, under a heading per day
 * (the patient's calendar), narrowed to one kind or to those with a warning.
 */
export function PatientTimeline({ timeline }: { timeline: Timeline }) {
  const tz = timeline.patient.timeZone;
  const [filter, setFilter] = useState<TimelineFilter>("all");
  const entries = useMemo(() => entriesOf(timeline), [timeline]);
  const counts = useMemo(
    () =>
      Object.fromEntries(
        TIMELINE_FILTERS.map((f) => [f, entries.filter((e) => matchesFilter(e, f)).length]),
      ) as Record<TimelineFilter, number>,
    [entries],
  );
  const days = byDay(
    entries.filter((e) => matchesFilter(e, filter)),
    tz,
  );

  return (
    <section className="card patient-timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing shared in the last 30 days.</p>
      ) : (
        <>
          <fieldset className="timeline-filter">
            <legend>Show</legend>
            {TIMELINE_FILTERS.map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name="timeline-filter"
                  value={f}
                  checked={filter === f}
                  onChange={() => setFilter(f)}
                />
                {FILTER_LABELS[f]} ({counts[f]})
              </label>
            ))}
          </fieldset>
          {days.length === 0 ? (
            <p className="muted">Nothing of this kind in the last 30 days.</p>
          ) : (
            days.map(({ day, entries: dayEntries }) => (
              <section key={day} className="timeline-day" aria-labelledby={`day-${day}`}>
                <h3 id={`day-${day}`}>{dayHeading(day)}</h3>
                <ol className="timeline">
                  {dayEntries.map((e) => (
                    <li
                      key={`${e.kind}-${e.id}`}
                      className={`timeline-item timeline-${e.kind}${isWarning(e) ? " timeline-warned" : ""}`}
                    >
                      <span className="small muted">
                        <time dateTime={e.at}>{formatTime(e.at, tz)}</time>
                      </span>
                      <span className="timeline-kind">{KIND_LABELS[e.kind]}</span>
                      <EntryText e={e} />
                    </li>
                  ))}
                </ol>
              </section>
            ))
          )}
        </>
      )}
    </section>
  );
}
