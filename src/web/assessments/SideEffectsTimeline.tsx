import { Link } from "react-router-dom";
import type { InstrumentDefinition } from "../../core/assessment/index.ts";
import { startOfZonedDay } from "../../core/zoned-time.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { formatDay } from "../components/format-time.ts";
import { ScrollRegion } from "../components/ScrollRegion.tsx";
import { sideEffectsByDay } from "./side-effects-by-day.ts";
import type { AssessmentView } from "./types.ts";

/** How many days with a side-effects check-in the timeline shows. */
const DAYS = 14;

/**
 * Side effects over time: one line per effect reported, one column per day with a check-in (in
 * the person's zone, `timeZone`), the worst answer that day. A checklist has no total, so there
 * is no score line to draw. On Progress the person reads it about themselves; on a clinician's
 * patient page (`patientName` given) it speaks of the patient and offers no check-in link.
 */
export function SideEffectsTimeline({
  instrument,
  assessments,
  timeZone,
  patientName,
}: {
  instrument: InstrumentDefinition;
  assessments: AssessmentView[];
  timeZone: string;
  /** The patient's name when a clinician is reading; absent on the person's own Progress. */
  patientName?: string;
}) {
  const { days, rows, notReported } = sideEffectsByDay(instrument, assessments, timeZone, DAYS);
  const dayLabel = (day: string) => formatDay(startOfZonedDay(day, timeZone), timeZone);
  const skin = rows.some((r) => r.itemId === "skin-darkening");
  return (
    <section
      className="card progress-card"
      aria-labelledby="progress-side-effects"
      data-testid="side-effects-timeline"
    >
      <h2 id="progress-side-effects">{instrument.name}</h2>
      <p className="muted small">
        Mitra’s checklist, not a scored scale: one line per effect{" "}
        {patientName === undefined ? "you" : patientName} reported and, for each day{" "}
        {patientName === undefined ? "you" : "they"} filled it in (up to the last {DAYS}), the worst
        answer that day.
      </p>
      {rows.length === 0 ? (
        <p>No side effects reported on these days.</p>
      ) : (
        <ScrollRegion label="Side effects, table">
          <table className="side-effects-table">
            <caption className="visually-hidden">
              Side effects reported, by day in{" "}
              {patientName === undefined ? "your" : `${patientName}’s`} time zone
            </caption>
            <ColumnHeads
              columns={[
                "Effect",
                ...days.map((day) => ({
                  key: day,
                  label: <time dateTime={day}>{dayLabel(day)}</time>,
                })),
              ]}
            />
            <tbody>
              {rows.map((row) => (
                <tr key={row.itemId}>
                  <th scope="row">{row.shortLabel}</th>
                  {row.cells.map((cell, i) => (
                    <td key={days[i]} className={`side-effect side-effect-${cell.level}`}>
                      {cell.level === "none" ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{cell.label}</span>
                        </>
                      ) : (
                        cell.label
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {rows.length > 0 && notReported.length > 0 && (
        <p className="muted small">Not reported on these days: {notReported.join(", ")}.</p>
      )}
      {skin && (
        <p className="small">
          {patientName === undefined
            ? "Skin darkening is a side effect to show your clinician; kratom does not treat it."
            : `${patientName} reported skin darkening; Mitra asked them to show it to their clinician.`}
        </p>
      )}
      {patientName === undefined && (
        <p>
          <Link to="/check-in/side-effects">Report side effects</Link>
        </p>
      )}
    </section>
  );
}
