import { Link } from "react-router-dom";
import { isPressing } from "../../core/quiet-warnings.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import { WarningList } from "../components/WarningList.tsx";
import type { OutboxEntry } from "../offline/outbox-entry.ts";
import { ExposureChart } from "./ExposureChart.tsx";
import { formatClock, formatDose } from "./format.ts";
import { QuietWarnings } from "./QuietWarnings.tsx";
import type { TodaySummary } from "./types.ts";

/** undefined while loading, null when it could not be loaded. */
type Today = TodaySummary | null | undefined;

/** Doses kept on this device (no connection yet) taken on `day` in `timeZone`. */
export function keptDosesOn(entries: OutboxEntry[], day: string, timeZone: string) {
  return entries.filter(
    (e) =>
      e.kind === "dose" &&
      typeof e.body.takenAt === "string" &&
      zonedDay(e.body.takenAt, timeZone) === day,
  );
}

/**
 * Today's "Taken today" card: each dose with its time, and the day's totals; doses kept on this
 * device and not yet sent are listed too, marked so, so a person can check before taking more.
 */
export function TakenTodayCard({
  today,
  kept,
  timeZone,
}: {
  today: Today;
  kept: OutboxEntry[];
  timeZone: string;
}) {
  const nothing = today?.ingestions.length === 0 && kept.length === 0;
  return (
    <section className="card" aria-labelledby="today-doses" data-testid="today-doses">
      <h2 id="today-doses">Taken today</h2>
      {today === undefined && <p className="muted">Loading…</p>}
      {today === null && <p className="muted">Could not load today's doses from Mitra.</p>}
      {nothing && <p className="muted">Nothing logged yet today.</p>}
      {kept.length > 0 && (
        <ul className="today-doses today-doses-kept" aria-label="Kept on this device, not sent yet">
          {kept.map((e) => (
            <li key={e.id} data-testid="today-kept-dose">
              <span className="dose-time">{formatClock(String(e.body.takenAt), timeZone)}</span>{" "}
              <strong>{e.summary}</strong>{" "}
              <span className="muted">
                (on this device, not sent yet: not checked for warnings)
              </span>
            </li>
          ))}
        </ul>
      )}
      {today && today.ingestions.length > 0 && (
        <>
          <ul className="today-doses">
            {today.ingestions.map((i) => (
              <li key={i.id}>
                <span className="dose-time">{formatClock(i.takenAt, today.timeZone)}</span>{" "}
                <strong>{formatDose(i.amount, i.unit)}</strong> {i.productName ?? i.substanceName}
              </li>
            ))}
          </ul>
          {today.totals.some((t) => t.count > 1) && (
            <ul className="totals" aria-label="Totals today">
              {today.totals
                .filter((t) => t.count > 1)
                .map((t) => (
                  <li key={t.key}>
                    Total <strong>{formatDose(t.amount, t.unit)}</strong> {t.name}{" "}
                    <span className="muted">({t.count} doses)</span>
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
      <div className="button-row">
        <Link className="button primary" to="/log">
          Log a dose
        </Link>
        <Link className="button" to="/history">
          History
        </Link>
      </div>
    </section>
  );
}

/**
 * Today's "Warnings" card: every warning today's doses raise together, worst first (the worst
 * whole, the others one line each). When none is pressing (cautions and notes only) the group
 * is folded under one line that says how many, so it does not push the rest down a phone.
 * Cautions and notes the person said "Got it, quiet for today" to fold into a line of their own.
 */
export function TodayWarningsCard({ today }: { today: Today }) {
  const warnings = today?.warnings ?? [];
  return (
    <section className="card" aria-labelledby="today-warnings" data-testid="today-warnings">
      <h2 id="today-warnings">Warnings</h2>
      {today === undefined ? (
        <p className="muted">Loading…</p>
      ) : today === null ? (
        <p className="muted">Could not load today's warnings.</p>
      ) : warnings.length === 0 ? (
        <p className="muted">No open warnings.</p>
      ) : (
        <QuietWarnings
          warnings={warnings}
          acknowledged={today.acknowledgedWarnings}
          title="Today's warnings"
        >
          {({ shown, actions }) =>
            shown.length === 0 ? null : shown.some(isPressing) ? (
              <WarningList warnings={shown} title="Today's warnings" actions={actions} />
            ) : (
              <details className="warnings-folded" data-testid="warnings-folded">
                <summary>
                  {shown.length === 1
                    ? "1 note for today's doses"
                    : `${shown.length} notes for today's doses`}
                  , none pressing
                </summary>
                <WarningList warnings={shown} title="Today's warnings" actions={actions} />
              </details>
            )
          }
        </QuietWarnings>
      )}
    </section>
  );
}

/** Today's exposure card: the estimated curve, shown as an estimate. */
export function ExposureCard({ today }: { today: Today }) {
  if (!today?.exposure) return null;
  return (
    <section className="card" aria-labelledby="today-exposure" data-testid="today-exposure">
      <h2 id="today-exposure">Estimated kratom in your body</h2>
      <ExposureChart exposure={today.exposure} />
    </section>
  );
}
