import { Link } from "react-router-dom";
import { substanceName, useCatalog } from "../use-catalog.ts";
import { formatDay, formatDose } from "./format.ts";
import type { PlansToday } from "./types.ts";

/**
 * Today's card: each active plan's target and limits for today, in the person's zone (GET
 * /api/plans/today; undefined while loading, null when it could not be loaded).
 */
export function TodayPlanCard({ today }: { today: PlansToday | null | undefined }) {
  const catalog = useCatalog();
  const substances = catalog === null ? null : catalog?.substances;

  const plans = today?.plans ?? [];
  return (
    <section className="card" aria-labelledby="today-plan" data-testid="today-plan">
      <h2 id="today-plan">Plan for today</h2>
      {today === undefined && <p className="muted">Loading…</p>}
      {today === null && <p className="muted">The plan could not be loaded.</p>}
      {today && plans.length === 0 && (
        <p className="muted">No plan in force today. A plan sets a daily target and limits.</p>
      )}
      {plans.map(({ planId, definition, limits, nextChange }) => (
        <div key={planId} className="today-plan-item">
          <p className="today-plan-target">
            <span className="today-plan-amount">
              {formatDose(limits.targetForDay, limits.unit)}
            </span>{" "}
            of {substanceName(substances, limits.substanceId)} today
          </p>
          <ul className="today-plan-limits">
            {limits.maxPerDose !== undefined && (
              <li>At most {formatDose(limits.maxPerDose, limits.unit)} a dose</li>
            )}
            {limits.statedMaxPerDay !== undefined && (
              <li>At most {formatDose(limits.statedMaxPerDay, limits.unit)} a day</li>
            )}
            {limits.minIntervalHours !== undefined && (
              <li>At least {limits.minIntervalHours} h between doses</li>
            )}
            {nextChange && (
              <li>
                From {formatDay(nextChange.day)}:{" "}
                {formatDose(nextChange.targetPerDay, definition.unit)} a day
              </li>
            )}
          </ul>
        </div>
      ))}
      {today !== null && (
        <Link className="button" to="/plan">
          {plans.length > 0 ? "View plan" : "Set up a plan"}
        </Link>
      )}
    </section>
  );
}
