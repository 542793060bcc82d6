import type { CrisisResource } from "../../core/assessment/crisis-resource.ts";
import crisisData from "../../knowledge/data/crisis-resources.json" with { type: "json" };
import { crisisLinesFor } from "../assessments/crisis-lines.ts";
import { useSession } from "../session/session-context.tsx";

// The file is validated by its schema in the tests and at server start; the browser reads it
// as it is, without shipping the validator.
const loadCrisisResources = () => crisisData.resources as CrisisResource[];

const REGION_NAMES: Record<string, string> = {
  US: "United States",
  EU: "European Union",
  IE: "Ireland",
  GB: "United Kingdom",
  CA: "Canada",
  AU: "Australia",
  NZ: "New Zealand",
  TH: "Thailand",
};

function HelpLine({ line }: { line: CrisisResource }) {
  return (
    <li className="help-line">
      <h3>{line.name}</h3>
      <p>{line.description}</p>
      <p className="help-actions">
        {line.phone && (
          <a className="button primary" href={`tel:${line.phone.replaceAll("-", "")}`}>
            Call {line.phone}
          </a>
        )}
        {line.text && (
          <a className="button" href={`sms:${line.text.replaceAll("-", "")}`}>
            Text {line.text}
          </a>
        )}
        {line.url && (
          <a className="button" href={line.url} rel="noopener noreferrer" target="_blank">
            Website
          </a>
        )}
      </p>
      {line.hours && <p className="muted">Open {line.hours}</p>}
    </li>
  );
}

/** Crisis and first-line help, reachable from every page, signed in or not. */
export function HelpPage() {
  const lines = loadCrisisResources();
  const regions = [...new Set(lines.map((l) => l.region))];
  const { user } = useSession();
  const place = user?.jurisdiction ?? null;
  const country = place?.slice(0, 2).toUpperCase();
  // crisisLinesFor falls back to every line when none is local; only local ones belong here.
  const here = place === null ? [] : crisisLinesFor(place, lines);
  const hasLocal = here.length > 0 && here.length < lines.length;
  return (
    <div className="page">
      <header className="page-header">
        <h1>Get help now</h1>
        <p className="lead">
          If someone has had a seizure, fainted, has chest pain, trouble breathing or cannot be
          woken, call your emergency number now. For an opioid overdose, give naloxone if you have
          it and call for help.
        </p>
      </header>
      {place !== null && (
        <section className="card crisis-card" aria-labelledby="help-here" data-testid="crisis-card">
          <h2 id="help-here">Where you are: {REGION_NAMES[country ?? ""] ?? country}</h2>
          {hasLocal ? (
            <ul className="help-lines">
              {here.map((l) => (
                <HelpLine key={l.id} line={l} />
              ))}
            </ul>
          ) : (
            <p>
              Mitra has no checked help line for {country} yet. Your local emergency number still
              works; the lines below are for other countries.
            </p>
          )}
        </section>
      )}
      {regions.map((region) => (
        <section key={region} className="card" aria-labelledby={`help-${region}`}>
          <h2 id={`help-${region}`}>{REGION_NAMES[region] ?? region}</h2>
          <ul className="help-lines">
            {lines
              .filter((l) => l.region === region)
              .map((l) => (
                <HelpLine key={l.id} line={l} />
              ))}
          </ul>
        </section>
      ))}
      <p className="footnote">
        Not listed where you are? Your local emergency number still works: Mitra has no verified
        data for your country yet, which does not mean there is no help.
      </p>
    </div>
  );
}
