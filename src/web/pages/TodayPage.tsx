import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { routeUrl } from "../../api/path.ts";
import { isPressing } from "../../core/quiet-warnings.ts";
import { startOfZonedDay } from "../../core/zoned-time.ts";
import { TodayCheckInCard } from "../assessments/TodayCheckInCard.tsx";
import { TodayRedFlagCard } from "../assessments/TodayRedFlagCard.tsx";
import type { AssessmentListResponse } from "../assessments/types.ts";
import { useZonedDay } from "../components/use-zoned-day.ts";
import { formatClock } from "../dose-log/format.ts";
import {
  ExposureCard,
  keptDosesOn,
  TakenTodayCard,
  TodayWarningsCard,
} from "../dose-log/TodayDoseCards.tsx";
import type { TodaySummary } from "../dose-log/types.ts";
import { TodayLawCard } from "../knowledge/TodayLawCard.tsx";
import { useKeptEntries } from "../offline/use-kept-entries.ts";
import { useLastKnown } from "../offline/use-last-known.ts";
import { TodayPlanCard } from "../plans/TodayPlanCard.tsx";
import type { PlansToday } from "../plans/types.ts";
import { useUser } from "../session/session-context.tsx";

function todayLabel(timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(new Date());
}

/**
 * Today: the one most important thing first (a danger sign reported today, then a dangerous
 * combination among today's doses, then the plan), then what was taken, the check-in, and the
 * rest. Without a connection: the last known plan and doses, and the doses kept on this device;
 * it loads again by itself when the connection returns.
 */
export function TodayPage() {
  const user = useUser();
  const day = useZonedDay(user.timeZone);
  const midnight = startOfZonedDay(day, user.timeZone).toISOString();
  const summary = useLastKnown<TodaySummary>(user.id, contract.getToday.path);
  const plans = useLastKnown<PlansToday>(user.id, contract.getPlansToday.path);
  const checkIns = useLastKnown<AssessmentListResponse>(
    user.id,
    routeUrl(contract.listAssessments.path, {}, { from: midnight, limit: 50 }),
  );
  const kept = keptDosesOn(useKeptEntries(user.id), day, user.timeZone);

  const today = summary.value;
  const redFlag = checkIns.value?.assessments.find((a) => a.redFlag);
  const pressing = today?.warnings.some(isPressing) ?? false;
  const keptAt = [summary.keptAt, plans.keptAt, checkIns.keptAt].filter((t) => t !== null);
  const offline = keptAt.length > 0 || !navigator.onLine;

  const plan = <TodayPlanCard key="plan" today={plans.value} />;
  const warnings = <TodayWarningsCard key="warnings" today={today} />;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{todayLabel(user.timeZone)}</p>
        <h1>Today{user.displayName ? `, ${user.displayName}` : ""}</h1>
      </header>
      <div role="status" aria-live="polite">
        {offline && (
          <p className="card today-offline" data-testid="today-offline">
            You are offline.{" "}
            {keptAt.length > 0
              ? `This is what Mitra last loaded, at ${formatClock(keptAt.sort()[0] ?? "", user.timeZone)}, with the doses kept on this device.`
              : "Doses kept on this device are shown below."}{" "}
            Today loads again by itself when the connection is back.
          </p>
        )}
      </div>
      <div className="card-grid">
        {redFlag && <TodayRedFlagCard checkIn={redFlag} timeZone={user.timeZone} />}
        {pressing ? [warnings, plan] : plan}
        <TakenTodayCard today={today} kept={kept} timeZone={user.timeZone} />
        <TodayCheckInCard
          checkIns={checkIns.value === null ? null : checkIns.value?.assessments}
          timeZone={user.timeZone}
        />
        {!pressing && warnings}
        <ExposureCard today={today} />
        <TodayLawCard jurisdiction={user.jurisdiction} />
      </div>
      <p className="footnote">
        Mitra records, scores and warns; it does not prescribe. First-line treatments for opioid
        withdrawal exist: <Link to="/learn">learn about them</Link>.
      </p>
    </div>
  );
}
