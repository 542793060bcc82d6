/** Forms a product comes in (DESIGN.md: leaf powder, capsules, extract, 7-OH product). */
export const PRODUCT_FORMS = [
  "leaf-powder",
  "capsules",
  "extract",
  "7-oh-product",
  "other",
] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];
