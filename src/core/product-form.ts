/** Forms a product comes in (DESIGN.md: leaf powder, capsules, extract, 7-OH product). */
export const PRODUCT_FORMS = [
  "leaf-powder",
  "capsules",
  "extract",
  "7-oh-product",
  "other",
] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];

/** What a product must say about its strength, by form (shared by the API and the product form). */
export interface ProductStrength {
  form: ProductForm;
  gramsPerCapsule: number | null;
}

/**
 * Why a product cannot be saved as it is, naming the field, or null. A capsule product needs its
 * grams of leaf per capsule: without it, doses counted in capsules cannot join the day's total in
 * grams nor be checked against a plan.
 */
export function productStrengthProblem(
  p: ProductStrength,
): { field: "gramsPerCapsule"; message: string } | null {
  if (p.form === "capsules" && p.gramsPerCapsule === null) {
    return {
      field: "gramsPerCapsule",
      message:
        "enter the grams of leaf in one capsule, from the label (e.g. 0.5): without it Mitra " +
        "cannot add these capsules to your daily total or check them against your plan",
    };
  }
  return null;
}

/**
 * What to say on a dose whose amount could not be turned into its substance's counting unit
 * (`canonical` null): it is left out of the daily total and the plan check. Null when counted.
 */
export function uncountedDoseNote(dose: {
  canonical: unknown;
  unit: string;
  productId: string | null;
}): string | null {
  if (dose.canonical !== null) return null;
  const lead = "Not counted in your daily total or plan check:";
  return dose.productId !== null
    ? `${lead} the product does not say how much one ${dose.unit} holds. Add its grams per ${dose.unit} on the Products page, then edit this dose.`
    : `${lead} Mitra cannot count an amount in ${dose.unit} for this substance.`;
}
