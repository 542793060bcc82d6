import type { ReactNode } from "react";
import type { OutboxEntry } from "./outbox-entry.ts";

/** After a save that could not reach the server: plainly, it is kept here and sent later. */
export function KeptOnDevice({ entry, children }: { entry: OutboxEntry; children?: ReactNode }) {
  return (
    <div className="kept-on-device">
      <section className="card saved-card" role="status" aria-live="polite">
        <h2>Saved on this device</h2>
        <p>
          <strong>{entry.summary}</strong>
        </p>
        <p>
          Mitra could not reach its server, so this is kept on this device and will be sent when you
          are back online. Its warnings come once it is sent. The line at the top shows what is
          waiting.
        </p>
      </section>
      {children}
    </div>
  );
}
