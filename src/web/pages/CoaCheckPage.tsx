import { useState } from "react";
import { Link } from "react-router-dom";
import { EvidenceLinks } from "../components/EvidenceLinks.tsx";
import { CoaFindings } from "../knowledge/CoaFindings.tsx";
import { CoaForm } from "../knowledge/CoaForm.tsx";
import type { CoaCheckResponse } from "../knowledge/types.ts";
import { useSession } from "../session/session-context.tsx";

/** Check a lab certificate (COA) against published limits. */
export function CoaCheckPage() {
  const [result, setResult] = useState<CoaCheckResponse | null>(null);
  const { user } = useSession();
  const jurisdiction = user?.jurisdiction ?? null;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/products">Products</Link> · Lab certificate
        </p>
        <h1>Check a lab certificate</h1>
        <p className="lead">
          Copy the values from the product's certificate of analysis (COA). Leave blank what it does
          not report: Mitra calls that “not tested”, never a pass.
        </p>
      </header>
      <p className="muted small" data-testid="coa-place">
        {jurisdiction === null ? (
          <>
            No place set: every legal cap is shown on its own.{" "}
            <Link to="/law">Set where you are</Link> to be judged by the rules that apply there.
          </>
        ) : (
          <>Judged by the strictest rules that apply where you live ({jurisdiction}).</>
        )}
      </p>
      <CoaForm onResult={setResult} jurisdiction={jurisdiction} />
      {result && <CoaFindings result={result} />}
      <EvidenceLinks ids={["choose-tested-products", "strains-differ-in-pain-relief"]} />
    </div>
  );
}
