import { type FormEvent, useMemo, useRef, useState } from "react";
import { contract } from "../../api/contract.ts";
import {
  type AssessmentAnswers,
  type InstrumentDefinition,
  isAllowedAnswer,
  redFlagWarnings,
  scoreAssessment,
} from "../../core/assessment/index.ts";
import type { Warning } from "../../core/warning.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { newClientId } from "../components/client-id.ts";
import { postOrKeep } from "../offline/keep-offline.ts";
import type { OutboxEntry } from "../offline/outbox-entry.ts";
import { ItemField } from "./ItemField.tsx";
import { LiveScore } from "./LiveScore.tsx";
import type { RecordResponse } from "./types.ts";

/**
 * One instrument as one long form: every question on the page, big touch targets, the score
 * kept up to date as answers come (core's scoring, in the browser), red flags answered at once.
 */
export function InstrumentForm({
  instrument,
  jurisdiction,
  onSaved,
  patientId,
  keepOffline,
}: {
  instrument: InstrumentDefinition;
  jurisdiction: string | null;
  onSaved(result: RecordResponse): void;
  /** Whose assessment: one's own, or this patient's (a clinician recording COWS). */
  patientId?: string;
  /** Keep it on the device when the server cannot be reached, to send later as `userId`. */
  keepOffline?: { userId: string; onKept(entry: OutboxEntry): void };
}) {
  // One id per filled-in form: a retried save after a network error is stored once.
  const [id] = useState(newClientId);
  const [choices, setChoices] = useState<AssessmentAnswers>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [showMissing, setShowMissing] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const saveOwn = useRouteMutation(contract.recordAssessment);
  const saveForPatient = useRouteMutation(contract.recordPatientAssessment);

  const answers = useMemo(() => {
    const all: AssessmentAnswers = { ...choices };
    for (const item of instrument.items) {
      if (item.kind !== "numeric") continue;
      const text = typed[item.id]?.trim() ?? "";
      const value = text === "" ? Number.NaN : Number(text);
      if (isAllowedAnswer(item, value)) all[item.id] = value;
    }
    return all;
  }, [choices, typed, instrument]);

  const score = scoreAssessment(instrument, answers);
  const warnings = redFlagWarnings(instrument, answers);
  const warningsOf = (itemId: string): Warning[] =>
    warnings.filter((w) => w.details?.itemId === itemId);
  const missing = score.itemScores.filter((s) => s.value === null);

  function errorFor(itemId: string): string | undefined {
    const fromServer = failure?.fieldMessage(`answers.${itemId}`);
    if (fromServer) return fromServer;
    if (!showMissing || answers[itemId] !== undefined) return undefined;
    const item = instrument.items.find((i) => i.id === itemId);
    if (item?.kind === "numeric" && (typed[itemId] ?? "").trim() !== "") {
      return `Enter ${item.min} to ${item.max} ${item.unit}, in steps of ${item.step}.`;
    }
    return "Please answer this question.";
  }

  function focusItem(itemId: string) {
    const block = formRef.current?.querySelector<HTMLElement>(`#q-${CSS.escape(itemId)}`);
    block?.scrollIntoView({ block: "center" });
    block?.querySelector<HTMLInputElement>("input")?.focus({ preventScroll: true });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const firstMissing = missing[0];
    if (firstMissing) {
      setShowMissing(true);
      focusItem(firstMissing.itemId);
      return;
    }
    setBusy(true);
    try {
      const body = {
        id,
        instrument: instrument.id,
        answers,
        takenAt: new Date().toISOString(),
      };
      if (keepOffline) {
        const result = await postOrKeep<RecordResponse>({
          userId: keepOffline.userId,
          kind: "check-in",
          path: contract.recordAssessment.path,
          body,
          summary:
            score.total === null
              ? instrument.name
              : `${instrument.name}, score ${score.total}${score.band ? ` (${score.band.label})` : ""}`,
        });
        if (result.kept) keepOffline.onKept(result.kept);
        else onSaved(result.sent);
      } else {
        onSaved(
          patientId === undefined
            ? await saveOwn.mutateAsync({ body })
            : await saveForPatient.mutateAsync({ params: { id: patientId }, body }),
        );
      }
    } catch (error) {
      const f = error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error));
      setFailure(f);
      const item = f.fields.find((x) => x.field.includes(".answers."));
      if (item) focusItem(item.field.split(".answers.")[1] ?? "");
    } finally {
      setBusy(false);
    }
  }

  const formError =
    failure && !failure.fields.some((f) => f.field.includes(".answers.")) ? failure.message : null;

  return (
    <form ref={formRef} className="check-in-form" onSubmit={submit} noValidate>
      {instrument.items.map((item, index) => (
        <ItemField
          key={item.id}
          item={item}
          number={index + 1}
          scored={instrument.totalRange !== null}
          value={answers[item.id]}
          text={typed[item.id] ?? ""}
          error={errorFor(item.id)}
          warnings={warningsOf(item.id)}
          onChoose={(value) => setChoices((c) => ({ ...c, [item.id]: value }))}
          onType={(text) => setTyped((t) => ({ ...t, [item.id]: text }))}
        />
      ))}
      <div role="alert" aria-live="assertive">
        {showMissing && missing.length > 0 && (
          <p className="form-error">
            {missing.length === 1
              ? `One question still needs an answer: ${missing[0]?.shortLabel}.`
              : `${missing.length} questions still need an answer: ${missing
                  .map((m) => m.shortLabel)
                  .join(", ")}.`}
          </p>
        )}
        {formError && <p className="form-error">{formError}</p>}
      </div>
      <button type="submit" className="primary save-check-in" disabled={busy}>
        {busy ? "Saving…" : "Save check-in"}
      </button>
      <LiveScore
        instrument={instrument}
        score={score}
        flagged={warnings.some((w) => w.severity === "urgent")}
        selfHarm={warnings.some((w) => w.code === "redflag.self-harm")}
        jurisdiction={jurisdiction}
      />
    </form>
  );
}
