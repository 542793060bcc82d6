import { type ReactNode, useEffect, useRef } from "react";

/**
 * The card that says what was just saved. Its title takes focus when it appears, so a screen
 * reader reads what was stored, and what follows it, next.
 */
export function SavedCard({ title, children }: { title: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="card saved-card" role="status" aria-live="polite">
      <h2 ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
