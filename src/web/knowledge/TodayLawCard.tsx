import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { StatusBadge } from "../components/Badges.tsx";
import { CheckedOn, StaleNote } from "./ReviewNotes.tsx";

/** Today's card: kratom and 7-OH status where the person is, with the "as of" date. */
export function TodayLawCard({ jurisdiction }: { jurisdiction: string | null }) {
  const result = useRouteQuery(
    contract.getJurisdiction,
    { params: { code: jurisdiction ?? "" } },
    { enabled: jurisdiction !== null },
  );
  return (
    <section className="card" aria-labelledby="today-law" data-testid="today-law">
      <h2 id="today-law">The law where you are</h2>
      {jurisdiction === null ? (
        <>
          <p className="muted">
            Say where you are to see whether kratom and 7-OH products are legal there.
          </p>
          <Link className="button" to="/law">
            Set where you are
          </Link>
        </>
      ) : result.isPending ? (
        <p className="muted">Loading…</p>
      ) : result.isError ? (
        <>
          <p className="muted">
            {result.error.status === 404
              ? `Mitra has no legal record for ${jurisdiction}. No data does not mean it is legal.`
              : "The legal status could not be loaded."}
          </p>
          <Link className="button" to="/law">
            Look up the law
          </Link>
        </>
      ) : (
        <>
          <p className="today-law-place">{result.data.jurisdiction.name}</p>
          <p className="law-level-badges">
            Kratom <StatusBadge status={result.data.effective.kratom} /> 7-OH{" "}
            <StatusBadge status={result.data.effective.sevenOh} />
            {result.data.effective.minAge !== undefined && (
              <span className="badge">{result.data.effective.minAge}+</span>
            )}
          </p>
          <CheckedOn checkedOn={result.data.checkedOn} asOf={result.data.asOf} />
          {result.data.stale && <StaleNote checkedOn={result.data.checkedOn} compact />}
          {[result.data.jurisdiction, ...result.data.parents].some((j) => j.pending) && (
            <p className="muted small" data-testid="today-law-pending">
              A change to this law is pending: see the details.
            </p>
          )}
          <Link className="button" to={`/law?code=${encodeURIComponent(jurisdiction)}`}>
            Details and sources
          </Link>
        </>
      )}
    </section>
  );
}
