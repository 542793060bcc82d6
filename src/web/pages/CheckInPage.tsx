import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import {
  type AssessmentAnswers,
  type InstrumentDefinition,
  redFlagWarnings,
} from "../../core/assessment/index.ts";
import { CheckInResult } from "../assessments/CheckInResult.tsx";
import { CrisisLines } from "../assessments/CrisisLines.tsx";
import { CHECK_IN_CHOICES } from "../assessments/check-in-names.ts";
import { InstrumentForm } from "../assessments/InstrumentForm.tsx";
import type { RecordResponse } from "../assessments/types.ts";
import { useInstruments } from "../assessments/use-instruments.ts";
import { usePageTitle } from "../components/page-title.ts";
import { WarningList } from "../components/WarningList.tsx";
import { KeptOnDevice } from "../offline/KeptOnDevice.tsx";
import type { OutboxEntry } from "../offline/outbox-entry.ts";
import { useWhenSent } from "../offline/use-outbox-sent.ts";
import { useUser } from "../session/session-context.tsx";

/** Check-in: pick an instrument, answer it on one page, see the score and any warnings. */
export function CheckInPage() {
  const { instrumentId } = useParams();
  const loaded = useInstruments();
  if (loaded.state === "loading") return <p className="loading">Loading…</p>;
  if (loaded.state === "failed") {
    return (
      <div className="page">
        <h1>Check-in</h1>
        <p className="form-error" role="alert">
          {loaded.error.message}
        </p>
      </div>
    );
  }
  const instruments = loaded.value.instruments;
  if (instrumentId === undefined) return <Picker instruments={instruments} />;
  const instrument = instruments.find((i) => i.id === instrumentId);
  if (!instrument) {
    return (
      <div className="page">
        <h1>Check-in</h1>
        <p>There is no check-in called “{instrumentId}”.</p>
        <Link to="/check-in">Choose a check-in</Link>
      </div>
    );
  }
  return <Fill key={instrument.id} instrument={instrument} />;
}

function Picker({ instruments }: { instruments: InstrumentDefinition[] }) {
  const clinicianRated = instruments.filter((i) => i.recordedBy === "clinician");
  return (
    <div className="page">
      <header className="page-header">
        <h1>Check-in</h1>
        <p className="lead">How are you feeling? Pick one.</p>
      </header>
      <ul className="check-in-choices">
        {CHECK_IN_CHOICES.map(({ id, plain, blurb }) => {
          const instrument = instruments.find((i) => i.id === id);
          if (!instrument) return null;
          return (
            <li key={id}>
              <Link
                to={`/check-in/${id}`}
                className={`check-in-choice${id === "red-flags" ? " check-in-choice-alarm" : ""}`}
              >
                <span className="check-in-choice-name">{plain}</span>
                <span className="check-in-choice-blurb">{blurb}</span>
                <span className="check-in-choice-blurb muted">{instrument.name}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {clinicianRated.length > 0 && (
        <p className="footnote">
          {clinicianRated.map((i) => i.shortName).join(", ")} is rated by a clinician from signs
          they observe, such as pulse and pupils; your clinician records it and you see it on
          Progress.
        </p>
      )}
    </div>
  );
}

function Fill({ instrument }: { instrument: InstrumentDefinition }) {
  usePageTitle(`${instrument.name} · Check-in`);
  const user = useUser();
  const navigate = useNavigate();
  const [result, setResult] = useState<RecordResponse | null>(null);
  const [kept, setKept] = useState<OutboxEntry | null>(null);
  useWhenSent<RecordResponse>(kept?.id ?? null, (reply) => {
    setKept(null);
    setResult(reply);
  });
  const [round, setRound] = useState(0);
  const hasRedFlags = instrument.items.some((i) => i.kind === "choice" && i.redFlag);
  // A checklist (side effects) asks about some danger signs among other things; the red-flag
  // screen asks about nothing else.
  const checklist = hasRedFlags && instrument.items.some((i) => i.kind === "choice" && !i.redFlag);
  // Kept offline: danger signs still get their answer at once, from the browser's own rules.
  const keptWarnings = kept
    ? redFlagWarnings(instrument, kept.body.answers as AssessmentAnswers)
    : [];
  const keptUrgent = keptWarnings.some((w) => w.severity === "urgent");
  return (
    <div className="page check-in-page">
      <header className="page-header">
        <p className="eyebrow check-in-intro">
          <Link to="/check-in">Check-in</Link> · {instrument.recallPeriod}
        </p>
        <h1>{instrument.name}</h1>
        {!result && !kept && <p className="check-in-intro">{instrument.instructions}</p>}
        {!instrument.validated && !result && !kept && (!hasRedFlags || checklist) && (
          <p className="muted check-in-intro">
            {checklist
              ? "Mitra’s own checklist, not a validated scale: no total, each answer is shown on its own."
              : "Mitra’s own quick check, not a validated scale: each answer is shown on its own."}
          </p>
        )}
      </header>
      {kept ? (
        <KeptOnDevice
          entry={kept}
          urgent={
            keptUrgent && (
              <>
                <WarningList warnings={keptWarnings} title="What to do now" />
                <CrisisLines jurisdiction={user.jurisdiction} />
              </>
            )
          }
        >
          <div className="button-row">
            <Link className="button primary" to="/today">
              Back to Today
            </Link>
            <button type="button" className="secondary" onClick={() => navigate("/check-in")}>
              Another check-in
            </button>
          </div>
        </KeptOnDevice>
      ) : result ? (
        <CheckInResult
          instrument={instrument}
          result={result}
          jurisdiction={user.jurisdiction}
          onAnother={() => navigate("/check-in")}
        />
      ) : (
        <InstrumentForm
          key={round}
          instrument={instrument}
          jurisdiction={user.jurisdiction}
          keepOffline={{
            userId: user.id,
            onKept: (entry) => {
              setKept(entry);
              setRound((n) => n + 1);
            },
          }}
          onSaved={(r) => {
            setResult(r);
            setRound((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
