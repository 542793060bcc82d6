import { useEffect } from "react";
import { Link, useLocation, useSearchParams } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { EVIDENCE_TOPICS, type EvidenceTopic } from "../../core/evidence/evidence-claim.ts";
import type { FirstLineCare } from "../../core/evidence/first-line-care.ts";
import { CARE_KINDS } from "../../core/evidence/first-line-care.ts";
import { useRouteQuery } from "../api-client.ts";
import { CARE_KIND_LABEL, TOPIC_LABEL } from "../components/labels.ts";
import { QueryStatus } from "../components/QueryStatus.tsx";
import { FoldedSources } from "../components/SourceList.tsx";
import { ClaimCard } from "../knowledge/ClaimCard.tsx";
import { KnowledgeSearch } from "../knowledge/KnowledgeSearch.tsx";

function isTopic(value: string | null): value is EvidenceTopic {
  return value !== null && (EVIDENCE_TOPICS as readonly string[]).includes(value);
}

function CareItem({ care }: { care: FirstLineCare }) {
  return (
    <li className="care-item" id={`care-${care.id}`}>
      <h4>{care.name}</h4>
      <p>{care.summary}</p>
      {care.points.length > 0 && (
        <ul className="care-points">
          {care.points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p>
        <strong>How to get it: </strong>
        {care.how_to_get}
      </p>
      {care.url && (
        <p>
          <a className="button" href={care.url} rel="noopener noreferrer" target="_blank">
            More about {care.name}
          </a>
        </p>
      )}
      <FoldedSources sources={care.sources} />
    </li>
  );
}

function FirstLineCareSection() {
  const result = useRouteQuery(contract.getFirstLineCare);
  return (
    <section className="card" aria-labelledby="first-line-title" id="first-line">
      <h2 id="first-line-title">First-line treatment and care</h2>
      <p>
        Opioid withdrawal and opioid use disorder have treatments that work and are approved for it.
        Ask a doctor or a treatment service about them.
      </p>
      <p>
        <Link className="button primary" to="/help">
          Crisis lines and emergency numbers
        </Link>
      </p>
      {result.isPending && <p className="muted">Loading…</p>}
      {result.isError && <p className="muted">Could not load: {result.error.message}</p>}
      {result.isSuccess &&
        CARE_KINDS.map((kind) => {
          const items = result.data.care.filter((c) => c.kind === kind);
          if (items.length === 0) return null;
          return (
            <div key={kind} className="care-group">
              <h3>{CARE_KIND_LABEL[kind]}</h3>
              <ul className="care-list">
                {items.map((c) => (
                  <CareItem key={c.id} care={c} />
                ))}
              </ul>
            </div>
          );
        })}
    </section>
  );
}

/** Learn: evidence-graded claims by topic (false ones marked), and first-line care. */
export function LearnPage() {
  const [params, setParams] = useSearchParams();
  const topicParam = params.get("topic");
  const topic = isTopic(topicParam) ? topicParam : undefined;
  const claims = useRouteQuery(contract.listEvidence, { query: topic ? { topic } : {} });
  const location = useLocation();

  // A link to /learn#care-naloxone scrolls to it once the list is there.
  useEffect(() => {
    if (!location.hash) return;
    const timer = setTimeout(
      () => document.getElementById(location.hash.slice(1))?.scrollIntoView(),
      300,
    );
    return () => clearTimeout(timer);
  }, [location.hash]);

  const choose = (t: EvidenceTopic | undefined) => setParams(t ? { topic: t } : {});
  return (
    <div className="page">
      <header className="page-header">
        <h1>Learn</h1>
        <p className="lead">
          What the evidence does and does not support about kratom, 7-OH and magnesium, including
          popular claims that are false.
        </p>
      </header>
      <KnowledgeSearch />
      <section aria-labelledby="claims-title">
        <h2 id="claims-title">Claims, checked</h2>
        <fieldset className="topic-chips">
          <legend className="visually-hidden">Topic</legend>
          <button
            type="button"
            aria-pressed={topic === undefined}
            onClick={() => choose(undefined)}
          >
            All
          </button>
          {EVIDENCE_TOPICS.map((t) => (
            <button key={t} type="button" aria-pressed={topic === t} onClick={() => choose(t)}>
              {TOPIC_LABEL[t]}
            </button>
          ))}
        </fieldset>
        <QueryStatus query={claims} />
        {claims.isSuccess && claims.data.claims.length === 0 && (
          <p className="muted">No claims on this topic yet.</p>
        )}
        {claims.isSuccess && claims.data.claims.map((c) => <ClaimCard key={c.id} claim={c} />)}
      </section>
      <section className="card" aria-labelledby="coa-link">
        <h2 id="coa-link">Check a product's lab certificate</h2>
        <p>
          Enter the values from a certificate of analysis to compare them with published limits for
          7-OH, heavy metals and germs.
        </p>
        <Link className="button" to="/products/coa">
          Check a certificate
        </Link>
      </section>
      <FirstLineCareSection />
    </div>
  );
}
