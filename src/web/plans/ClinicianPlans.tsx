import { useRef, useState } from "react";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { useZonedDay } from "../components/use-zoned-day.ts";
import { useCatalog } from "../use-catalog.ts";
import { PlanAdherence } from "./PlanAdherence.tsx";
import { PlanCard } from "./PlanCard.tsx";
import { type PlanEditing, PlanEditor } from "./PlanEditor.tsx";
import { PlanFormCard } from "./PlanFormCard.tsx";
import { emptyPlanForm, fromDefinition } from "./plan-form.ts";
import type { PlanResponse } from "./types.ts";

type Editing = PlanEditing | null;

/**
 * A patient's plans for a clinician they allowed to set them: each active plan with today's
 * target and adherence, to change or end; the patient's own plan form and preview to set a new
 * one or revise one, with that plan's adherence beside the form. Days are the patient's.
 */
export function ClinicianPlans({
  patientId,
  patientName,
  timeZone,
  onChanged,
}: {
  patientId: string;
  patientName: string;
  timeZone: string;
  /** After a plan was set, changed or ended (the page reloads what depends on plans). */
  onChanged?: () => void;
}) {
  const today = useZonedDay(timeZone);
  const catalog = useCatalog();
  const substances = catalog === null ? null : catalog?.substances;
  const list = useRouteQuery(contract.listPatientPlans, { params: { id: patientId } });
  // undefined while loading, null when they could not be loaded.
  const plans = list.isError ? null : list.data?.plans;
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  function startEditing(next: NonNullable<Editing>) {
    setEditing(next);
    setNotice(null);
    requestAnimationFrame(() => {
      formRef.current?.scrollIntoView({ block: "start" });
      formRef.current?.querySelector<HTMLInputElement>("input, select")?.focus();
    });
  }

  async function done(message: string) {
    setEditing(null);
    setNotice(message);
    // The write refreshed this list; waiting for it keeps the notice in place for the focus.
    await list.refetch();
    onChanged?.();
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  function saved(response: PlanResponse, changed: boolean) {
    const replaced =
      response.replaced.length > 0 ? ` ${patientName}'s earlier plan for it ended.` : "";
    void done(
      changed
        ? `Plan saved as version ${response.plan.current.version}.`
        : `Plan set for ${patientName}.${replaced}`,
    );
  }

  if (plans === undefined || substances === undefined) return <p className="loading">Loading…</p>;
  const active = plans?.filter((p) => p.status === "active") ?? [];
  const editingPlan = editing?.planId;

  return (
    <section className="clinician-plans" aria-labelledby="clinician-plans-heading">
      <h2 id="clinician-plans-heading">Plans</h2>
      <p className="muted small">
        {patientName} allowed you to set plans. Every dose they log is checked against the plan in
        force; they see who set or changed it.
      </p>
      <StatusMessage message={notice} className="notice" focusRef={noticeRef} />
      {plans === null && (
        <p className="form-error" role="alert">
          The plans could not be loaded. Check your connection and reload.
        </p>
      )}
      {active.length === 0 && plans !== null && !editing && (
        <p className="muted">No active plan.</p>
      )}
      {active.map((plan) => (
        <PlanCard
          key={`${plan.id}-${plan.current.version}`}
          plan={plan}
          today={today}
          timeZone={timeZone}
          substances={substances}
          patientId={patientId}
          headingLevel={3}
          onChange={() =>
            startEditing({
              planId: plan.id,
              form: fromDefinition(plan.current.definition),
              key: Date.now(),
            })
          }
          onEnded={() => void done(`Plan ended. It stays in ${patientName}'s history.`)}
        />
      ))}
      {editing ? (
        <PlanFormCard
          ref={formRef}
          className="card clinician-plan-editor"
          titleId="clinician-plan-form-title"
          title={editingPlan ? `Change ${patientName}'s plan` : `New plan for ${patientName}`}
          headingLevel={3}
        >
          <div className={editingPlan ? "plan-editor-columns" : undefined}>
            <div>
              <PlanEditor
                editing={editing}
                substances={substances}
                activePlans={active}
                patientId={patientId}
                onSaved={saved}
                onCancel={() => setEditing(null)}
              />
            </div>
            {editingPlan && (
              <aside className="plan-editor-adherence" aria-labelledby="editor-adherence-heading">
                <h4 id="editor-adherence-heading">Taken against planned, last 14 days</h4>
                <PlanAdherence planId={editingPlan} patientId={patientId} />
              </aside>
            )}
          </div>
        </PlanFormCard>
      ) : (
        <button
          type="button"
          className="primary plan-new"
          onClick={() => startEditing({ form: emptyPlanForm(today), key: Date.now() })}
        >
          New plan for {patientName}
        </button>
      )}
    </section>
  );
}
