import { Link } from "react-router-dom";
import { formatTime } from "../components/format-time.ts";
import { plainCheckInName } from "./check-in-names.ts";
import type { AssessmentView } from "./types.ts";

/**
 * Today's check-in card: the latest of today's check-ins (newest first, since midnight in the
 * person's zone), if any; undefined while loading, null when they could not be loaded.
 */
export function TodayCheckInCard({
  checkIns,
  timeZone,
}: {
  checkIns: AssessmentView[] | null | undefined;
  timeZone: string;
}) {
  const latest = checkIns?.[0];

  return (
    <section className="card" aria-labelledby="today-checkin" data-testid="today-checkin">
      <h2 id="today-checkin">How are you feeling?</h2>
      {latest ? (
        <p>
          Latest today, {formatTime(latest.takenAt, timeZone)}:{" "}
          {plainCheckInName(latest.instrument, latest.instrumentName)}
          {latest.total !== null && latest.totalRange && (
            <>
              {" "}
              <strong>{latest.total}</strong> of {latest.totalRange.max}
              {latest.band && ` (${latest.band.label})`}
            </>
          )}
          {latest.instrument === "red-flags" && !latest.redFlag && ": none reported."}
          {latest.redFlag && (
            <>
              : <strong className="text-danger">danger sign reported</strong>.{" "}
              <Link to="/help">Get help now</Link>
            </>
          )}
        </p>
      ) : (
        <p className="muted">A check-in takes under two minutes and shows your progress.</p>
      )}
      <Link className="button" to="/check-in">
        {latest ? "Check in again" : "Start check-in"}
      </Link>
    </section>
  );
}
