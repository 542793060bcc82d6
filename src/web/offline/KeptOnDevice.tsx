import { type ReactNode, useEffect, useRef } from "react";
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
  // Kept: focus goes to what happened, as after a save that reached the server.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const kept =
    "Mitra could not reach its server, so this is kept on this device and will be sent when you are back online.";
  return (
    <div className="kept-on-device">
      <section className="card saved-card" role="status" aria-live="polite">
        <h2 ref={headingRef} tabIndex={-1}>
          {urgent ? "Saved on this device. Please get help now" : "Saved on this device"}
        </h2>
        <p>
          <strong>{entry.summary}</strong>
        </p>
        {!urgent && (
          <p>
            {kept} Its warnings come once it is sent. The line at the top shows what is waiting.
          </p>
        )}
      </section>
      {urgent}
      {urgent && <p className="card">{kept}</p>}
      {children}
    </div>
  );
}
