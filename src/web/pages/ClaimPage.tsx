import { Link, useParams } from "react-router-dom";
import type { EvidenceClaim } from "../../core/evidence/evidence-claim.ts";
import { ClaimCard } from "../knowledge/ClaimCard.tsx";
import { useApiGet } from "../knowledge/use-api-get.ts";

/** One evidence claim, linked from warnings, the Law page and search. */
export function ClaimPage() {
  const { id = "" } = useParams();
  const result = useApiGet<{ claim: EvidenceClaim }>(`/api/evidence/${encodeURIComponent(id)}`);
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/learn">Learn</Link> · Claim
        </p>
        <h1 className="visually-hidden">Evidence claim</h1>
      </header>
      {result.state === "loading" && <p className="loading">Loading…</p>}
      {result.state === "failed" && (
        <p className="form-error" role="alert">
          {result.error.status === 404 ? "There is no such claim." : result.error.message}
        </p>
      )}
      {result.state === "loaded" && <ClaimCard claim={result.data.claim} headingLevel={2} />}
      <p>
        <Link to="/learn">All claims and first-line treatments</Link>
      </p>
    </div>
  );
}
