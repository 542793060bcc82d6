import type { CrisisResource } from "../../core/assessment/crisis-resource.ts";
import crisisData from "../../knowledge/data/crisis-resources.json" with { type: "json" };
import { crisisLinesFor } from "../assessments/crisis-lines.ts";
import { useSession } from "../session/session-context.tsx";

// The file is validated by its schema in the tests and at server start; the browser reads it
// as it is, without shipping the validator.
const loadCrisisResources = () => crisisData.resources as CrisisResource[];

/** A country's (or the EU's) name in English, from the browser's own list: "FR" → "France". */
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
const regionName = (code: string) => regionNames.of(code) ?? code;

/** A number as a tel: or sms: link wants it: no spaces or dashes ("13 11 26" → "131126"). */
const dialable = (number: string) => number.replace(/[\s-]/g, "");

function HelpLine({ line }: { line: CrisisResource }) {
  return (
    <li className="help-line">
      <h3>{line.name}</h3>
      <p>{line.description}</p>
      <p className="help-actions">
        {line.phone && (
          <a className="button primary" href={`tel:${dialable(line.phone)}`}>
            Call {line.phone}
          </a>
        )}
        {line.text && (
          <a className="button" href={`sms:${dialable(line.text)}`}>
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
  const countryName = country ? regionName(country) : "";
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
          <h2 id="help-here">Where you are: {countryName}</h2>
          {hasLocal ? (
            <ul className="help-lines">
              {here.map((l) => (
                <HelpLine key={l.id} line={l} />
              ))}
            </ul>
          ) : (
            <p>
              Mitra has no checked help line for {countryName} yet. Your local emergency number
              still works; the lines below are for other countries.
            </p>
          )}
        </section>
      )}
      {regions.map((region) => (
        <section key={region} className="card" aria-labelledby={`help-${region}`}>
          <h2 id={`help-${region}`}>{regionName(region)}</h2>
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
