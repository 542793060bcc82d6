import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import type { InstrumentDefinition } from "../../core/assessment/index.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import { useRouteQuery } from "../api-client.ts";
import { DosePoolField } from "../assessments/DosePoolField.tsx";
import {
  doseOverlay,
  loadProgressDoses,
  type ProgressDoses,
} from "../assessments/progress-doses.ts";
import { ScoreChart } from "../assessments/ScoreChart.tsx";
import { SideEffectsTimeline } from "../assessments/SideEffectsTimeline.tsx";
import { TrendSummary } from "../assessments/TrendSummary.tsx";
import type { AssessmentView, InstrumentsResponse, TrendsResponse } from "../assessments/types.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { formatDateTime } from "../components/format-time.ts";
import { ScrollRegion } from "../components/ScrollRegion.tsx";
import { useUser } from "../session/session-context.tsx";

interface ProgressData {
  instruments: InstrumentsResponse;
  assessments: AssessmentView[];
  trends: TrendsResponse;
  /** The doses since the first check-in; null when they could not be loaded. */
  doses: ProgressDoses | null;
}

/** How many quick checks and red-flag screens to list. */
const RECENT = 10;

/** Progress: each instrument's totals over time, with bands and the trend, in the person's zone. */
export function ProgressPage() {
  const user = useUser();
  const instruments = useRouteQuery(contract.listInstruments, undefined, {
    keptAs: "instruments",
    staleTime: Number.POSITIVE_INFINITY,
  });
  const list = useRouteQuery(contract.listAssessments, { query: { limit: 1000 } });
  const trends = useRouteQuery(contract.getAssessmentTrends);
  // Doses from the first check-in's day on, in the person's zone, to draw under the scores.
  const first = list.data?.assessments.at(-1);
  const sinceDay = first ? zonedDay(first.takenAt, user.timeZone) : null;
  const doses = useQuery({
    queryKey: ["dose log", "progress", sinceDay, user.timeZone],
    queryFn: () =>
      sinceDay === null
        ? null
        : loadProgressDoses(sinceDay, user.timeZone).catch((): ProgressDoses | null => null),
    enabled: list.isSuccess,
  });
  const failure = instruments.error ?? list.error ?? trends.error;
  const data: ProgressData | null =
    instruments.data && list.data && trends.data && doses.isSuccess
      ? {
          instruments: instruments.data,
          assessments: list.data.assessments,
          trends: trends.data,
          doses: doses.data,
        }
      : null;

  return (
    <div className="page progress-page">
      <header className="page-header">
        <h1>Progress</h1>
        <p className="muted">Times are shown in your time zone, {user.timeZone}.</p>
      </header>
      {failure && (
        <p className="form-error" role="alert">
          {failure.message}
        </p>
      )}
      {!data && !failure && <p className="loading">Loading…</p>}
      {data && <ProgressBody data={data} timeZone={user.timeZone} />}
    </div>
  );
}

function ProgressBody({ data, timeZone }: { data: ProgressData; timeZone: string }) {
  const { instruments, assessments, trends, doses } = data;
  const [chosenPool, setChosenPool] = useState<string | null>(null);
  if (assessments.length === 0) {
    return (
      <section className="card">
        <h2>No check-ins yet</h2>
        <p>Your scores appear here after your first check-in.</p>
        <Link className="button primary" to="/check-in">
          Start a check-in
        </Link>
      </section>
    );
  }
  const of = (id: string) => assessments.filter((a) => a.instrument === id);
  const scored = instruments.instruments.filter((i) => i.totalRange && of(i.id).length > 0);
  const quick = instruments.instruments.find((i) => i.id === "quick-check");
  const flags = instruments.instruments.find((i) => i.id === "red-flags");
  const sideEffects = instruments.instruments.find((i) => i.id === "side-effects");
  const { pool, overlay } = doses
    ? doseOverlay(doses, chosenPool)
    : { pool: null, overlay: undefined };
  return (
    <>
      {doses === null && (
        <p className="muted small" role="status">
          Your doses could not be loaded, so the charts show scores only.
        </p>
      )}
      {doses && (
        <DosePoolField doses={doses} pool={pool} onPick={setChosenPool} timeZone={timeZone} />
      )}
      {scored.map((instrument) => {
        const trend = trends.trends.find((t) => t.instrument === instrument.id);
        const points = of(instrument.id).flatMap((a) =>
          a.total === null ? [] : [{ id: a.id, takenAt: a.takenAt, total: a.total }],
        );
        return (
          <section
            key={instrument.id}
            className="card progress-card"
            aria-labelledby={`progress-${instrument.id}`}
          >
            <h2 id={`progress-${instrument.id}`}>{instrument.name}</h2>
            {instrument.recordedBy === "clinician" && (
              <p className="muted small">Rated by your clinician from signs they observe.</p>
            )}
            {trend && (
              <TrendSummary
                trend={trend}
                timeZone={timeZone}
                risingPercent={trends.definitions.risingPercentOfRange}
              />
            )}
            <ScoreChart
              instrument={instrument}
              points={points}
              timeZone={timeZone}
              {...(overlay ? { doses: overlay } : {})}
            />
            {instrument.bands.length === 0 && (
              <p className="muted small">
                {instrument.shortName} has no published severity bands, so none are drawn.
              </p>
            )}
          </section>
        );
      })}
      {quick && of(quick.id).length > 0 && (
        <QuickChecks instrument={quick} assessments={of(quick.id)} timeZone={timeZone} />
      )}
      {sideEffects && of(sideEffects.id).length > 0 && (
        <SideEffectsTimeline
          instrument={sideEffects}
          assessments={of(sideEffects.id)}
          timeZone={timeZone}
        />
      )}
      {flags && of(flags.id).length > 0 && (
        <RedFlagScreens instrument={flags} assessments={of(flags.id)} timeZone={timeZone} />
      )}
    </>
  );
}

/** One instrument's answers, newest first, in the person's zone. */
interface AnswersProps {
  instrument: InstrumentDefinition;
  assessments: AssessmentView[];
  timeZone: string;
}

function QuickChecks({ instrument, assessments, timeZone }: AnswersProps) {
  const recent = assessments.slice(0, RECENT);
  return (
    <section className="card progress-card" aria-labelledby="progress-quick-check">
      <h2 id="progress-quick-check">{instrument.name}</h2>
      <p className="muted small">Each answer on its own, newest first. Ratings are 0 to 10.</p>
      <ScrollRegion label={`${instrument.name}, table`}>
        <table className="quick-check-table">
          <caption className="visually-hidden">
            {instrument.name}: your last {recent.length} answers
          </caption>
          <ColumnHeads
            columns={["When", ...instrument.items.map((i) => ({ key: i.id, label: i.shortLabel }))]}
          />
          <tbody>
            {recent.map((a) => (
              <tr key={a.id}>
                <th scope="row">{formatDateTime(a.takenAt, timeZone)}</th>
                {instrument.items.map((item) => (
                  <td key={item.id}>{a.answers[item.id] ?? "–"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function RedFlagScreens({ instrument, assessments, timeZone }: AnswersProps) {
  const recent = assessments.slice(0, RECENT);
  const yesItems = (a: AssessmentView) =>
    instrument.items
      .filter((item) => item.kind === "choice" && a.answers[item.id] === item.redFlag?.whenValue)
      .map((item) => item.shortLabel);
  return (
    <section className="card progress-card" aria-labelledby="progress-red-flags">
      <h2 id="progress-red-flags">{instrument.name}</h2>
      <ul className="red-flag-history">
        {recent.map((a) => {
          const yes = yesItems(a);
          return (
            <li key={a.id} className={yes.length > 0 ? "flagged" : undefined}>
              <span>{formatDateTime(a.takenAt, timeZone)}</span>{" "}
              {yes.length > 0 ? (
                <strong>Danger signs: {yes.join(", ")}</strong>
              ) : (
                <span className="muted">No danger signs</span>
              )}
            </li>
          );
        })}
      </ul>
      {recent.some((a) => a.redFlag) && (
        <p>
          <Link to="/help">Get help now</Link> if any of these is still going on.
        </p>
      )}
    </section>
  );
}
