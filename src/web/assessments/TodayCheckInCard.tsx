import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { api } from "../api.ts";
import { useOutboxSent } from "../offline/use-outbox-sent.ts";
import { formatTime } from "./format-time.ts";
import type { AssessmentListResponse, AssessmentView } from "./types.ts";

/** Today's check-in card: the latest check-in since midnight in the person's zone, if any. */
export function TodayCheckInCard({ timeZone }: { timeZone: string }) {
  const [latest, setLatest] = useState<AssessmentView | null | undefined>(undefined);
  const sent = useOutboxSent();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `sent` asks again after the outbox sent check-ins
  useEffect(() => {
    let live = true;
    const midnight = startOfZonedDay(zonedDay(new Date(), timeZone), timeZone).toISOString();
    api<AssessmentListResponse>(
      "GET",
      `/api/assessments?from=${encodeURIComponent(midnight)}&limit=1`,
    )
      .then((r) => live && setLatest(r.assessments[0] ?? null))
      .catch(() => live && setLatest(null));
    return () => {
      live = false;
    };
  }, [timeZone, sent]);

  return (
    <section className="card" aria-labelledby="today-checkin" data-testid="today-checkin">
      <h2 id="today-checkin">How are you feeling?</h2>
      {latest ? (
        <p>
          Latest today, {formatTime(latest.takenAt, timeZone)}: {latest.instrumentName}
          {latest.total !== null && latest.totalRange && (
            <>
              {" "}
              <strong>{latest.total}</strong> of {latest.totalRange.max}
              {latest.band && ` (${latest.band.label})`}
            </>
          )}
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
