import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { VerdictBadge } from "./Badges.tsx";

/** Links to the evidence-library claims a warning or page refers to, with their verdicts. */
export function EvidenceLinks({
  ids,
  title = "What the evidence says",
}: {
  ids: readonly string[];
  title?: string;
}) {
  const all = useRouteQuery(contract.listEvidence);
  const claims = all.data?.claims;
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
