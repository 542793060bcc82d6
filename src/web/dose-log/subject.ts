import type { Catalog } from "../use-catalog.ts";
import { formatDose } from "./format.ts";
import type { CustomSubstance, Product, RecentSubject } from "./types.ts";

/** What a dose is of: a substance from the catalog, one's own custom substance, or a product. */
export interface DoseSubject {
  key: string;
  substanceId: string;
  productId: string | null;
  label: string;
  /** A second line: the last dose of it, or the product's strength. */
  detail?: string;
  units: string[];
  defaultUnit: string;
}

const PRODUCT_DEFAULT_UNIT: Record<Product["form"], string | undefined> = {
  capsules: "capsule",
  "leaf-powder": "g",
  extract: undefined,
  "7-oh-product": undefined,
  other: undefined,
};

export function unitsOf(
  catalog: Catalog,
  custom: readonly CustomSubstance[],
  substanceId: string,
): string[] {
  return (
    catalog.substances.find((s) => s.id === substanceId)?.units ??
    custom.find((c) => c.id === substanceId)?.units ??
    []
  );
}

function pickUnit(units: string[], preferred?: string): string {
  if (preferred && units.includes(preferred)) return preferred;
  return units[0] ?? "";
}

export function substanceSubject(
  catalog: Catalog,
  custom: readonly CustomSubstance[],
  substanceId: string,
  preferredUnit?: string,
): DoseSubject {
  const units = unitsOf(catalog, custom, substanceId);
  const name =
    catalog.substances.find((s) => s.id === substanceId)?.name ??
    custom.find((c) => c.id === substanceId)?.name ??
    substanceId;
  return {
    key: `s:${substanceId}`,
    substanceId,
    productId: null,
    label: name,
    units,
    defaultUnit: pickUnit(units, preferredUnit),
  };
}

export function productSubject(
  catalog: Catalog,
  custom: readonly CustomSubstance[],
  product: Product,
  preferredUnit?: string,
): DoseSubject {
  const units = unitsOf(catalog, custom, product.substanceId);
  const strength =
    product.gramsPerCapsule !== null
      ? `${formatDose(product.gramsPerCapsule, "g")} per capsule`
      : product.gramsPerServing !== null
        ? `${formatDose(product.gramsPerServing, "g")} per serving`
        : product.substanceName;
  return {
    key: `p:${product.id}`,
    substanceId: product.substanceId,
    productId: product.id,
    label: `${product.vendor} ${product.name}`,
    detail: strength,
    units,
    defaultUnit: pickUnit(units, preferredUnit ?? PRODUCT_DEFAULT_UNIT[product.form]),
  };
}

/** Recent subjects first (with their last dose), then products not among them. */
export function quickSubjects(
  catalog: Catalog,
  custom: readonly CustomSubstance[],
  recent: readonly RecentSubject[],
  products: readonly Product[],
): DoseSubject[] {
  const out: DoseSubject[] = [];
  const seen = new Set<string>();
  for (const r of recent) {
    const product = r.productId ? products.find((p) => p.id === r.productId) : undefined;
    if (r.productId && !product) continue;
    const subject = product
      ? productSubject(catalog, custom, product, r.unit)
      : substanceSubject(catalog, custom, r.substanceId, r.unit);
    subject.detail = `Last: ${formatDose(r.amount, r.unit)}`;
    out.push(subject);
    seen.add(subject.key);
  }
  for (const p of products) {
    const subject = productSubject(catalog, custom, p);
    if (!seen.has(subject.key)) out.push(subject);
  }
  return out;
}
