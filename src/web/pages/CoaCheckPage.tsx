import { useState } from "react";
import { Link } from "react-router-dom";
import { CoaFindings } from "../knowledge/CoaFindings.tsx";
import { CoaForm } from "../knowledge/CoaForm.tsx";
import { EvidenceLinks } from "../knowledge/EvidenceLinks.tsx";
import type { CoaCheckResponse } from "../knowledge/types.ts";

/** Check a lab certificate (COA) against published limits. */
export function CoaCheckPage() {
  const [result, setResult] = useState<CoaCheckResponse | null>(null);
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
      <CoaForm onResult={setResult} />
      {result && <CoaFindings result={result} />}
      <EvidenceLinks ids={["choose-tested-products", "strains-differ-in-pain-relief"]} />
    </div>
  );
}
