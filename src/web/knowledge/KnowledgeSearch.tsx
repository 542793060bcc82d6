import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { StatusBadge, VerdictBadge } from "../components/Badges.tsx";
import { CARE_KIND_LABEL, KIND_LABEL } from "../components/labels.ts";
import { KnowledgeQueryField } from "./KnowledgeQueryField.tsx";

/** One search box across the Law and Learn pages: places, evidence claims, first-line care. */
export function KnowledgeSearch() {
  const [query, setQuery] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const found = useRouteQuery(
    contract.searchKnowledge,
    { query: { q: asked ?? "" } },
    { enabled: asked !== null },
  );
  const result = found.isSuccess ? found.data : null;
  const busy = found.isFetching;
  const error = found.error ? (found.error.fieldMessage("q") ?? found.error.message) : undefined;

  function search(event: FormEvent) {
    event.preventDefault();
    setAsked(query);
  }

  const total = result
    ? result.jurisdictions.length + result.claims.length + result.care.length
    : 0;
  return (
    <section className="card knowledge-search" aria-labelledby="knowledge-search-title">
      <h2 id="knowledge-search-title">Search law and evidence</h2>
      <search>
        <form onSubmit={search} className="search-form">
          <KnowledgeQueryField
            label="Search"
            hint="A place, a claim you read, or a treatment: e.g. Florida, hyperpigmentation, naloxone"
            value={query}
            onValue={setQuery}
            error={error}
          />
          <button type="submit" className="primary" disabled={busy}>
            Search
          </button>
        </form>
      </search>
      <div aria-live="polite">
        {result && total === 0 && <p className="muted">Nothing found for “{result.query}”.</p>}
        {result && result.claims.length > 0 && (
          <>
            <h3>Claims</h3>
            <ul className="search-results">
              {result.claims.map((c) => (
                <li key={c.id}>
                  <Link to={`/learn/claims/${c.id}`}>“{c.claim}”</Link>{" "}
                  <VerdictBadge verdict={c.verdict} />
                </li>
              ))}
            </ul>
          </>
        )}
        {result && result.jurisdictions.length > 0 && (
          <>
            <h3>Places</h3>
            <ul className="search-results">
              {result.jurisdictions.map((j) => (
                <li key={j.code}>
                  <Link to={`/law?code=${encodeURIComponent(j.code)}`}>{j.name}</Link>{" "}
                  <span className="muted small">{KIND_LABEL[j.kind]}</span>{" "}
                  <StatusBadge status={j.kratom} />
                </li>
              ))}
            </ul>
          </>
        )}
        {result && result.care.length > 0 && (
          <>
            <h3>Treatment and care</h3>
            <ul className="search-results">
              {result.care.map((c) => (
                <li key={c.id}>
                  <Link to={`/learn#care-${c.id}`}>{c.name}</Link>{" "}
                  <span className="muted small">{CARE_KIND_LABEL[c.kind]}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
