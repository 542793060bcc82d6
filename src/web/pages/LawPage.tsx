import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { StatusBadge } from "../components/Badges.tsx";
import { EvidenceLinks } from "../components/EvidenceLinks.tsx";
import { KIND_LABEL } from "../components/labels.ts";
import { useSettled } from "../components/use-settled.ts";
import { JurisdictionStatus } from "../knowledge/JurisdictionStatus.tsx";
import { KnowledgeQueryField } from "../knowledge/KnowledgeQueryField.tsx";
import { type User, useSession, useUser } from "../session/session-context.tsx";

/** Most places the finder lists at once. */
const MAX_MATCHES = 12;

function PlaceFinder() {
  const [query, setQuery] = useState("");
  const asked = useSettled(query.trim(), 150);
  const found = useRouteQuery(
    contract.searchJurisdictions,
    { query: { q: asked } },
    { enabled: asked !== "", placeholderData: keepPreviousData },
  );
  const matches =
    query.trim() === "" || asked === ""
      ? null
      : found.isError
        ? []
        : (found.data?.jurisdictions.slice(0, MAX_MATCHES) ?? null);

  return (
    <section className="card" aria-labelledby="place-finder">
      <h2 id="place-finder">Find a place</h2>
      <KnowledgeQueryField
        label="Country, US state, county or city"
        hint="A name or a code, e.g. Florida, US-FL, Thailand"
        value={query}
        onValue={setQuery}
        autoComplete="off"
      />
      <div aria-live="polite">
        {matches?.length === 0 && (
          <p className="muted">
            No record for “{query.trim()}”. No data does not mean kratom is legal there.
          </p>
        )}
        {matches && matches.length > 0 && (
          <ul className="place-matches">
            {matches.map((j) => (
              <li key={j.code}>
                <Link to={`/law?code=${encodeURIComponent(j.code)}`}>
                  <span className="place-name">{j.name}</span>
                  <span className="muted small">
                    {KIND_LABEL[j.kind]} · {j.code}
                  </span>
                </Link>
                <StatusBadge status={j.kratom} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function SetMine({ code, user }: { code: string; user: User }) {
  const { setUser } = useSession();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const update = useRouteMutation(contract.updateMe);
  if (user.jurisdiction === code) {
    return <p className="mine-note">This is where you are: Today shows its status.</p>;
  }
  async function setMine() {
    setBusy(true);
    setError(undefined);
    try {
      const r = await update.mutateAsync({ body: { jurisdiction: code } });
      setUser(r.user);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : "Could not save.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <p>
      <button type="button" className="primary" onClick={() => void setMine()} disabled={busy}>
        Set as where I am
      </button>
      {error && (
        <span className="field-error" role="alert">
          {" "}
          {error}
        </span>
      )}
    </p>
  );
}

/** Law: the status of kratom and 7-OH products in a place, its parents, sources and date. */
export function LawPage() {
  const user = useUser();
  const [params] = useSearchParams();
  const code = params.get("code") ?? user.jurisdiction;
  const resolution = useRouteQuery(
    contract.getJurisdiction,
    { params: { code: code ?? "" } },
    { enabled: code !== null },
  );
  const lawClaims = useRouteQuery(contract.listEvidence, { query: { topic: "law" } });

  return (
    <div className="page">
      <header className="page-header">
        <h1>Law</h1>
        <p className="lead">
          The status of kratom and of concentrated 7-OH products where you are, with the sources and
          the date they were checked. Mitra is not legal advice.
        </p>
      </header>
      <PlaceFinder />
      {code === null && (
        <p className="muted">Find your place above, then set it as where you are.</p>
      )}
      {code !== null && resolution.isPending && <p className="loading">Loading…</p>}
      {code !== null && resolution.isError && (
        <p className="form-error" role="alert">
          {resolution.error.message}
        </p>
      )}
      {resolution.isSuccess && (
        <>
          <JurisdictionStatus resolution={resolution.data} />
          <SetMine code={resolution.data.jurisdiction.code} user={user} />
        </>
      )}
      {lawClaims.isSuccess && (
        <section className="card" aria-labelledby="law-claims">
          <h2 id="law-claims">Claims about the law</h2>
          <EvidenceLinks
            ids={lawClaims.data.claims.map((c) => c.id)}
            title="Checked against the record"
          />
        </section>
      )}
      <p className="footnote">
        A place with no record in Mitra is not known to be legal. Search claims and treatments on{" "}
        <Link to="/learn">Learn</Link>.
      </p>
    </div>
  );
}
