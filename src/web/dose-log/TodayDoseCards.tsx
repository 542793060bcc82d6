import { Link } from "react-router-dom";
import { WarningList } from "../components/WarningList.tsx";
import { ExposureChart } from "./ExposureChart.tsx";
import { formatClock, formatDose } from "./format.ts";
import { useTodaySummary } from "./use-today-summary.ts";

/** Today's "Taken today" card: each dose with its time, and the day's totals. */
export function TakenTodayCard() {
  const today = useTodaySummary();
  return (
    <section className="card" aria-labelledby="today-doses" data-testid="today-doses">
      <h2 id="today-doses">Taken today</h2>
      {today === undefined ? (
        <p className="muted">Loading…</p>
      ) : today === null ? (
        <p className="muted">Could not load today's doses.</p>
      ) : today.ingestions.length === 0 ? (
        <p className="muted">Nothing logged yet today.</p>
      ) : (
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

/** Today's "Warnings" card: every warning today's doses raise together, worst first. */
export function TodayWarningsCard() {
  const today = useTodaySummary();
  return (
    <section className="card" aria-labelledby="today-warnings" data-testid="today-warnings">
      <h2 id="today-warnings">Warnings</h2>
      {today === undefined ? (
        <p className="muted">Loading…</p>
      ) : today === null ? (
        <p className="muted">Could not load today's warnings.</p>
      ) : today.warnings.length === 0 ? (
        <p className="muted">No open warnings.</p>
      ) : (
        <WarningList warnings={today.warnings} title="Today's warnings" />
      )}
    </section>
  );
}

/** Today's exposure card: the estimated curve, shown as an estimate. */
export function ExposureCard() {
  const today = useTodaySummary();
  if (!today?.exposure) return null;
  return (
    <section className="card" aria-labelledby="today-exposure" data-testid="today-exposure">
      <h2 id="today-exposure">Estimated kratom in your body</h2>
      <ExposureChart exposure={today.exposure} />
    </section>
  );
}
