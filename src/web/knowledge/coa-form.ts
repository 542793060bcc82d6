/** The COA form's fields as typed (strings), and the request body they make. */

export const COA_NUMBER_FIELDS = [
  "mitragyninePercent",
  "sevenOhPercent",
  "totalAlkaloidsPercent",
  "lead",
  "arsenic",
  "cadmium",
  "mercury",
  "totalAerobicCfuPerG",
  "yeastMouldCfuPerG",
  "dailyGrams",
  "servingGrams",
  "unitGrams",
  "containerGrams",
] as const;
export type CoaNumberField = (typeof COA_NUMBER_FIELDS)[number];

export type PresenceChoice = "" | "absent" | "detected";

export interface CoaFormFields extends Record<CoaNumberField, string> {
  productName: string;
  form: "" | "dried-botanical" | "botanical-extract";
  salmonella: PresenceChoice;
  eColi: PresenceChoice;
  lab: string;
  testDate: string;
  expiryDate: string;
  lot: string;
}

export const emptyCoaForm: CoaFormFields = {
  productName: "",
  form: "",
  mitragyninePercent: "",
  sevenOhPercent: "",
  totalAlkaloidsPercent: "",
  lead: "",
  arsenic: "",
  cadmium: "",
  mercury: "",
  salmonella: "",
  eColi: "",
  totalAerobicCfuPerG: "",
  yeastMouldCfuPerG: "",
  lab: "",
  testDate: "",
  expiryDate: "",
  lot: "",
  dailyGrams: "",
  servingGrams: "",
  unitGrams: "",
  containerGrams: "",
};

/** Where each field's value goes in the request body, as the server names it in errors. */
export const COA_FIELD_PATH: Record<keyof CoaFormFields, string> = {
  productName: "productName",
  form: "form",
  mitragyninePercent: "mitragyninePercent",
  sevenOhPercent: "sevenOhPercent",
  totalAlkaloidsPercent: "totalAlkaloidsPercent",
  lead: "heavyMetalsUgPerG.lead",
  arsenic: "heavyMetalsUgPerG.arsenic",
  cadmium: "heavyMetalsUgPerG.cadmium",
  mercury: "heavyMetalsUgPerG.mercury",
  salmonella: "microbial.salmonella",
  eColi: "microbial.eColi",
  totalAerobicCfuPerG: "microbial.totalAerobicCfuPerG",
  yeastMouldCfuPerG: "microbial.yeastMouldCfuPerG",
  lab: "lab",
  testDate: "testDate",
  expiryDate: "expiryDate",
  lot: "lot",
  dailyGrams: "dailyGrams",
  servingGrams: "servingGrams",
  unitGrams: "unitGrams",
  containerGrams: "containerGrams",
};

/**
 * A number as typed ("1,5" is 1.5), or the text itself when it is not a number, so the server
 * names the field; undefined for a blank field, which the check reports as not tested.
 */
function numberOrText(value: string): number | string | undefined {
  const v = value.trim();
  if (v === "") return undefined;
  const n = Number(v.replace(",", "."));
  return Number.isFinite(n) ? n : v;
}

function set(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined || value === "") return;
  const [head, tail] = path.split(".") as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ?? {}) as Record<string, unknown>;
  inner[tail] = value;
  target[head] = inner;
}

/**
 * The body of POST /api/coa/check: blank fields are left out ("not tested", never a pass). With
 * the person's place, the certificate is judged by the strictest rules that apply there.
 */
export function coaCheckBody(
  fields: CoaFormFields,
  jurisdiction: string | null = null,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (jurisdiction !== null) body.jurisdiction = jurisdiction;
  for (const key of Object.keys(COA_FIELD_PATH) as (keyof CoaFormFields)[]) {
    const raw = fields[key];
    const value = (COA_NUMBER_FIELDS as readonly string[]).includes(key)
      ? numberOrText(raw)
      : raw.trim();
    set(body, COA_FIELD_PATH[key], value);
  }
  return body;
}
