import { useState } from "react";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { alertLabel } from "./timeline-entries.ts";
import type { Acknowledgement, CheckInAlert } from "./types.ts";
import { whenLabel } from "./when-label.ts";

const isRedFlag = (alert: CheckInAlert) => alert.items.some((i) => i.kind === "red-flag");

/**
 * Check-ins that raised a red flag or a reported sign, each named with its time in the patient's
 * zone, who has seen it, and a "Mark as seen" button for the clinician who has not.
 */
export function CheckInAlerts({
  alerts,
  patientId,
  timeZone,
  now,
  acknowledgements = [],
  myId,
  onSeen,
}: {
  alerts: readonly CheckInAlert[];
  patientId: string;
  timeZone: string;
  now: Date;
  acknowledgements?: readonly Acknowledgement[];
  myId: string;
  /**
   * Called after the server recorded the clinician's "seen" and the clinician's reads were
   * refreshed, with a sentence to announce.
   */
  onSeen: (message: string) => void | Promise<void>;
}) {
  const acknowledge = useRouteMutation(contract.acknowledgeCheckIn);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);

  async function markSeen(alert: CheckInAlert) {
    setBusy(alert.assessmentId);
    setFailure(null);
    try {
      // Refreshes the clinician's reads (the dashboard, this patient's timeline).
      await acknowledge.mutateAsync({
        params: { id: patientId, assessmentId: alert.assessmentId },
      });
      await onSeen(
        `Marked as seen: ${alertLabel(alert)}, ${whenLabel(alert.takenAt, timeZone, now)}.`,
      );
    } catch (error) {
      setFailure({
        id: alert.assessmentId,
        message: error instanceof ApiFailure ? error.message : String(error),
      });
    } finally {
      setBusy(null);
    }
  }

  return (
    <ul className="alert-list">
      {alerts.map((alert) => {
        const textId = `alert-${patientId}-${alert.assessmentId}`;
        const seen = acknowledgements.filter((a) => a.assessmentId === alert.assessmentId);
        const mine = seen.find((a) => a.clinicianId === myId);
        const others = seen.filter((a) => a.clinicianId !== myId);
        const red = isRedFlag(alert);
        return (
          <li
            key={alert.assessmentId}
            className={`alert-item ${red ? "alert-red-flag" : "alert-sign"}${mine ? " alert-seen" : ""}`}
          >
            <span id={textId} className="alert-text">
              <span className={`severity-chip ${red ? "severity-urgent" : "severity-caution"}`}>
                {red ? "Red flag" : "Reported"}
              </span>{" "}
              <strong>{alertLabel(alert)}</strong>,{" "}
              <time dateTime={alert.takenAt}>{whenLabel(alert.takenAt, timeZone, now)}</time>{" "}
              <span className="small muted">({alert.instrumentName})</span>
            </span>
            <span className="alert-seen-by small">
              {mine ? (
                <span>Seen by you, {whenLabel(mine.acknowledgedAt, timeZone, now)}.</span>
              ) : (
                <button
                  type="button"
                  className="secondary"
                  aria-describedby={textId}
                  disabled={busy === alert.assessmentId}
                  onClick={() => void markSeen(alert)}
                >
                  {busy === alert.assessmentId ? "Saving…" : "Mark as seen"}
                </button>
              )}
              {others.map((a) => (
                <span key={a.clinicianId} className="muted">
                  {" "}
                  Seen by {a.clinicianName ?? "another clinician"},{" "}
                  {whenLabel(a.acknowledgedAt, timeZone, now)}.
                </span>
              ))}
            </span>
            {failure?.id === alert.assessmentId && (
              <p className="form-error" role="alert">
                {failure.message}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
