import { useId, useState } from "react";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Options } from "../components/Options.tsx";
import { postOrKeep } from "../offline/keep-offline.ts";
import type { OutboxEntry } from "../offline/outbox-entry.ts";
import { useUser } from "../session/session-context.tsx";
import { formatDose, fromLocalInputValue, toLocalInputValue } from "./format.ts";
import { QuietWarnings, useAcknowledgedToday } from "./QuietWarnings.tsx";
import type { DoseSubject } from "./subject.ts";
import type { IngestionResponse, IngestionView } from "./types.ts";
import { type DoseDraft, useLiveCheck } from "./use-live-check.ts";

function parseAmount(text: string): number | null {
  const n = Number(text.replace(",", ".").trim());
  return text.trim() !== "" && Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * Step two of logging: amount, unit (only those that fit), time (now unless changed) and notes,
 * with the safety check running as the person types and the result's warnings after saving.
 * `id` is made when the form opens, so a retried save never stores the dose twice. A new dose
 * saved without a connection is kept on the device (`onKept`) and sent later with that id.
 */
export function DoseForm({
  id,
  subject,
  editing,
  onChangeSubject,
  onSaved,
  onKept,
}: {
  id: string;
  subject: DoseSubject;
  editing: IngestionView | null;
  onChangeSubject: () => void;
  onSaved: (result: IngestionResponse) => void;
  onKept: (entry: OutboxEntry) => void;
}) {
  const user = useUser();
  const acknowledged = useAcknowledgedToday();
  const amountId = useId();
  const unitId = useId();
  const timeId = useId();
  const notesId = useId();
  const [amountText, setAmountText] = useState(editing ? String(editing.amount) : "");
  const [unit, setUnit] = useState(
    editing && subject.units.includes(editing.unit) ? editing.unit : subject.defaultUnit,
  );
  const [opened] = useState(() => new Date());
  const [timeText, setTimeText] = useState(() =>
    toLocalInputValue(editing ? new Date(editing.takenAt) : opened),
  );
  const [timeTouched, setTimeTouched] = useState(editing !== null);
  const [notes, setNotes] = useState(editing?.notes ?? "");
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // The version this edit is based on; after a conflict, the one shown, so saving again is a choice.
  const [baseVersion, setBaseVersion] = useState(editing?.version);
  const conflict =
    error?.code === "edit_conflict"
      ? (error.details.current as IngestionView | undefined)
      : undefined;

  const amount = parseAmount(amountText);
  const takenAt = timeTouched ? fromLocalInputValue(timeText) : opened;
  const what = subject.productId
    ? { productId: subject.productId }
    : { substance: subject.substanceId };
  const draft: DoseDraft | null =
    amount !== null && unit !== "" && takenAt !== null
      ? { id, ...what, amount, unit, takenAt: takenAt.toISOString() }
      : null;
  const live = useLiveCheck(draft);
  const update = useRouteMutation(contract.updateIngestion);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    if (amount === null) {
      setError(
        new ApiFailure(400, "invalid_input", "Enter the amount", [
          { field: "body.amount", message: "enter an amount above 0" },
        ]),
      );
      return;
    }
    const when = timeTouched ? fromLocalInputValue(timeText) : new Date();
    if (when === null) {
      setError(
        new ApiFailure(400, "invalid_input", "Enter the time", [
          { field: "body.takenAt", message: "enter the date and time you took it" },
        ]),
      );
      return;
    }
    const body = {
      ...(editing
        ? subject.productId
          ? { productId: subject.productId }
          : { substance: subject.substanceId, productId: null }
        : what),
      amount,
      unit,
      takenAt: when.toISOString(),
      notes: notes.trim() === "" ? null : notes.trim(),
    };
    setBusy(true);
    try {
      if (editing) {
        const ifMatch: Record<string, string> =
          baseVersion === undefined ? {} : { "if-match": `"${baseVersion}"` };
        onSaved(await update.mutateAsync({ params: { id: editing.id }, body, headers: ifMatch }));
      } else {
        const result = await postOrKeep<IngestionResponse>({
          userId: user.id,
          kind: "dose",
          path: contract.createIngestion.path,
          body: { id, ...body },
          summary: `${formatDose(amount, unit)} ${subject.label}`,
        });
        if (result.kept) onKept(result.kept);
        else onSaved(result.sent);
      }
    } catch (e) {
      const failure = e instanceof ApiFailure ? e : new ApiFailure(0, "unknown", String(e));
      const current = failure.details.current as IngestionView | undefined;
      if (failure.code === "edit_conflict" && current) setBaseVersion(current.version);
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => error?.fieldMessage(name);
  const general =
    error && !fieldError("amount") && !fieldError("unit") && !fieldError("takenAt")
      ? error.message
      : undefined;

  return (
    <form className="dose-form" onSubmit={save} noValidate>
      <div className="chosen-subject card">
        <div>
          <p className="eyebrow">Logging</p>
          <p className="chosen-name">{subject.label}</p>
          {subject.detail && <p className="muted chosen-detail">{subject.detail}</p>}
        </div>
        <button type="button" className="secondary" onClick={onChangeSubject}>
          Change
        </button>
      </div>

      <ErrorAlert message={general} />
      {conflict && (
        <p className="muted conflict-current">
          Saved now: {formatDose(conflict.amount, conflict.unit)} {conflict.substanceName},{" "}
          {new Date(conflict.takenAt).toLocaleString()}
          {conflict.notes ? ` (${conflict.notes})` : ""}. Save again to replace it with what you
          entered.
        </p>
      )}

      <div className="amount-row">
        <div className="field">
          <label htmlFor={amountId}>Amount</label>
          <input
            id={amountId}
            className="amount-input"
            inputMode="decimal"
            autoComplete="off"
            // biome-ignore lint/a11y/noAutofocus: the amount is the one thing left to type
            autoFocus
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
            aria-invalid={fieldError("amount") ? true : undefined}
            aria-describedby={fieldError("amount") ? `${amountId}-error` : undefined}
          />
          <ErrorAlert message={fieldError("amount")} of="field" id={`${amountId}-error`} />
        </div>
        <div className="field">
          <label htmlFor={unitId}>Unit</label>
          <select
            id={unitId}
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
            aria-invalid={fieldError("unit") ? true : undefined}
          >
            <Options options={subject.units.map((u) => ({ value: u, label: u }))} />
          </select>
          <ErrorAlert message={fieldError("unit")} of="field" />
        </div>
      </div>

      <div className="field">
        <label htmlFor={timeId}>When</label>
        <div className="time-row">
          <input
            id={timeId}
            className="time-input"
            type="datetime-local"
            value={timeText}
            onChange={(e) => {
              setTimeText(e.target.value);
              setTimeTouched(true);
            }}
            aria-invalid={fieldError("takenAt") ? true : undefined}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setTimeText(toLocalInputValue(new Date()));
              setTimeTouched(false);
            }}
          >
            Now
          </button>
        </div>
        <ErrorAlert message={fieldError("takenAt")} of="field" />
      </div>

      <details className="notes" open={notes !== ""}>
        <summary>Add a note</summary>
        <div className="field">
          <label htmlFor={notesId}>Note (optional)</label>
          <textarea
            id={notesId}
            rows={2}
            maxLength={2000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </div>
      </details>

      <section className="live-check" aria-labelledby="live-check-title">
        <h2 id="live-check-title">Check before you take it</h2>
        {draft === null ? (
          <p className="muted">Enter the amount to see warnings before you save.</p>
        ) : live.problem ? (
          <p className="muted" role="status">
            {live.problem}
          </p>
        ) : live.warnings === undefined ? (
          <p className="muted" role="status">
            Checking…
          </p>
        ) : live.warnings.length === 0 ? (
          <p className="muted" role="status">
            No warnings from Mitra's rules for this dose with what you have logged. Its rules cannot
            cover everything.
          </p>
        ) : (
          <QuietWarnings
            warnings={live.warnings}
            acknowledged={acknowledged}
            title="Warnings before you save"
          />
        )}
      </section>

      <button type="submit" className="primary save-dose" disabled={busy}>
        {busy ? "Saving…" : editing ? "Save changes" : "Save dose"}
      </button>
    </form>
  );
}
