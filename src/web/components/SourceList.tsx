import type { Citation } from "../../core/citation.ts";

/** Sources as links (URL, else DOI), each with its date when it has one. */
export function SourceList({
  sources,
  className = "source-list",
}: {
  sources: readonly Citation[];
  className?: string;
}) {
  return (
    <ul className={className}>
      {sources.map((s) => (
        <li key={`${s.title}|${s.url ?? s.doi ?? ""}`}>
          {s.url || s.doi ? (
            <a href={s.url ?? `https://doi.org/${s.doi}`} rel="noopener noreferrer" target="_blank">
              {s.title}
            </a>
          ) : (
            s.title
          )}
          {s.date && <span className="muted"> ({s.date})</span>}
        </li>
      ))}
    </ul>
  );
}

/** The sources folded away under "Sources (n)", opened on demand. */
export function FoldedSources({ sources }: { sources: readonly Citation[] }) {
  return (
    <details>
      <summary>Sources ({sources.length})</summary>
      <SourceList sources={sources} />
    </details>
  );
}
