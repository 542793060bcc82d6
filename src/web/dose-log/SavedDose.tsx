import { uncountedDoseNote } from "../../core/product-form.ts";
import { SavedCard } from "../components/SavedCard.tsx";
import { useUser } from "../session/session-context.tsx";
import { AfterSaving } from "./AfterSaving.tsx";
import { formatClock, formatDose } from "./format.ts";
import { QuietWarnings, useAcknowledgedToday } from "./QuietWarnings.tsx";
import type { IngestionResponse } from "./types.ts";

/**
 * After saving: what was stored, and its warnings with why and the source; cautions and notes
 * the person already said "Got it, quiet for today" to are folded into one line.
 */
export function SavedDose({
  result,
  edited,
  onLogAnother,
}: {
  result: IngestionResponse;
  edited: boolean;
  onLogAnother: () => void;
}) {
  const user = useUser();
  const acknowledged = useAcknowledgedToday();
  const i = result.ingestion;
  const uncounted = uncountedDoseNote(i);
  return (
    <div className="saved-dose">
      {/* Focus goes to what was stored, so a screen reader reads it and its warnings next. */}
      <SavedCard title={edited ? "Change saved" : "Dose saved"}>
        <p>
          <strong>{formatDose(i.amount, i.unit)}</strong> {i.productName ?? i.substanceName} at{" "}
          {formatClock(i.takenAt, user.timeZone)}
        </p>
        {uncounted && <p data-testid="dose-uncounted">{uncounted}</p>}
        {result.warnings.length === 0 && (
          <p className="muted">No warnings from Mitra's rules for this dose.</p>
        )}
      </SavedCard>
      <QuietWarnings
        warnings={result.warnings}
        acknowledged={acknowledged}
        title="Warnings for this dose"
      />
      <AfterSaving onLogAnother={onLogAnother} withHistory />
    </div>
  );
}
