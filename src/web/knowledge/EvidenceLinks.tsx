import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import type { EvidenceClaim } from "../../core/evidence/evidence-claim.ts";
import { VerdictBadge } from "./Badges.tsx";
import { allEvidenceClaims } from "./evidence-claims.ts";

/** Links to the evidence-library claims a warning or page refers to, with their verdicts. */
export function EvidenceLinks({
  ids,
  title = "What the evidence says",
}: {
  ids: readonly string[];
  title?: string;
}) {
  const [claims, setClaims] = useState<EvidenceClaim[] | null>(null);
  useEffect(() => {
    let live = true;
    allEvidenceClaims()
      .then((all) => live && setClaims(all))
      .catch(() => live && setClaims([]));
    return () => {
      live = false;
    };
  }, []);
  if (ids.length === 0) return null;
  return (
    <div className="evidence-links">
      <p className="evidence-links-title">{title}</p>
      <ul>
        {ids.map((id) => {
          const claim = claims?.find((c) => c.id === id);
          return (
            <li key={id}>
              <Link to={`/learn/claims/${id}`}>{claim ? `“${claim.claim}”` : id}</Link>{" "}
              {claim && <VerdictBadge verdict={claim.verdict} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
