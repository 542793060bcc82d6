import { Link, useParams } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { ClaimCard } from "../knowledge/ClaimCard.tsx";

/** One evidence claim, linked from warnings, the Law page and search. */
export function ClaimPage() {
  const { id = "" } = useParams();
  const result = useRouteQuery(contract.getEvidenceClaim, { params: { id } });
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/learn">Learn</Link> · Claim
        </p>
        <h1 className="visually-hidden">Evidence claim</h1>
      </header>
      {result.isPending && <p className="loading">Loading…</p>}
      {result.isError && (
        <p className="form-error" role="alert">
          {result.error.status === 404 ? "There is no such claim." : result.error.message}
        </p>
      )}
      {result.isSuccess && <ClaimCard claim={result.data.claim} headingLevel={2} />}
      <p>
        <Link to="/learn">All claims and first-line treatments</Link>
      </p>
    </div>
  );
}
