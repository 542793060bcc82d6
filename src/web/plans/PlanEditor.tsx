import type { CatalogSubstance } from "../use-catalog.ts";
import { PlanForm } from "./PlanForm.tsx";
import type { PlanFormState } from "./plan-form.ts";
import type { PlanResponse, PlanView } from "./types.ts";

/** The plan being written: a new one, or a change to `planId` (a new version). */
export interface PlanEditing {
  planId?: string;
  form: PlanFormState;
  /** A new key opens a fresh form. */
  key: number;
}

/** The plan form for a new plan or a change, saying that a change keeps the earlier versions. */
export function PlanEditor({
  editing,
  substances,
  activePlans,
  patientId,
  onSaved,
  onCancel,
}: {
  editing: PlanEditing;
  substances: CatalogSubstance[] | null;
  activePlans: PlanView[];
  /** Whose plan: the person's own (default) or this patient's, for their clinician. */
  patientId?: string;
  /** `changed`: the plan existed and got a new version. */
  onSaved(response: PlanResponse, changed: boolean): void;
  onCancel?(): void;
}) {
  const { planId } = editing;
  return (
    <>
      {planId && <p className="muted">Saving adds a new version; earlier versions are kept.</p>}
      <PlanForm
        key={editing.key}
        initial={editing.form}
        {...(planId ? { planId } : {})}
        substances={substances}
        activePlans={activePlans}
        {...(patientId === undefined ? {} : { patientId })}
        onSaved={(r) => onSaved(r, planId !== undefined)}
        {...(onCancel ? { onCancel } : {})}
      />
    </>
  );
}
