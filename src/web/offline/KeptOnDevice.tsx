import type { ReactNode } from "react";
import { SavedCard } from "../components/SavedCard.tsx";
import type { OutboxEntry } from "./outbox-entry.ts";

/** After a save that could not reach the server: plainly, it is kept here and sent later. */
export function KeptOnDevice({
  entry,
  urgent,
  children,
}: {
  entry: OutboxEntry;
  /** What to do now (danger signs answered at once in the browser), shown right after the title. */
  urgent?: ReactNode;
  children?: ReactNode;
}) {
  const kept =
    "Mitra could not reach its server, so this is kept on this device and will be sent when you are back online.";
  return (
    <div className="kept-on-device">
      {/* Focus goes to what happened, as after a save that reached the server. */}
      <SavedCard
        title={urgent ? "Saved on this device. Please get help now" : "Saved on this device"}
      >
        <p>
          <strong>{entry.summary}</strong>
        </p>
        {!urgent && (
          <p>
            {kept} Its warnings come once it is sent. The line at the top shows what is waiting.
          </p>
        )}
      </SavedCard>
      {urgent}
      {urgent && <p className="card">{kept}</p>}
      {children}
    </div>
  );
}
