import { useRef, useState } from "react";
import { Link } from "react-router-dom";
import { formatDateTime } from "../components/format-time.ts";
import type { OutboxEntry } from "./outbox-entry.ts";
import { summarizeOutbox } from "./outbox-status.ts";
import { useOutbox } from "./use-outbox.ts";
import "./outbox.css";

/**
 * Under the top bar: what of this person's is kept on the device and waiting to be sent, what is
 * being sent, what was sent, and what the server refused. The line is a polite live region, so
 * screen readers hear the changes; the entries (with Try again / Discard) are one tap away.
 */
export function OutboxStatus({ userId, timeZone }: { userId: string; timeZone: string }) {
  const outbox = useOutbox(userId);
  const summaryRef = useRef<HTMLElement>(null);
  const summary = summarizeOutbox(outbox.entries, userId, outbox.sending);
  const own = outbox.entries.filter((e) => e.userId === userId);
  const offlineOnly = !outbox.online && own.length === 0;
  const visible = summary.line !== null || outbox.notice !== null || offlineOnly;
  return (
    // A plain box, not a landmark: on most pages it is empty.
    <div
      className={`outbox${visible ? " outbox-visible" : ""}${
        summary.tone ? ` outbox-${summary.tone}` : ""
      }`}
      data-testid="outbox"
    >
      <p className="outbox-line" role="status" aria-live="polite">
        {summary.line && <span data-testid="outbox-line">{summary.line}</span>}
        {summary.line && !outbox.online && <span> (you are offline)</span>}
        {offlineOnly && <span>You are offline. What you log is kept on this device.</span>}
        {outbox.notice && (
          <span data-testid="outbox-notice">
            {summary.line ? " " : ""}
            {outbox.notice.text}
            {outbox.notice.doseWarnings && (
              <>
                {" "}
                <Link to="/today">See them on Today</Link>
              </>
            )}
          </span>
        )}
      </p>
      {own.length > 0 && (
        <details className="outbox-details" open={summary.needsAttention.length > 0}>
          <summary ref={summaryRef}>Show what is waiting</summary>
          <ul className="outbox-entries">
            {own
              .slice()
              .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
              .map((entry) => (
                <EntryRow
                  key={entry.id}
                  entry={entry}
                  timeZone={timeZone}
                  busy={outbox.sending}
                  online={outbox.online}
                  onRetry={() => void outbox.retry(entry.id)}
                  onDiscard={() => {
                    // The row goes away: keep keyboard focus near, not lost to the page's start.
                    if (own.length > 1) summaryRef.current?.focus();
                    else document.getElementById("main")?.focus();
                    void outbox.discard(entry.id);
                  }}
                />
              ))}
          </ul>
        </details>
      )}
    </div>
  );
}

const KIND_LABEL = { dose: "Dose", "check-in": "Check-in" } as const;

function EntryRow({
  entry,
  timeZone,
  busy,
  online,
  onRetry,
  onDiscard,
}: {
  entry: OutboxEntry;
  timeZone: string;
  busy: boolean;
  online: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const state =
    entry.state === "needs-attention"
      ? "Not accepted by Mitra's server"
      : entry.state === "needs-sign-in"
        ? "Waiting: sign in again to send"
        : "Waiting to be sent";
  return (
    <li className={`outbox-entry outbox-entry-${entry.state}`} data-testid="outbox-entry">
      <p className="outbox-entry-what">
        <strong>{KIND_LABEL[entry.kind]}:</strong> {entry.summary}{" "}
        <span className="muted">(logged {formatDateTime(entry.createdAt, timeZone)})</span>
      </p>
      <p className="outbox-entry-state">
        {state}
        {entry.state === "needs-attention" && entry.lastError && <>: {entry.lastError}</>}
      </p>
      <div className="outbox-entry-actions">
        {confirming ? (
          <>
            <span>Discard it? It will not be saved.</span>
            <button type="button" className="secondary danger compact" onClick={onDiscard}>
              Yes, discard
            </button>
            <button
              type="button"
              className="secondary compact"
              onClick={() => setConfirming(false)}
            >
              Keep
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="secondary compact"
              disabled={busy || !online}
              onClick={onRetry}
            >
              {entry.state === "needs-attention" ? "Try again" : "Send now"}
              <span className="visually-hidden"> {entry.summary}</span>
            </button>
            <button type="button" className="secondary compact" onClick={() => setConfirming(true)}>
              Discard<span className="visually-hidden"> {entry.summary}</span>
            </button>
          </>
        )}
      </div>
    </li>
  );
}
