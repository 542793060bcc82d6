import { useState } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { uncountedDoseNote } from "../../core/product-form.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { formatClock, formatDose } from "./format.ts";
import type { IngestionView } from "./types.ts";

/** One logged dose with Edit and Delete (asked twice, never by accident). */
export function DoseRow({
  dose,
  timeZone,
  onDeleted,
}: {
  dose: IngestionView;
  timeZone: string;
  onDeleted: (id: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = dose.productName ?? dose.substanceName;
  const uncounted = uncountedDoseNote(dose);
  const deletion = useRouteMutation(contract.deleteIngestion);

  async function remove() {
    setError(null);
    try {
      await deletion.mutateAsync({ params: { id: dose.id } });
      onDeleted(dose.id);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  }

  return (
    <li className="dose-row" data-testid="dose-row">
      <div className="dose-row-main">
        <span className="dose-time">{formatClock(dose.takenAt, timeZone)}</span>
        <span className="dose-what">
          <strong>{formatDose(dose.amount, dose.unit)}</strong> {name}
          {dose.notes && <span className="dose-note muted"> — {dose.notes}</span>}
        </span>
      </div>
      <div className="dose-row-actions">
        {confirming ? (
          <>
            <span>Delete this dose?</span>
            <button type="button" className="secondary danger" onClick={() => void remove()}>
              Yes, delete
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <Link className="button compact" to={`/log?edit=${dose.id}`}>
              Edit<span className="visually-hidden"> {name}</span>
            </Link>
            <button type="button" className="secondary compact" onClick={() => setConfirming(true)}>
              Delete<span className="visually-hidden"> {name}</span>
            </button>
          </>
        )}
      </div>
      {uncounted && (
        <p className="small dose-uncounted" data-testid="dose-uncounted">
          {uncounted}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
