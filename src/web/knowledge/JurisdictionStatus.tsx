import { StatusBadge } from "../components/Badges.tsx";
import { formatCalendarDay, KIND_LABEL } from "../components/labels.ts";
import { FoldedSources } from "../components/SourceList.tsx";
import { CheckedOn, PendingChanges, StaleNote } from "./ReviewNotes.tsx";
import type { JurisdictionRecord, JurisdictionResponse } from "./types.ts";

function levelName(chain: readonly JurisdictionRecord[], code: string): string {
  const level = chain.find((j) => j.code === code);
  return level ? `${level.name} (${KIND_LABEL[level.kind].toLowerCase()})` : code;
}

/** One level's own rules, its summary and sources. */
function Level({ level }: { level: JurisdictionRecord }) {
  return (
    <li className="law-level">
      <h4>
        {level.name} <span className="muted">· {KIND_LABEL[level.kind]}</span>
      </h4>
      <p className="law-level-badges">
        Kratom <StatusBadge status={level.kratom} /> 7-OH <StatusBadge status={level.seven_oh} />
        {level.min_age !== undefined && <span className="badge">{level.min_age}+</span>}
      </p>
      <p>{level.summary}</p>
      <p className="muted small">
        {level.effective_date && <>In force since {formatCalendarDay(level.effective_date)}. </>}
        {level.checked_on !== undefined
          ? `Checked on ${formatCalendarDay(level.checked_on)}`
          : "Not yet checked against its source by Mitra"}{" "}
        (source dated {formatCalendarDay(level.as_of)})
        {level.stale && <strong className="stale-flag"> (past its review date)</strong>}.
        {!level.verified && " Not yet confirmed in a primary source."}
      </p>
      {level.pending && <PendingChanges pending={level.pending} />}
      {level.note && (
        <details>
          <summary>What is uncertain</summary>
          <p>{level.note}</p>
        </details>
      )}
      <FoldedSources sources={level.sources} />
    </li>
  );
}

/**
 * The law where a person is: the strictest rule along city, county, state and country, which
 * level decided it, the "as of" date, and each level with its own sources.
 */
export function JurisdictionStatus({ resolution }: { resolution: JurisdictionResponse }) {
  const { jurisdiction, parents, effective } = resolution;
  const chain = [jurisdiction, ...parents];
  return (
    <section className="card law-status" aria-labelledby="law-status-name" data-testid="law-status">
      <p className="eyebrow">
        {KIND_LABEL[jurisdiction.kind]} · {jurisdiction.code}
      </p>
      <h2 id="law-status-name">{jurisdiction.name}</h2>
      <CheckedOn checkedOn={resolution.checkedOn} asOf={resolution.asOf} />
      {resolution.stale && <StaleNote checkedOn={resolution.checkedOn} />}
      <dl className="law-facts">
        <div className="law-fact">
          <dt>Kratom</dt>
          <dd>
            <StatusBadge status={effective.kratom} />
            <span className="decided-by">Decided by {levelName(chain, effective.decidedBy)}</span>
          </dd>
        </div>
        <div className="law-fact">
          <dt>7-OH products</dt>
          <dd>
            <StatusBadge status={effective.sevenOh} />
            <span className="decided-by">
              Decided by {levelName(chain, effective.sevenOhDecidedBy)}
            </span>
          </dd>
        </div>
        <div className="law-fact">
          <dt>Minimum age</dt>
          <dd>
            {effective.minAge !== undefined && effective.minAgeDecidedBy !== undefined ? (
              <>
                <strong>{effective.minAge}</strong>
                <span className="decided-by">
                  Set by {levelName(chain, effective.minAgeDecidedBy)}
                </span>
              </>
            ) : (
              <span className="muted">No law in Mitra's records sets one.</span>
            )}
          </dd>
        </div>
      </dl>
      {resolution.uncheckedAt.length > 0 && (
        <p className="muted small">
          Not yet checked by Mitra:{" "}
          {resolution.uncheckedAt.map((c) => levelName(chain, c)).join(", ")}.
        </p>
      )}
      {effective.unclearAt.length > 0 && (
        <p className="muted small">
          Unclear at: {effective.unclearAt.map((c) => levelName(chain, c)).join(", ")}. Where a
          level is unclear, Mitra never reads it as legal.
        </p>
      )}
      {resolution.missingParent && (
        <p className="muted small">
          Mitra has no record for {resolution.missingParent}, which also applies here: its rules are
          not known.
        </p>
      )}
      <h3>Level by level</h3>
      <p className="muted small">
        Where levels differ, the strictest rule applies: a city's ban holds even where the state
        allows kratom.
      </p>
      <ol className="law-levels">
        {chain.map((level) => (
          <Level key={level.code} level={level} />
        ))}
      </ol>
    </section>
  );
}
