import { type AssessmentAnswers, redFlagWarnings } from "../../core/assessment/index.ts";
import { formatTime } from "../components/format-time.ts";
import { WarningList } from "../components/WarningList.tsx";
import type { AssessmentView } from "./types.ts";
import { useInstruments } from "./use-instruments.ts";

/**
 * Today's first card when a check-in today reported a danger sign: what it was, when, and what
 * to do now (the red flag's own warning, with the crisis lines one tap away).
 */
export function TodayRedFlagCard({
  checkIn,
  timeZone,
}: {
  checkIn: AssessmentView;
  timeZone: string;
}) {
  const loaded = useInstruments();
  const instrument =
    loaded.state === "ready"
      ? loaded.value.instruments.find((i) => i.id === checkIn.instrument)
      : undefined;
  const warnings = instrument
    ? redFlagWarnings(instrument, checkIn.answers as AssessmentAnswers).filter(
        (w) => w.severity === "urgent",
      )
    : [];
  // Each sign by the question's short name ("Thoughts of self-harm").
  const signs = warnings.map(
    (w) => instrument?.items.find((i) => i.id === w.details?.itemId)?.shortLabel ?? w.title,
  );
  return (
    <section
      className="card today-red-flag"
      aria-labelledby="today-red-flag"
      data-testid="today-red-flag"
    >
      <h2 id="today-red-flag">You reported a danger sign today</h2>
      <p>
        {checkIn.instrumentName}, {formatTime(checkIn.takenAt, timeZone)}
        {signs.length > 0 && `: ${signs.join("; ")}`}.
      </p>
      <WarningList warnings={warnings} title="What to do now" />
    </section>
  );
}
