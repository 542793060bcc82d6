import type { ReactNode } from "react";

/** A section whose tools are still being built: says what it will hold. */
export function SectionPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <section className="card">{children}</section>
    </div>
  );
}
