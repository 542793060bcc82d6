import { type FormEvent, type ReactNode, useId, useState } from "react";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { callRoute } from "../api-client.ts";
import { TextField } from "../components/TextField.tsx";
import {
  COA_FIELD_PATH,
  type CoaFormFields,
  coaCheckBody,
  emptyCoaForm,
  type PresenceChoice,
} from "./coa-form.ts";
import type { CoaCheckResponse } from "./types.ts";

function SelectField({
  label,
  value,
  onChange,
  error,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {children}
      </select>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

const PRESENCE_OPTIONS = (
  <>
    <option value="">Not on the certificate</option>
    <option value="absent">Absent (not detected)</option>
    <option value="detected">Detected</option>
  </>
);

/** Enter a certificate's values; blank means not tested. Calls POST /api/coa/check. */
export function CoaForm({
  onResult,
  jurisdiction = null,
}: {
  onResult: (result: CoaCheckResponse) => void;
  /** Where the person lives, when set: the check then applies that place's own caps. */
  jurisdiction?: string | null;
}) {
  const [fields, setFields] = useState<CoaFormFields>(emptyCoaForm);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: keyof CoaFormFields) => (value: string) =>
    setFields((f) => ({ ...f, [key]: value }));
  const errorFor = (key: keyof CoaFormFields) =>
    failure?.fields.find((f) => f.field === `body.${COA_FIELD_PATH[key]}`)?.message;
  const text = (key: keyof CoaFormFields, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      value={fields[key]}
      onChange={(e) => update(key)(e.target.value)}
      error={errorFor(key)}
      {...extra}
    />
  );
  const number = (key: keyof CoaFormFields, label: string, hint?: string) =>
    text(key, label, { inputMode: "decimal", autoComplete: "off", ...(hint ? { hint } : {}) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      onResult(await callRoute(contract.checkCoa, { body: coaCheckBody(fields, jurisdiction) }));
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e : new ApiFailure(0, "unknown", "The check failed."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card coa-form" onSubmit={submit} noValidate>
      {failure && (
        <p className="form-error" role="alert">
          {failure.message}
        </p>
      )}
      <fieldset>
        <legend className="coa-legend">The product</legend>
        {text("productName", "Product name (optional)", {
          hint: "As sold, e.g. “Red Maeng Da capsules”. Strain names are explained.",
        })}
        <SelectField
          label="Form"
          value={fields.form}
          onChange={update("form")}
          error={errorFor("form")}
        >
          <option value="">Leaf powder or capsules</option>
          <option value="dried-botanical">Dried leaf (powder, capsules)</option>
          <option value="botanical-extract">Extract</option>
        </SelectField>
        {number(
          "dailyGrams",
          "Grams you take a day (optional)",
          "Turns metal levels into a daily amount to compare with the limits.",
        )}
        {number(
          "servingGrams",
          "Grams in one serving (optional)",
          "The label's serving size: for caps per serving (e.g. Georgia's 1 mg of 7-OH).",
        )}
        {number(
          "unitGrams",
          "Grams in one unit (optional)",
          "One capsule, tablet, gummy or shot: for caps per unit.",
        )}
        {number(
          "containerGrams",
          "Grams in the whole container (optional)",
          "The net weight: for caps per container (e.g. Mississippi's 0.5 mg of 7-OH).",
        )}
      </fieldset>
      <fieldset>
        <legend className="coa-legend">Alkaloids (% of the product)</legend>
        {number("mitragyninePercent", "Mitragynine %")}
        {number("sevenOhPercent", "7-hydroxymitragynine (7-OH) %")}
        {number("totalAlkaloidsPercent", "Total alkaloids %")}
      </fieldset>
      <fieldset>
        <legend className="coa-legend">Heavy metals (µg/g, the same as ppm)</legend>
        {number("lead", "Lead")}
        {number("arsenic", "Arsenic")}
        {number("cadmium", "Cadmium")}
        {number("mercury", "Mercury")}
      </fieldset>
      <fieldset>
        <legend className="coa-legend">Microbial tests</legend>
        <SelectField
          label="Salmonella"
          value={fields.salmonella}
          onChange={(v) => update("salmonella")(v as PresenceChoice)}
          error={errorFor("salmonella")}
        >
          {PRESENCE_OPTIONS}
        </SelectField>
        <SelectField
          label="E. coli"
          value={fields.eColi}
          onChange={(v) => update("eColi")(v as PresenceChoice)}
          error={errorFor("eColi")}
        >
          {PRESENCE_OPTIONS}
        </SelectField>
        {number("totalAerobicCfuPerG", "Total aerobic count (CFU/g)")}
        {number("yeastMouldCfuPerG", "Yeast and mould (CFU/g)")}
      </fieldset>
      <fieldset>
        <legend className="coa-legend">The certificate</legend>
        {text("lab", "Laboratory")}
        {text("lot", "Lot or batch")}
        {text("testDate", "Test date", { type: "date" })}
        {text("expiryDate", "Expiry date (if printed)", { type: "date" })}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        Check the certificate
      </button>
    </form>
  );
}
