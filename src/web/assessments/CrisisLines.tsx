import { Link } from "react-router-dom";
import type { CrisisResource } from "../../core/assessment/crisis-resource.ts";
import { crisisLinesFor, telHref } from "./crisis-lines.ts";

/** Help lines with call and text buttons, and the way to the full "Get help now" page. */
export function CrisisLines({
  jurisdiction,
  resources,
}: {
  jurisdiction: string | null;
  resources?: readonly CrisisResource[];
}) {
  const lines = crisisLinesFor(jurisdiction, resources).filter((l) => l.phone || l.text);
  return (
    <section className="card crisis-lines" aria-labelledby="crisis-lines-title">
      <h2 id="crisis-lines-title">Help now</h2>
      <ul>
        {lines.map((l) => (
          <li key={l.id}>
            <p className="crisis-line-name">
              <strong>{l.name}</strong>
              {l.region !== "US" && <span className="muted"> ({l.region})</span>}
            </p>
            <p className="help-actions">
              {l.phone && (
                <a className="button primary" href={telHref(l.phone)}>
                  Call {l.phone}
                </a>
              )}
              {l.text && (
                <a className="button" href={`sms:${l.text.replaceAll("-", "")}`}>
                  Text {l.text}
                </a>
              )}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/help">All help lines and what each is for</Link>
      </p>
    </section>
  );
}
