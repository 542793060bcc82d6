import { type FormEvent, useState } from "react";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { callRoute } from "../api-client.ts";
import { ChoiceField } from "../components/ChoiceField.tsx";
import { TextField } from "../components/TextField.tsx";
import {
  COA_FIELD_PATH,
  type CoaFormFields,
  coaCheckBody,
  emptyCoaForm,
  type PresenceChoice,
} from "./coa-form.ts";
import type { CoaCheckResponse } from "./types.ts";

const FORM_OPTIONS = [
  { value: "", label: "Leaf powder or capsules" },
  { value: "dried-botanical", label: "Dried leaf (powder, capsules)" },
  { value: "botanical-extract", label: "Extract" },
];

const PRESENCE_OPTIONS: { value: PresenceChoice; label: string }[] = [
  { value: "", label: "Not on the certificate" },
  { value: "absent", label: "Absent (not detected)" },
  { value: "detected", label: "Detected" },
];

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
  const choice = (key: keyof CoaFormFields, label: string, options: typeof FORM_OPTIONS) => (
    <ChoiceField
      label={label}
      value={fields[key]}
      onChange={(e) => update(key)(e.target.value)}
      error={errorFor(key)}
      options={options}
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
        {choice("form", "Form", FORM_OPTIONS)}
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
        {choice("salmonella", "Salmonella", PRESENCE_OPTIONS)}
        {choice("eColi", "E. coli", PRESENCE_OPTIONS)}
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
