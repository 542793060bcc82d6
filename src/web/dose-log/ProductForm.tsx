import { useId, useState } from "react";
import { contract } from "../../api/contract.ts";
import { productStrengthProblem } from "../../core/product-form.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { ChoiceField } from "../components/ChoiceField.tsx";
import { newClientId } from "../components/client-id.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Options } from "../components/Options.tsx";
import { TextField } from "../components/TextField.tsx";
import type { Catalog } from "../use-catalog.ts";
import type { Product } from "./types.ts";

const FORMS: { value: Product["form"]; label: string }[] = [
  { value: "leaf-powder", label: "Leaf powder" },
  { value: "capsules", label: "Capsules (leaf powder)" },
  { value: "extract", label: "Extract" },
  { value: "7-oh-product", label: "7-OH product" },
  { value: "other", label: "Something else (magnesium, a medicine…)" },
];

/** The product's fields typed as text, named as the request's body names them. */
type TextName =
  | "vendor"
  | "name"
  | "lot"
  | "gramsPerCapsule"
  | "gramsPerServing"
  | "elementalMgPerUnit";

function optionalNumber(text: string): number | null {
  const t = text.replace(",", ".").trim();
  return t === "" ? null : Number(t);
}

/** Add a product; its id is made when the form opens, so a retried save stores it once. */
export function ProductForm({
  catalog,
  onSaved,
}: {
  catalog: Catalog;
  onSaved: (product: Product) => void;
}) {
  const substanceId = useId();
  const [id] = useState(newClientId);
  const [form, setForm] = useState<Product["form"]>("leaf-powder");
  const [substance, setSubstance] = useState("");
  const [text, setText] = useState<Record<TextName, string>>({
    vendor: "",
    name: "",
    lot: "",
    gramsPerCapsule: "",
    gramsPerServing: "",
    elementalMgPerUnit: "",
  });
  const { vendor, name, lot } = text;
  const perCapsule = text.gramsPerCapsule;
  const perServing = text.gramsPerServing;
  const elemental = text.elementalMgPerUnit;
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const isMagnesium =
    form === "other" &&
    (catalog.substances.find((s) => s.id === substance)?.classes.includes("magnesium") ?? false);

  const create = useRouteMutation(contract.createProduct);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const numbers: [string, string][] = [
      ["gramsPerCapsule", perCapsule],
      ["gramsPerServing", perServing],
      ["elementalMgPerUnit", elemental],
    ];
    const unreadable = numbers.find(([, text]) => Number.isNaN(optionalNumber(text)));
    if (unreadable) {
      setError(
        new ApiFailure(400, "invalid_input", "Check the numbers", [
          { field: `body.${unreadable[0]}`, message: "enter a number like 0.5" },
        ]),
      );
      return;
    }
    const problem = productStrengthProblem({
      form,
      gramsPerCapsule: form === "capsules" ? optionalNumber(perCapsule) : null,
    });
    if (problem) {
      setError(
        new ApiFailure(400, "invalid_input", "Check the product", [
          { field: `body.${problem.field}`, message: problem.message },
        ]),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await create.mutateAsync({
        body: {
          id,
          vendor,
          name,
          form,
          ...(form === "other" && substance !== "" ? { substanceId: substance } : {}),
          lot: lot.trim() === "" ? null : lot.trim(),
          gramsPerCapsule: form === "capsules" ? optionalNumber(perCapsule) : null,
          gramsPerServing:
            form === "capsules" || form === "leaf-powder" ? null : optionalNumber(perServing),
          elementalMgPerUnit: isMagnesium ? optionalNumber(elemental) : null,
        },
      });
      onSaved(res.product);
    } catch (e) {
      setError(e instanceof ApiFailure ? e : new ApiFailure(0, "unknown", String(e)));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (n: string) => error?.fieldMessage(n);
  /** The props of the text field for the body's `field`: its text and its error. */
  const textOf = (field: TextName) => ({
    value: text[field],
    onValue: (value: string) => setText((t) => ({ ...t, [field]: value })),
    error: fieldError(field),
  });
  const known = [
    "vendor",
    "name",
    "form",
    "substanceId",
    "lot",
    "gramsPerCapsule",
    "gramsPerServing",
    "elementalMgPerUnit",
  ];
  const general = error && !known.some((k) => fieldError(k)) ? error.message : undefined;

  return (
    <form onSubmit={submit} noValidate className="product-form">
      <ErrorAlert message={general} />
      <TextField label="Vendor" {...textOf("vendor")} required />
      <TextField label="Product name" {...textOf("name")} required />
      <ChoiceField
        label="Form"
        value={form}
        onChange={(e) => setForm(e.target.value as Product["form"])}
        options={FORMS}
      />
      {form === "other" && (
        <div className="field">
          <label htmlFor={substanceId}>What is it?</label>
          <select
            id={substanceId}
            value={substance}
            onChange={(e) => setSubstance(e.target.value)}
            aria-invalid={fieldError("substanceId") ? true : undefined}
          >
            <option value="">Choose…</option>
            <Options options={catalog.substances.map((s) => ({ value: s.id, label: s.name }))} />
          </select>
          <ErrorAlert message={fieldError("substanceId")} of="field" />
        </div>
      )}
      {form === "capsules" ? (
        <TextField
          label="Grams of leaf per capsule"
          hint="From the label, e.g. 0.5. Mitra needs it to add capsules to your grams of leaf."
          required
          inputMode="decimal"
          {...textOf("gramsPerCapsule")}
        />
      ) : form === "leaf-powder" ? null : (
        <TextField
          label="Grams per serving, tablet or capsule (optional)"
          hint="From the label, if it says."
          inputMode="decimal"
          {...textOf("gramsPerServing")}
        />
      )}
      {isMagnesium && (
        <TextField
          label="Elemental magnesium per tablet or capsule, mg"
          hint="The label's “elemental magnesium” figure, not the weight of the salt."
          inputMode="decimal"
          {...textOf("elementalMgPerUnit")}
        />
      )}
      <TextField label="Lot or batch (optional)" {...textOf("lot")} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Saving…" : "Add product"}
      </button>
    </form>
  );
}
