import type { ProductForm } from "../../core/product-form.ts";

/**
 * The catalog entry each product form is, unless the product names another: kratom forms map to
 * their own entries so an extract or 7-OH product is never counted as leaf. `other` (magnesium,
 * a medicine...) must name its substance.
 */
export const FORM_SUBSTANCE: Record<ProductForm, string | null> = {
  "leaf-powder": "kratom-leaf",
  capsules: "kratom-capsules",
  extract: "kratom-extract",
  "7-oh-product": "7-oh-product",
  other: null,
};
