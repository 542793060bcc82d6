import type { Kysely } from "kysely";
import type { CompiledRules } from "../../core/safety/compile.ts";
import type { IngestionRecord } from "../../db/ingestions.ts";
import { listProducts } from "../../db/products.ts";
import type { Database } from "../../db/schema.ts";

/** A dose as the API shows it: ids with the names a person reads. */
export interface IngestionView {
  id: string;
  substanceId: string;
  substanceName: string;
  custom: boolean;
  productId: string | null;
  productName: string | null;
  amount: number;
  unit: string;
  route: string | null;
  takenAt: string;
  notes: string | null;
  canonical: IngestionRecord["canonical"];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export type IngestionViewer = (r: IngestionRecord) => IngestionView;

/** The name a person reads for a substance id: the catalog's, the custom one kept, or the id. */
export function substanceNameOf(rules: CompiledRules, id: string, kept?: string | null): string {
  return rules.substances.get(id)?.name ?? kept ?? id;
}

/**
 * Builds views for one person's doses (their product names loaded once, deleted ones too). Given
 * the records it will be used for, it skips loading product names when none names a product.
 */
export async function ingestionViewer(
  db: Kysely<Database>,
  rules: CompiledRules,
  userId: string,
  forRecords?: readonly IngestionRecord[],
): Promise<IngestionViewer> {
  const needsProducts = forRecords?.some((r) => r.productId !== null) ?? true;
  const products = new Map(
    needsProducts
      ? (await listProducts(db, userId, { includeDeleted: true })).map((p) => [
          p.id,
          `${p.vendor} ${p.name}`,
        ])
      : [],
  );
  return (r) => ({
    id: r.id,
    substanceId: r.substanceId,
    substanceName: substanceNameOf(rules, r.substanceId, r.substanceName),
    custom: !rules.substances.has(r.substanceId),
    productId: r.productId,
    productName: r.productId === null ? null : (products.get(r.productId) ?? null),
    amount: r.amount,
    unit: r.unit,
    route: r.route,
    takenAt: r.takenAt,
    notes: r.notes,
    canonical: r.canonical,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
    version: r.version,
  });
}
