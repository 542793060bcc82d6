import { useEffect, useRef } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { type InstrumentDefinition, scoreAssessment } from "../../core/assessment/index.ts";
import {
  compareWithOwnTotals,
  describeOwnComparison,
} from "../../core/assessment/own-comparison.ts";
import { useRouteQuery } from "../api-client.ts";
import { WarningList } from "../components/WarningList.tsx";
import { CrisisLines } from "./CrisisLines.tsx";
import type { RecordResponse } from "./types.ts";

/** What a saved check-in came to: the total and band, the answers, and any warnings. */
export function CheckInResult({
  instrument,
  result,
  jurisdiction,
  onAnother,
}: {
  instrument: InstrumentDefinition;
  result: RecordResponse;
  jurisdiction: string | null;
  onAnother(): void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "start" });
  }, []);

  const { assessment, warnings } = result;
  const urgent = warnings.some((w) => w.severity === "urgent");
  const itemScores = scoreAssessment(instrument, assessment.answers).itemScores;

  return (
    <section className="check-in-result" aria-labelledby="check-in-result-title">
      <h2 id="check-in-result-title" ref={headingRef} tabIndex={-1}>
        {urgent ? "Saved. Please get help now" : "Check-in saved"}
      </h2>
      <WarningList warnings={warnings} title="What to do now" />
      {urgent && <CrisisLines jurisdiction={jurisdiction} resources={result.crisisResources} />}

      {assessment.total !== null && assessment.totalRange && (
        <div className="card result-total" data-testid="result-total">
          <p className="result-number">
            <span className="big">{assessment.total}</span>{" "}
            <span className="muted">of {assessment.totalRange.max}</span>
          </p>
          <p>
            {instrument.shortName} total
            {assessment.band ? (
              <>
                : <strong className="band-chip">{assessment.band.label}</strong>
              </>
            ) : null}
          </p>
          {!assessment.band && instrument.bands.length === 0 && (
            <OwnComparisonLine
              instrument={instrument}
              assessmentId={assessment.id}
              total={assessment.total}
            />
          )}
          {assessment.subscores.map((s) => (
            <p key={s.id}>
              {s.label}: <strong>{s.score ?? "–"}</strong>
            </p>
          ))}
        </div>
      )}

      {instrument.id === "red-flags" && !urgent && (
        <p className="card">
          No danger signs reported. If anything changes, check again or use “Get help now” at the
          top of every page.
        </p>
      )}

      {instrument.id === "side-effects" && warnings.length === 0 && (
        <p className="card">
          Nothing you reported needs a warning. Progress shows your side effects day by day; tell
          your clinician about any that go on or get worse.
        </p>
      )}

      <details className="card result-answers">
        <summary className="disclosure">Your answers</summary>
        <dl>
          {itemScores.map((s) => (
            <div key={s.itemId} className="answer-row">
              <dt>{s.shortLabel}</dt>
              <dd>{s.label ?? "–"}</dd>
            </div>
          ))}
        </dl>
      </details>

      <p className="help-actions">
        <Link className="button primary" to="/progress">
          See your progress
        </Link>
        <button type="button" className="secondary" onClick={onAnother}>
          Another check-in
        </button>
      </p>
    </section>
  );
}

/**
 * A scale without published severity bands is read against the person's own earlier totals:
 * higher or lower than the last one, and their range so far.
 */
function OwnComparisonLine({
  instrument,
  assessmentId,
  total,
}: {
  instrument: InstrumentDefinition;
  assessmentId: string;
  total: number;
}) {
  const earlier = useRouteQuery(contract.listAssessments, {
    query: { instrument: instrument.id, limit: 200 },
  });
  if (!earlier.data) return null;
  const mine = earlier.data.assessments;
  const index = mine.findIndex((a) => a.id === assessmentId);
  // Newest first: what came before this check-in, oldest first.
  const before = (index === -1 ? mine : mine.slice(index + 1))
    .map((a) => a.total)
    .filter((t): t is number => t !== null)
    .reverse();
  return (
    <p data-testid="own-comparison">
      {describeOwnComparison(total, compareWithOwnTotals(before), instrument.shortName)}{" "}
      <span className="muted">
        {instrument.shortName} has no published severity bands, so Mitra compares it with your own
        earlier totals.
      </span>
    </p>
  );
}
