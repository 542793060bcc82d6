import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { formatAmount } from "../components/format-amount.ts";
import { formatDay } from "./format.ts";
import { usePlanAdherence } from "./plan-calls.ts";
import type { AdherenceResponse } from "./types.ts";

const STATUS_LABEL = {
  under: "under",
  "on-plan": "on plan",
  over: "over",
  "no-plan": "no plan",
  "plan-invalid": "needs correcting",
} as const;

/** Why a day has no target although the plan's schedule would have set one. */
const NOT_GOVERNED_LABEL = {
  ended: "after the plan ended",
  "earlier-plan": "an earlier plan's day",
} as const;

type Day = AdherenceResponse["days"][number];

const statusText = (d: Day) =>
  d.planState === "in-force" ? STATUS_LABEL[d.status] : NOT_GOVERNED_LABEL[d.planState];

/**
 * Taken against planned per day for the last 14 days (the server's default), newest first. Each
 * day is judged against the plan version in force on it (a change counts from the start of the
 * day it was saved), so when the days shown span versions, a column names each day's version.
 */
export function PlanAdherence({
  planId,
  patientId,
}: {
  planId: string;
  /** Whose plan: the person's own (default) or this patient's, for their clinician. */
  patientId?: string;
}) {
  const read = usePlanAdherence(patientId, planId);
  const data = read.isError ? null : read.data;

  if (data === undefined) return <p className="muted">Loading adherence…</p>;
  if (data === null) {
    return (
      <p className="muted">
        {read.error?.code === "scope_not_granted"
          ? "Adherence shows what was taken: the patient does not share their doses with you."
          : "Adherence could not be loaded."}
      </p>
    );
  }
  // Days before the plan started (or after it ended) show only when something was taken; days of
  // a version that needs correcting always show.
  const days = [...data.days]
    .reverse()
    .filter(
      (d) =>
        d.planned !== null ||
        d.status === "plan-invalid" ||
        d.doses > 0 ||
        d.unconvertible.length > 0,
    );
  const inForce = days.filter((d) => d.planned !== null);
  const onPlan = inForce.filter((d) => d.status === "on-plan").length;
  const byVersion = new Set(days.map((d) => d.version)).size > 1;
  /** The unit beside an amount judged in another unit than the current version's. */
  const unitOf = (d: (typeof days)[number]) => (d.unit === data.unit ? "" : ` ${d.unit}`);
  return (
    <div className="plan-adherence" data-testid="plan-adherence">
      <p className="muted">
        {inForce.length === 0
          ? "The plan was not in force in the last 14 days."
          : `On plan ${onPlan} of ${inForce.length} ${inForce.length === 1 ? "day" : "days"} (within ${Math.round(data.tolerance * 100)} % of the target).`}
      </p>
      <table className="plan-table">
        <caption className="visually-hidden">Taken against planned, last 14 days</caption>
        <ColumnHeads
          columns={[
            "Day",
            { key: "planned", label: "Planned", className: "num" },
            { key: "taken", label: "Taken", className: "num" },
            "Status",
            byVersion && {
              key: "version",
              label: <abbr title="Plan version">Ver.</abbr>,
              className: "num",
              abbr: "Plan version",
            },
          ]}
        />
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <td className="nowrap">{formatDay(d.day, { weekday: undefined })}</td>
              <td className="num">
                {d.planned === null ? "–" : `${formatAmount(d.planned)}${unitOf(d)}`}
              </td>
              <td className="num">
                {formatAmount(d.taken)}
                {unitOf(d)}
                {d.unconvertible.length > 0 && (
                  <span className="muted">
                    {" "}
                    + {d.unconvertible.map((u) => `${formatAmount(u.amount)} ${u.unit}`).join(", ")}{" "}
                    not counted
                  </span>
                )}
              </td>
              <td>
                <span className={`plan-status plan-status-${d.status}`}>{statusText(d)}</span>
                {d.dosesTooSoon > 0 && <span className="plan-status-note"> · too soon</span>}
                {d.dosesOverMaxPerDose > 0 && (
                  <span className="plan-status-note"> · dose over max</span>
                )}
              </td>
              {byVersion && (
                <td className="num" data-testid="adherence-version">
                  {d.version}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {data.invalidVersions.length > 0 && (
        <p className="form-error" data-testid="adherence-invalid">
          {data.invalidVersions
            .map(
              (v) =>
                `Version ${v.version} no longer passes validation (${v.issues.map((i) => `${i.field.replace(/^plan\./, "")} ${i.message}`).join("; ")}): its days have no target.`,
            )
            .join(" ")}
        </p>
      )}
      <p className="field-hint">
        Amounts in {data.unit}
        {days.some((d) => d.unit !== data.unit) ? " unless marked" : ""}.
        {byVersion &&
          ` Each day is judged against the plan version in force that day (version ${data.version} is the current one): a change counts from the start of the day it was saved, never for the days before.`}
        {data.endedOn !== null &&
          ` The plan was ended on ${formatDay(data.endedOn, { weekday: undefined })}: it sets no target from that day on.`}
      </p>
    </div>
  );
}
