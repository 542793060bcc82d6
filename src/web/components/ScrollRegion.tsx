import type { ReactNode } from "react";

/**
 * A wide table's box: it scrolls sideways on a phone, and takes the focus so that a keyboard can
 * scroll it too.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs the focus
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
