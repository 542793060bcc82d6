import { Link } from "react-router-dom";
import type { AssessmentScore, InstrumentDefinition } from "../../core/assessment/index.ts";
import { emergencyLine, telHref } from "./crisis-lines.ts";

/**
 * The running score, kept in view at the bottom of the screen while the person answers. When a
 * red flag is answered it turns into a "get help now" bar with the emergency number.
 */
export function LiveScore({
  instrument,
  score,
  flagged,
  jurisdiction,
}: {
  instrument: InstrumentDefinition;
  score: AssessmentScore;
  flagged: boolean;
  jurisdiction: string | null;
}) {
  const range = instrument.totalRange;
  if (flagged) {
    const emergency = emergencyLine(jurisdiction);
    return (
      <div className="live-score live-score-urgent">
        <p>
          <strong>You reported a danger sign.</strong> What to do is under the question.
        </p>
        <p className="help-actions">
          {emergency?.phone && (
            <a className="button primary" href={telHref(emergency.phone)}>
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
