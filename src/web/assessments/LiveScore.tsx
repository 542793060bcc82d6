import { Link } from "react-router-dom";
import type { AssessmentScore, InstrumentDefinition } from "../../core/assessment/index.ts";
import { emergencyLine, suicideCrisisLine, telHref } from "./crisis-lines.ts";

/**
 * The running score, kept in view at the bottom of the screen while the person answers. When a
 * red flag is answered it turns into a "get help now" bar with the emergency number; for thoughts
 * of self-harm, the suicide and crisis line (988 in the US) comes first, then the emergency number.
 */
export function LiveScore({
  instrument,
  score,
  flagged,
  selfHarm = false,
  jurisdiction,
}: {
  instrument: InstrumentDefinition;
  score: AssessmentScore;
  flagged: boolean;
  /** Thoughts of self-harm were reported: offer the crisis line first. */
  selfHarm?: boolean;
  jurisdiction: string | null;
}) {
  const range = instrument.totalRange;
  if (flagged) {
    const emergency = emergencyLine(jurisdiction);
    const crisis = selfHarm ? suicideCrisisLine(jurisdiction) : undefined;
    return (
      <div className="live-score live-score-urgent">
        <p>
          <strong>You reported a danger sign.</strong> What to do is under the question.
        </p>
        <p className="help-actions">
          {crisis?.phone && (
            <a className="button primary" href={telHref(crisis.phone)}>
              Call {crisis.phone}
            </a>
          )}
          {emergency?.phone && (
            <a
              className={crisis?.phone ? "button" : "button primary"}
              href={telHref(emergency.phone)}
            >
              Call {emergency.phone}
            </a>
          )}
          <Link className="button" to="/help">
            Get help now
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="live-score" data-testid="live-score">
      <p>
        Answered {score.answeredCount} of {score.itemCount}
      </p>
      {range && score.total !== null && (
        <p className="live-total">
          {score.complete ? "Total" : "So far"} <strong>{score.total}</strong>{" "}
          <span className="muted">of {range.max}</span>
          {score.band && <span className="band-chip"> {score.band.label}</span>}
        </p>
      )}
    </div>
  );
}
