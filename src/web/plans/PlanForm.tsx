import { type FormEvent, useMemo, useState } from "react";
import {
  coversSameSubject,
  type PlanDefinition,
  planSchedule,
  type ScheduledDay,
  validatePlanForStorage,
} from "../../core/plan/index.ts";
import { ApiFailure } from "../api.ts";
import { ChoiceField } from "../components/ChoiceField.tsx";
import { newClientId } from "../components/client-id.ts";
import { RadioChoices } from "../components/RadioChoices.tsx";
import { TextField } from "../components/TextField.tsx";
import { type CatalogSubstance, substanceName } from "../use-catalog.ts";
import { PlanPreview } from "./PlanPreview.tsx";
import { usePlanWrites } from "./plan-calls.ts";
import {
  formFieldOf,
  issuesByField,
  type PlanFormField,
  type PlanFormState,
  toDefinition,
} from "./plan-form.ts";
import { previewLength } from "./schedule-view.ts";
import type { PlanResponse, PlanView } from "./types.ts";

interface PlanFormProps {
  initial: PlanFormState;
  /** Set when changing a stored plan (adds a version); absent for a new plan. */
  planId?: string;
  substances: CatalogSubstance[] | null;
  activePlans: PlanView[];
  onSaved(response: PlanResponse): void;
  onCancel?(): void;
  /** Whose plan: the person's own (default) or this patient's, for their clinician. */
  patientId?: string;
}

interface Preview {
  definition: PlanDefinition;
  schedule: ScheduledDay[] | null;
  errors: Partial<Record<PlanFormField, string>>;
}

function computePreview(form: PlanFormState): Preview {
  const definition = toDefinition(form);
  const issues = validatePlanForStorage(definition);
  if (issues.length > 0) return { definition, schedule: null, errors: issuesByField(issues) };
  return {
    definition,
    schedule: planSchedule(definition, { days: previewLength(definition) }),
    errors: {},
  };
}

/** Create or change a taper or titration plan, with a live preview computed by core. */
export function PlanForm({
  initial,
  planId,
  substances,
  activePlans,
  onSaved,
  onCancel,
  patientId,
}: PlanFormProps) {
  const writes = usePlanWrites(patientId);
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<PlanFormField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const preview = useMemo(() => computePreview(form), [form]);
  const unit = form.unit.trim() || "unit";
  const substance = substances?.find((s) => s.id === form.substanceId);
  const replacing = planId
    ? []
    : activePlans.filter((p) => coversSameSubject(p.current.definition, preview.definition));

  const errorFor = (field: PlanFormField): string | undefined =>
    serverErrors[field] ?? (submitted || touched.has(field) ? preview.errors[field] : undefined);

  function update<K extends keyof PlanFormState>(key: K, value: PlanFormState[K]) {
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === "substanceId") {
        const chosen = substances?.find((s) => s.id === value);
        if (chosen && !chosen.units.includes(next.unit)) next.unit = chosen.units[0] ?? next.unit;
      }
      return next;
    });
    setTouched((t) => new Set(t).add(key === "stepKind" ? "stepValue" : key));
    setServerErrors((e) => {
      const field = key === "stepKind" ? "stepValue" : key;
      if (!(field in e)) return e;
      const { [field as PlanFormField]: _gone, ...rest } = e;
      return rest;
    });
  }

  const text = (field: PlanFormField) => ({
    value: form[field],
    onChange: (e: { target: { value: string } }) => update(field, e.target.value),
    error: errorFor(field),
  });
  const number = (field: PlanFormField) => ({
    ...text(field),
    inputMode: "decimal" as const,
    autoComplete: "off",
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    const problems = Object.keys(preview.errors).length;
    if (problems > 0) {
      setFailure(
        `Please correct ${problems === 1 ? "the field" : `the ${problems} fields`} marked below.`,
      );
      return;
    }
    setSaving(true);
    try {
      const response = planId
        ? await writes.revise(planId, preview.definition)
        : await writes.create(newClientId(), preview.definition);
      onSaved(response);
    } catch (error) {
      if (error instanceof ApiFailure) {
        const byField: Partial<Record<PlanFormField, string>> = {};
        for (const f of error.fields) {
          const field = formFieldOf(f.field);
          if (field && !byField[field]) byField[field] = f.message;
        }
        setServerErrors(byField);
        setFailure(error.message);
      } else {
        setFailure("Something went wrong. Please try again.");
      }
    } finally {
      setSaving(false);
    }
  }

  const isTaper = form.kind === "taper";
  return (
    <form className="plan-form" onSubmit={submit} noValidate>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <fieldset className="choice plan-kind">
        <legend>Kind of plan</legend>
        <RadioChoices
          name="kind"
          choices={[
            ["taper", "Taper: step the daily amount down"],
            ["titration", "Titration: step the daily amount up"],
          ]}
          value={form.kind}
          onChange={(kind) => update("kind", kind)}
        />
      </fieldset>

      {substances ? (
        <ChoiceField
          label="Substance"
          value={form.substanceId}
          onChange={(e) => update("substanceId", e.target.value)}
          error={errorFor("substanceId")}
          options={[
            { value: "", label: "Choose a substance" },
            ...substances.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      ) : (
        <TextField
          label="Substance id"
          hint="For example kratom-leaf."
          {...text("substanceId")}
          autoComplete="off"
        />
      )}

      {substance && substance.units.length > 0 ? (
        <ChoiceField
          label="Unit"
          value={form.unit}
          onChange={(e) => update("unit", e.target.value)}
          error={errorFor("unit")}
          options={substance.units.map((u) => ({ value: u, label: u }))}
        />
      ) : (
        <TextField label="Unit" hint="For example g, mg or capsule." {...text("unit")} />
      )}

      <div className="field-row">
        <TextField label="Start date" type="date" {...text("startDate")} />
        <TextField label={`Start amount per day (${unit})`} {...number("startAmountPerDay")} />
      </div>

      <fieldset className="choice plan-step-kind">
        <legend>Each step changes the daily amount by</legend>
        <RadioChoices
          name="stepKind"
          choices={[
            ["amount", `A fixed amount (${unit})`],
            ["percent", "A percentage of the current amount"],
          ]}
          value={form.stepKind}
          onChange={(kind) => update("stepKind", kind)}
        />
      </fieldset>

      <div className="field-row">
        <TextField
          label={form.stepKind === "amount" ? `Step (${unit})` : "Step (%)"}
          {...number("stepValue")}
        />
        <TextField label="Step length (days)" inputMode="numeric" {...text("stepLengthDays")} />
      </div>

      <TextField
        label={isTaper ? `Floor (${unit} per day)` : `Ceiling (${unit} per day)`}
        hint={
          isTaper
            ? "The taper stops here. Leave empty to taper to zero."
            : "The titration stops here. Required."
        }
        {...number("limitAmountPerDay")}
      />

      <div className="field-row">
        <TextField label={`Most per dose (${unit})`} hint="Optional." {...number("maxPerDose")} />
        <TextField label={`Most per day (${unit})`} hint="Optional." {...number("maxPerDay")} />
      </div>
      <div className="field-row">
        <TextField
          label="Hours between doses, at least"
          hint="Optional."
          {...number("minHoursBetweenDoses")}
        />
        <TextField label="End date" hint="Optional." type="date" {...text("endDate")} />
      </div>

      <section className="plan-preview-box" aria-labelledby="plan-preview-title">
        <h3 id="plan-preview-title">Preview</h3>
        {preview.schedule ? (
          <PlanPreview plan={preview.definition} schedule={preview.schedule} />
        ) : (
          <p className="muted" data-testid="plan-preview-pending">
            The day-by-day preview appears here once the plan is complete and valid.
          </p>
        )}
      </section>

      {replacing.length > 0 && (
        <p className="plan-replace-note">
          Saving ends your current plan for{" "}
          {substanceName(substances, replacing[0]?.current.definition.substanceId)}. It stays in
          your history.
        </p>
      )}
      <div className="plan-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? "Saving…" : planId ? "Save changes" : "Save plan"}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <p className="footnote">
        Mitra does not choose amounts for you: set the numbers of a plan with your clinician.
      </p>
    </form>
  );
}
