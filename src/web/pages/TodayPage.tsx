import { Link } from "react-router-dom";
import { TodayCheckInCard } from "../assessments/TodayCheckInCard.tsx";
import { ExposureCard, TakenTodayCard, TodayWarningsCard } from "../dose-log/TodayDoseCards.tsx";
import { TodayLawCard } from "../knowledge/TodayLawCard.tsx";
import { TodayPlanCard } from "../plans/TodayPlanCard.tsx";
import { useUser } from "../session/session-context.tsx";

function todayLabel(timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(new Date());
}

/** Today: the plan's target, what was taken, the check-in, and open warnings. */
export function TodayPage() {
  const user = useUser();
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{todayLabel(user.timeZone)}</p>
        <h1>Today{user.displayName ? `, ${user.displayName}` : ""}</h1>
      </header>
      <div className="card-grid">
        <TodayPlanCard />
        <TakenTodayCard />
        <TodayWarningsCard />
        <TodayCheckInCard timeZone={user.timeZone} />
        <ExposureCard />
        <TodayLawCard jurisdiction={user.jurisdiction} />
      </div>
      <p className="footnote">
        Mitra records, scores and warns; it does not prescribe. First-line treatments for opioid
        withdrawal exist: <Link to="/learn">learn about them</Link>.
      </p>
    </div>
  );
}
