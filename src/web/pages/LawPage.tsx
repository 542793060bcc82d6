import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ApiFailure, api } from "../api.ts";
import { TextField } from "../components/TextField.tsx";
import { StatusBadge } from "../knowledge/Badges.tsx";
import { EvidenceLinks } from "../knowledge/EvidenceLinks.tsx";
import { JurisdictionStatus } from "../knowledge/JurisdictionStatus.tsx";
import { KIND_LABEL } from "../knowledge/labels.ts";
import type {
  EvidenceListResponse,
  JurisdictionListResponse,
  JurisdictionResponse,
  JurisdictionSummary,
} from "../knowledge/types.ts";
import { useApiGet } from "../knowledge/use-api-get.ts";
import { type User, useSession, useUser } from "../session/session-context.tsx";

/** Most places the finder lists at once. */
const MAX_MATCHES = 12;

function PlaceFinder() {
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<JurisdictionSummary[] | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === "") {
      setMatches(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api<JurisdictionListResponse>("GET", `/api/legal/jurisdictions?q=${encodeURIComponent(q)}`)
        .then((r) => live && setMatches(r.jurisdictions.slice(0, MAX_MATCHES)))
        .catch(() => live && setMatches([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <section className="card" aria-labelledby="place-finder">
      <h2 id="place-finder">Find a place</h2>
      <TextField
        label="Country, US state, county or city"
        hint="A name or a code, e.g. Florida, US-FL, Thailand"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        maxLength={100}
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
  if (user.jurisdiction === code) {
    return <p className="mine-note">This is where you are: Today shows its status.</p>;
  }
  async function setMine() {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ user: User }>("PATCH", "/api/me", { jurisdiction: code });
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
  const resolution = useApiGet<JurisdictionResponse>(
    code ? `/api/legal/jurisdictions/${encodeURIComponent(code)}` : null,
  );
  const lawClaims = useApiGet<EvidenceListResponse>("/api/evidence?topic=law");

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
      {code !== null && resolution.state === "loading" && <p className="loading">Loading…</p>}
      {code !== null && resolution.state === "failed" && (
        <p className="form-error" role="alert">
          {resolution.error.message}
        </p>
      )}
      {resolution.state === "loaded" && (
        <>
          <JurisdictionStatus resolution={resolution.data} />
          <SetMine code={resolution.data.jurisdiction.code} user={user} />
        </>
      )}
      {lawClaims.state === "loaded" && (
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
