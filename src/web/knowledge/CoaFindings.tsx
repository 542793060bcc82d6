import { useEffect, useRef } from "react";
import { FindingBadge } from "../components/Badges.tsx";
import { SourceList } from "../components/SourceList.tsx";
import type { CoaCheckResponse } from "./types.ts";

/** The check's findings, worst first, each with its sources; the strain-name note if any. */
export function CoaFindings({ result }: { result: CoaCheckResponse }) {
  const count = (status: string) => result.findings.filter((f) => f.status === status).length;
  const fails = count("fail");
  const warnings = count("warning");
  const untested = count("not-tested");
  const ref = useRef<HTMLElement>(null);
  // A new result: bring it into view and move focus there, so it is seen and announced.
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="card coa-findings"
      aria-labelledby="coa-findings-title"
      data-testid="coa-findings"
    >
      <h2 id="coa-findings-title">What the certificate shows</h2>
      <p className="coa-summary" role="status">
        {fails} {fails === 1 ? "fails" : "fail"} a limit, {warnings}{" "}
        {warnings === 1 ? "warning" : "warnings"}, {untested} not tested. Not tested is not a pass:
        nobody knows.
      </p>
      {result.place && (
        <p className="muted small" data-testid="coa-judged-for">
          Judged by the strictest rules that apply in {result.place.name} (
          {result.place.chain.join(" → ")}); other places' caps are left out.
        </p>
      )}
      <ul className="findings">
        {result.findings.map((f) => (
          <li key={f.code} className={`finding finding-row-${f.status}`} data-code={f.code}>
            <FindingBadge status={f.status} />
            <p className="finding-message">{f.message}</p>
            {f.sources.length > 0 && (
              <details>
                <summary>Sources</summary>
                <SourceList sources={f.sources} />
              </details>
            )}
          </li>
        ))}
      </ul>
      {result.strainName && (
        <div className="strain-note">
          <h3>About the name “{result.strainName.matched.join("”, “")}”</h3>
          <p>{result.strainName.message}</p>
          <details>
            <summary>Sources</summary>
            <SourceList sources={result.strainName.sources} />
          </details>
        </div>
      )}
      <p className="muted small">Limits: coa-limits.json version {result.limitsVersion}.</p>
    </section>
  );
}
