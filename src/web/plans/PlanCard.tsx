import { useState } from "react";
import { contract } from "../../api/contract.ts";
import { activePlanLimits, InvalidPlanError } from "../../core/plan/index.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import { useRouteQuery } from "../api-client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type CatalogSubstance, substanceName } from "../use-catalog.ts";
import { formatDay, formatDose } from "./format.ts";
import { PlanAdherence } from "./PlanAdherence.tsx";
import { endSentence, type PlanEnd, PlanHistory, planTerms } from "./PlanHistory.tsx";
import { usePlanWrites } from "./plan-calls.ts";
import type { PlanView, PlanWithVersionsView } from "./types.ts";

interface PlanCardProps {
  plan: PlanView;
  today: string;
  /** The person's zone: the day a plan was ended on is a day there. */
  timeZone: string;
  substances: CatalogSubstance[] | null | undefined;
  onChange?(): void;
  onEnded?(plan: PlanWithVersionsView): void;
  /**
   * Whose plan: the person's own (default, with the version history) or this patient's, for
   * their clinician (no history here: the patient page lists the versions).
   */
  patientId?: string;
  /** The card's heading level: 2 on the person's Plan page, 3 under a "Plans" heading. */
  headingLevel?: 2 | 3;
}

/** Today's numbers for a plan, or why there are none. */
function todayLine(plan: PlanView, today: string): string {
  const d = plan.current.definition;
  try {
    const limits = activePlanLimits(d, today);
    if (limits) return `Today: ${formatDose(limits.targetForDay, d.unit)}`;
  } catch (error) {
    if (error instanceof InvalidPlanError) return "This plan needs correcting: change it.";
    throw error;
  }
  return today < d.startDate ? `Starts ${formatDay(d.startDate)}` : "Past its end date";
}

/** One plan: today's target, its terms, change or end it, its history and adherence. */
export function PlanCard({
  plan,
  today,
  timeZone,
  substances,
  onChange,
  onEnded,
  patientId,
  headingLevel = 2,
}: PlanCardProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const own = patientId === undefined;
  const writes = usePlanWrites(patientId);
  const d = plan.current.definition;
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = plan.status === "active";
  const planEnd: PlanEnd | undefined =
    plan.endedAt === null
      ? undefined
      : {
          at: plan.endedAt,
          reason: plan.endReason,
          day: zonedDay(new Date(plan.endedAt), timeZone),
        };
  const title = `${d.kind === "taper" ? "Taper" : "Titration"}: ${substanceName(substances, d.substanceId)}`;

  // The versions of one's own plan (the list shows only the current one).
  const versions = useRouteQuery(contract.getPlan, { params: { id: plan.id } }, { enabled: own });
  const full = versions.data?.plan ?? null;

  async function end() {
    setEnding(true);
    setError(null);
    try {
      const r = await writes.end(plan.id);
      onEnded?.(r.plan);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The plan could not be ended.");
    } finally {
      setEnding(false);
      setConfirmEnd(false);
    }
  }

  return (
    <section
      className={`card plan-card${active ? "" : " plan-card-ended"}`}
      aria-labelledby={`plan-${plan.id}`}
      data-testid="plan-card"
    >
      <Heading id={`plan-${plan.id}`}>{title}</Heading>
      {active ? (
        <p className="plan-today" data-testid="plan-card-today">
          {todayLine(plan, today)}
        </p>
      ) : (
        <p className="muted" data-testid="plan-card-ended">
          {planEnd ? endSentence(planEnd) : "Ended."}
        </p>
      )}
      <p className="plan-terms">{planTerms(d).join(" · ")}</p>
      <ErrorAlert message={error} />
      {active && (
        <div className="plan-actions">
          {onChange && (
            <button type="button" className="secondary" onClick={onChange}>
              Change plan
            </button>
          )}
          {confirmEnd ? (
            <>
              <button type="button" className="primary" onClick={end} disabled={ending}>
                Yes, end this plan
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmEnd(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirmEnd(true)}>
              End plan
            </button>
          )}
        </div>
      )}
      <details className="plan-details" open={active}>
        <summary className="plan-summary">Taken against planned, last 14 days</summary>
        <PlanAdherence planId={plan.id} {...(patientId === undefined ? {} : { patientId })} />
      </details>
      {own && (
        <details className="plan-details">
          <summary className="plan-summary">
            Version history ({full ? full.versions.length : plan.current.version})
          </summary>
          {full ? (
            <PlanHistory
              versions={full.versions}
              timeZone={timeZone}
              {...(planEnd ? { end: planEnd } : {})}
            />
          ) : (
            <p className="muted">Loading…</p>
          )}
        </details>
      )}
    </section>
  );
}
