import { type ReactNode, useCallback, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { nextDay } from "../../core/zoned-time.ts";
import { useRouteQuery } from "../api-client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { useZonedDay } from "../components/use-zoned-day.ts";
import { DoseRow } from "../dose-log/DoseRow.tsx";
import { dayRange, dayTotals, groupByDay, previousDay } from "../dose-log/days.ts";
import { formatCalendarDay, formatDose } from "../dose-log/format.ts";
import { useUser } from "../session/session-context.tsx";

/** Days the history list shows at first and adds per "Show older". */
const PAGE_DAYS = 14;

function useDoses(from: string, to: string) {
  const read = useRouteQuery(contract.listIngestions, { query: { from, to } });
  // Deleted here: gone from the list at once, before the list is read again.
  const [removed, setRemoved] = useState<string[]>([]);
  const remove = useCallback((id: string) => setRemoved((ids) => [...ids, id]), []);
  const doses = read.data?.ingestions.filter((d) => !removed.includes(d.id));
  return { doses, error: read.error?.message ?? null, remove };
}

/** The doses read: why they could not be, "Loading…" until they are, `none` when there are none. */
function DosesRead<T>({
  doses,
  error,
  none,
  children,
}: {
  doses: T[] | undefined;
  error: string | null;
  none: string;
  children: (doses: T[]) => ReactNode;
}) {
  return (
    <>
      <ErrorAlert message={error} />
      {doses === undefined ? (
        <p className="loading">Loading…</p>
      ) : doses.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        children(doses)
      )}
    </>
  );
}

/** `/history`: recent days with their doses; `/history/:day`: one day with its totals. */
export function HistoryPage() {
  const { day } = useParams();
  const user = useUser();
  const today = useZonedDay(user.timeZone);
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return <DayView day={day} today={today} timeZone={user.timeZone} />;
  }
  return <HistoryList today={today} timeZone={user.timeZone} />;
}

function DayView({ day, today, timeZone }: { day: string; today: string; timeZone: string }) {
  const range = dayRange(day, timeZone);
  const { doses, error, remove } = useDoses(range.from, range.to);
  const ordered = doses ? [...doses].reverse() : undefined;
  usePageTitle(`${day === today ? "Today" : formatCalendarDay(day)} · Dose history`);
  return (
    <div className="page history-page">
      <header className="page-header">
        <p className="eyebrow">Day view</p>
        <h1>{day === today ? "Today" : formatCalendarDay(day)}</h1>
      </header>
      <nav className="day-nav" aria-label="Days">
        <Link className="button compact" to={`/history/${previousDay(day)}`}>
          ← Previous day
        </Link>
        {day < today && (
          <Link className="button compact" to={`/history/${nextDay(day)}`}>
            Next day →
          </Link>
        )}
        <Link className="button compact" to="/history">
          All days
        </Link>
      </nav>
      <DosesRead doses={ordered} error={error} none="Nothing logged this day.">
        {(ordered) => (
          <>
            <section className="card" aria-labelledby="day-totals">
              <h2 id="day-totals">Totals</h2>
              <ul className="totals">
                {dayTotals(ordered).map((t) => (
                  <li key={t.key}>
                    <strong>{formatDose(t.amount, t.unit)}</strong> {t.name}
                  </li>
                ))}
              </ul>
            </section>
            <ul className="dose-list" aria-label="Doses this day">
              {ordered.map((d) => (
                <DoseRow key={d.id} dose={d} timeZone={timeZone} onDeleted={remove} />
              ))}
            </ul>
          </>
        )}
      </DosesRead>
      <p>
        <Link className="button primary" to="/log">
          Log a dose
        </Link>
      </p>
    </div>
  );
}

function HistoryList({ today, timeZone }: { today: string; timeZone: string }) {
  const [days, setDays] = useState(PAGE_DAYS);
  let first = today;
  for (let i = 1; i < days; i++) first = previousDay(first);
  const range = { from: dayRange(first, timeZone).from, to: dayRange(today, timeZone).to };
  const { doses, error, remove } = useDoses(range.from, range.to);
  return (
    <div className="page history-page">
      <header className="page-header">
        <h1>Dose history</h1>
        <p className="muted">
          Your doses of the last {days} days. Changes and deletions are kept in your record's
          history.
        </p>
      </header>
      <DosesRead doses={doses} error={error} none="Nothing logged in these days.">
        {(doses) =>
          groupByDay(doses, timeZone).map((g) => (
            <section key={g.day} className="history-day" aria-labelledby={`day-${g.day}`}>
              <h2 id={`day-${g.day}`}>
                <Link to={`/history/${g.day}`}>
                  {g.day === today ? "Today" : formatCalendarDay(g.day)}
                </Link>
              </h2>
              <ul className="dose-list">
                {g.doses.map((d) => (
                  <DoseRow key={d.id} dose={d} timeZone={timeZone} onDeleted={remove} />
                ))}
              </ul>
            </section>
          ))
        }
      </DosesRead>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => setDays((d) => d + PAGE_DAYS)}>
          Show older
        </button>
        <Link className="button primary" to="/log">
          Log a dose
        </Link>
      </div>
    </div>
  );
}
