import { Link } from "react-router-dom";
import type { Severity, Warning } from "../../core/warning.ts";
import { EvidenceLinks } from "../knowledge/EvidenceLinks.tsx";

const SEVERITY_LABEL: Record<Severity, string> = {
  urgent: "Get help now",
  dangerous: "Dangerous",
  unsafe: "Unsafe",
  caution: "Caution",
  info: "Good to know",
};

/**
 * Warnings, worst first, each with what to do and, one tap away, why and the sources.
 * Announced politely to screen readers when it changes; urgent ones assertively.
 */
export function WarningList({
  warnings,
  title = "Warnings",
}: {
  warnings: readonly Warning[];
  title?: string;
}) {
  if (warnings.length === 0) return null;
  const urgent = warnings.some((w) => w.severity === "urgent");
  return (
    <section
      className="warnings"
      aria-label={title}
      aria-live={urgent ? "assertive" : "polite"}
      data-testid="warnings"
    >
      <h2 className="visually-hidden">{title}</h2>
      <ul>
        {warnings.map((w) => (
          <li key={w.code} className={`warning warning-${w.severity}`} data-code={w.code}>
            <p className="warning-badge">{SEVERITY_LABEL[w.severity]}</p>
            <h3>{w.title}</h3>
            <p>
              <strong>What to do: </strong>
              {w.action}
            </p>
            {w.evidence && w.evidence.length > 0 && <EvidenceLinks ids={w.evidence} />}
            {w.severity === "urgent" && (
              <p>
                <Link to="/help" className="button primary">
                  Crisis lines and emergency numbers
                </Link>
              </p>
            )}
            <details>
              <summary>Why, and the source</summary>
              <p>{w.message}</p>
              <ul className="sources">
                {w.sources.map((s) => (
                  <li key={s.title}>
                    {s.url || s.doi ? (
                      <a
                        href={s.url ?? `https://doi.org/${s.doi}`}
                        rel="noopener noreferrer"
                        target="_blank"
                      >
                        {s.title}
                      </a>
                    ) : (
                      s.title
                    )}
                    {s.date && <span className="muted"> ({s.date})</span>}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
