import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { Warning } from "../../core/warning.ts";
import { EvidenceLinks } from "./EvidenceLinks.tsx";
import { SourceList } from "./SourceList.tsx";
import { SEVERITY_LABEL } from "./severity-label.ts";

function WhyAndSources({ warning: w }: { warning: Warning }) {
  return (
    <details>
      <summary>Why, and the source</summary>
      <p>{w.message}</p>
      <SourceList sources={w.sources} className="sources" />
    </details>
  );
}

/** What a list may offer on a warning after what to do (the "quiet for today" button). */
type WarningActions = (warning: Warning) => ReactNode;

/** What to do, the evidence, crisis help for urgent ones, and why one tap away. */
function WarningBody({ warning: w, actions }: { warning: Warning; actions?: WarningActions }) {
  return (
    <>
      <p>
        <strong>What to do: </strong>
        {w.action}
      </p>
      {actions?.(w)}
      {w.evidence && w.evidence.length > 0 && <EvidenceLinks ids={w.evidence} />}
      {w.severity === "urgent" && (
        <p>
          <Link to="/help" className="button primary">
            Crisis lines and emergency numbers
          </Link>
        </p>
      )}
      <WhyAndSources warning={w} />
    </>
  );
}

/**
 * Warnings, worst first. The worst (and every urgent one) is shown whole: what it is and what to
 * do, with why and the sources one tap away. The others are one line each (how bad, and what),
 * opened with a tap, so several warnings about one dose read as a group instead of a stack.
 * Announced politely to screen readers when it changes; urgent ones assertively. `actions`
 * adds controls under each warning's "What to do".
 */
export function WarningList({
  warnings,
  title = "Warnings",
  actions,
}: {
  warnings: readonly Warning[];
  title?: string;
  actions?: WarningActions;
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
        {warnings.map((w, i) =>
          i === 0 || w.severity === "urgent" ? (
            <li key={w.code} className={`warning warning-${w.severity}`} data-code={w.code}>
              <p className="warning-badge">{SEVERITY_LABEL[w.severity]}</p>
              <h3>{w.title}</h3>
              <WarningBody warning={w} actions={actions} />
            </li>
          ) : (
            <li
              key={w.code}
              className={`warning warning-${w.severity} warning-line`}
              data-code={w.code}
            >
              <details>
                <summary>
                  <span className="warning-badge">{SEVERITY_LABEL[w.severity]}</span>
                  <span className="warning-line-title">{w.title}</span>
                </summary>
                <WarningBody warning={w} actions={actions} />
              </details>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
