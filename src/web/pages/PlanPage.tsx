import { useRef, useState } from "react";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { useZonedDay } from "../components/use-zoned-day.ts";
import { PlanCard } from "../plans/PlanCard.tsx";
import { type PlanEditing, PlanEditor } from "../plans/PlanEditor.tsx";
import { PlanFormCard } from "../plans/PlanFormCard.tsx";
import { emptyPlanForm, fromDefinition } from "../plans/plan-form.ts";
import type { PlanResponse } from "../plans/types.ts";
import { useUser } from "../session/session-context.tsx";
import { useCatalog } from "../use-catalog.ts";

type Editing = PlanEditing | null;

/** Plans: the active ones with today's target, adherence and history; a form with a live preview. */
export function PlanPage() {
  const user = useUser();
  const today = useZonedDay(user.timeZone);
  const catalog = useCatalog();
  const substances = catalog === null ? null : catalog?.substances;
  const list = useRouteQuery(contract.listPlans);
  const plans = list.isError ? null : list.data?.plans;
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLElement>(null);
  // The first time the list is in: with no active plan, the form for a new one opens.
  const [opened, setOpened] = useState(false);
  if (!opened && plans) {
    setOpened(true);
    if (!plans.some((p) => p.status === "active")) {
      setEditing({ form: emptyPlanForm(today), key: Date.now() });
    }
  }

  function startEditing(next: NonNullable<Editing>) {
    setEditing(next);
    setNotice(null);
    requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: "start" }));
  }

  function saved(response: PlanResponse, changed: boolean) {
    setEditing(null);
    const replacedCount = response.replaced.length;
    setNotice(
      changed
        ? `Plan saved as version ${response.plan.current.version}.`
        : `Plan saved.${replacedCount > 0 ? " Your earlier plan for this substance has ended." : ""}`,
    );
  }

  if (plans === undefined || substances === undefined) {
    return <p className="loading">Loading…</p>;
  }
  const active = plans?.filter((p) => p.status === "active") ?? [];
  const ended = plans?.filter((p) => p.status === "ended") ?? [];
  const editingPlan = editing?.planId;

  return (
    <div className="page plan-page">
      <header className="page-header">
        <h1>Plan</h1>
        <p className="muted">
          A taper steps your daily amount down; a titration steps it up. Mitra checks every dose you
          log against the plan in force.
        </p>
      </header>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {plans === null && (
        <p className="form-error" role="alert">
          Your plans could not be loaded. Check your connection and reload.
        </p>
      )}
      {active.map((plan) => (
        <PlanCard
          key={`${plan.id}-${plan.current.version}`}
          plan={plan}
          today={today}
          timeZone={user.timeZone}
          substances={substances}
          onChange={() =>
            startEditing({
              planId: plan.id,
              form: fromDefinition(plan.current.definition),
              key: Date.now(),
            })
          }
          onEnded={() => setNotice("Plan ended. It stays in your history.")}
        />
      ))}
      {editing ? (
        <PlanFormCard
          ref={formRef}
          titleId="plan-form-title"
          title={editingPlan ? "Change plan" : "New plan"}
        >
          <PlanEditor
            editing={editing}
            substances={substances}
            activePlans={active}
            onSaved={saved}
            {...(active.length > 0 ? { onCancel: () => setEditing(null) } : {})}
          />
        </PlanFormCard>
      ) : (
        <button
          type="button"
          className="primary plan-new"
          onClick={() => startEditing({ form: emptyPlanForm(today), key: Date.now() })}
        >
          New plan
        </button>
      )}
      {ended.length > 0 && (
        <section aria-labelledby="plan-earlier" className="plan-earlier">
          <h2 id="plan-earlier">Earlier plans</h2>
          {ended.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              today={today}
              timeZone={user.timeZone}
              substances={substances}
            />
          ))}
        </section>
      )}
    </div>
  );
}
