import type { PendingChange } from "../../core/legal/jurisdiction.ts";
import { StatusBadge } from "../components/Badges.tsx";
import { formatCalendarDay } from "../components/labels.ts";
import { SourceList } from "../components/SourceList.tsx";

/** "Checked on <date>", or plainly that no person of the project has compared it with its source. */
export function CheckedOn({ checkedOn, asOf }: { checkedOn: string | undefined; asOf: string }) {
  return checkedOn !== undefined ? (
    <p className="checked-on" data-testid="checked-on">
      Checked on <strong>{formatCalendarDay(checkedOn)}</strong>
      <span className="muted"> against its source (source dated {formatCalendarDay(asOf)})</span>
    </p>
  ) : (
    <p className="checked-on" data-testid="checked-on">
      <strong>Not yet checked</strong> against its source by Mitra
      <span className="muted"> (source dated {formatCalendarDay(asOf)})</span>
    </p>
  );
}

/** The plain "past its review" note: counted from the last check, not from the law's age. */
export function StaleNote({
  checkedOn,
  compact = false,
}: {
  checkedOn: string | undefined;
  compact?: boolean;
}) {
  const when =
    checkedOn !== undefined
      ? `It was last checked on ${formatCalendarDay(checkedOn)}, more than 12 months ago.`
      : "Nobody has checked it against its source in the last 12 months.";
  return (
    <p className="stale-note" data-testid="stale-note">
      <strong>Past its review date: this may be out of date.</strong> {when}
      {compact ? "" : " Laws change; check the sources or a local authority before relying on it."}
    </p>
  );
}

const PENDING_KIND_LABEL: Record<PendingChange["kind"], string> = {
  bill: "Bill",
  "notice-of-intent": "Notice of intent",
  "proposed-rule": "Proposed rule",
  "emergency-rule": "Emergency rule",
};

/** Proposed or pending changes, apart from the status in force: none of them is the law yet. */
export function PendingChanges({ pending }: { pending: readonly PendingChange[] }) {
  return (
    <section className="pending-law" data-testid="pending-law" aria-label="Pending changes">
      <h5>Pending, not in force</h5>
      <ul>
        {pending.map((p) => (
          <li key={p.title}>
            <p>
              <span className="badge">{PENDING_KIND_LABEL[p.kind]}</span> <strong>{p.title}</strong>
            </p>
            <p>{p.summary}</p>
            <p className="muted small">
              {p.stage}
              {p.dated && <> Dated {formatCalendarDay(p.dated)}.</>}
              {p.expires && <> Lapses on {formatCalendarDay(p.expires)} unless made permanent.</>}
              {!p.verified && " Not yet confirmed in a primary source."}
            </p>
            {p.would_set && (
              <p className="law-level-badges">
                Would make{" "}
                {p.would_set.kratom && (
                  <>
                    kratom <StatusBadge status={p.would_set.kratom} />{" "}
                  </>
                )}
                {p.would_set.seven_oh && (
                  <>
                    7-OH <StatusBadge status={p.would_set.seven_oh} />
                  </>
                )}
              </p>
            )}
            {p.note && <p className="muted small">{p.note}</p>}
            <details>
              <summary>Sources ({p.sources.length})</summary>
              <SourceList sources={p.sources} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
