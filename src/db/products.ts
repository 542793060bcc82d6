import type { Kysely, Selectable } from "kysely";
import type { CertificateOfAnalysis } from "../core/coa/certificate.ts";
import type { ProductForm } from "../core/product-form.ts";
import type { ProductInfo } from "../core/units.ts";
import type { Database } from "./schema.ts";
import type { ProductsTable } from "./tables/dose-log.ts";
import type { VersionedUpdate } from "./versioned-update.ts";

/**
 * Repository of a person's products (vendor, name, form, lot, strength, lab certificate).
 * Deleting keeps the row (deleted_at) so doses logged with it still say what they were.
 */

export interface ProductRecord {
  id: string;
  userId: string;
  vendor: string;
  name: string;
  form: ProductForm;
  substanceId: string;
  lot: string | null;
  gramsPerCapsule: number | null;
  gramsPerServing: number | null;
  elementalMgPerUnit: number | null;
  certificate: CertificateOfAnalysis | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** 1 when created, raised by every change. */
  version: number;
}

export interface ProductFields {
  vendor: string;
  name: string;
  form: ProductForm;
  substanceId: string;
  lot: string | null;
  gramsPerCapsule: number | null;
  gramsPerServing: number | null;
  elementalMgPerUnit: number | null;
  certificate: CertificateOfAnalysis | null;
}

const num = (v: number | null) => (v === null ? null : Number(v));

function decode(row: Selectable<ProductsTable>): ProductRecord {
  return {
    id: row.id,
    userId: row.user_id,
    vendor: row.vendor,
    name: row.name,
    form: row.form,
    substanceId: row.substance_id,
    lot: row.lot,
    gramsPerCapsule: num(row.grams_per_capsule),
    gramsPerServing: num(row.grams_per_serving),
    elementalMgPerUnit: num(row.elemental_mg_per_unit),
    certificate:
      row.certificate === null ? null : (JSON.parse(row.certificate) as CertificateOfAnalysis),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    version: Number(row.version),
  };
}

function encode(f: ProductFields) {
  return {
    vendor: f.vendor,
    name: f.name,
    form: f.form,
    substance_id: f.substanceId,
    lot: f.lot,
    grams_per_capsule: f.gramsPerCapsule,
    grams_per_serving: f.gramsPerServing,
    elemental_mg_per_unit: f.elementalMgPerUnit,
    certificate: f.certificate === null ? null : JSON.stringify(f.certificate),
  };
}

/**
 * What one piece of the product holds, for unit conversion of a dose logged in `unit`: a capsule
 * uses grams per capsule, any other piece or serving grams per serving (each falling back on the
 * other when only one is known: a product has one kind of piece); magnesium labels add the
 * elemental amount per piece.
 */
export function productInfoFor(p: ProductRecord, unit: string): ProductInfo {
  const info: ProductInfo = {};
  const grams =
    unit === "capsule"
      ? (p.gramsPerCapsule ?? p.gramsPerServing)
      : (p.gramsPerServing ?? p.gramsPerCapsule);
  if (grams !== null) info.gramsPerUnit = grams;
  if (p.elementalMgPerUnit !== null) info.elementalMgPerUnit = p.elementalMgPerUnit;
  return info;
}

/** Stores a product unless the id exists, then reads back what is stored under it. */
export async function insertProduct(
  db: Kysely<Database>,
  p: ProductFields & { id: string; userId: string; now: Date },
): Promise<{ created: boolean; record: ProductRecord }> {
  const at = p.now.toISOString();
  const result = await db
    .insertInto("products")
    .values({
      id: p.id,
      user_id: p.userId,
      ...encode(p),
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  const record = await findProduct(db, p.id);
  if (!record) throw new Error(`product ${p.id} vanished after insert`);
  return { created: Number(result.numInsertedOrUpdatedRows ?? 0) > 0, record };
}

/** The product with this id, whoever owns it and even when deleted. */
export async function findProduct(
  db: Kysely<Database>,
  id: string,
): Promise<ProductRecord | undefined> {
  const row = await db.selectFrom("products").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? decode(row) : undefined;
}

/** The product if it is `userId`'s; deleted ones only when asked (old doses still name them). */
export async function findOwnProduct(
  db: Kysely<Database>,
  userId: string,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<ProductRecord | undefined> {
  let query = db
    .selectFrom("products")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", userId);
  if (!options.includeDeleted) query = query.where("deleted_at", "is", null);
  const row = await query.executeTakeFirst();
  return row ? decode(row) : undefined;
}

/** A person's products, newest first. */
export async function listProducts(
  db: Kysely<Database>,
  userId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<ProductRecord[]> {
  let query = db.selectFrom("products").selectAll().where("user_id", "=", userId);
  if (!options.includeDeleted) query = query.where("deleted_at", "is", null);
  const rows = await query.orderBy("created_at", "desc").orderBy("id").execute();
  return rows.map(decode);
}

/**
 * Replaces a person's own product's fields if it is still at `expectedVersion` (else `stale`,
 * with the product as it is now).
 */
export async function updateProduct(
  db: Kysely<Database>,
  u: { id: string; userId: string; fields: ProductFields; now: Date; expectedVersion: number },
): Promise<VersionedUpdate<ProductRecord>> {
  const result = await db
    .updateTable("products")
    .set({ ...encode(u.fields), updated_at: u.now.toISOString(), version: u.expectedVersion + 1 })
    .where("id", "=", u.id)
    .where("user_id", "=", u.userId)
    .where("deleted_at", "is", null)
    .where("version", "=", u.expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const current = await findOwnProduct(db, u.userId, u.id);
    return current ? { outcome: "stale", current } : { outcome: "not_found" };
  }
  const record = await findProduct(db, u.id);
  return record ? { outcome: "updated", record } : { outcome: "not_found" };
}

/** Marks a person's own product deleted. False when there is none. */
export async function deleteProduct(
  db: Kysely<Database>,
  d: { id: string; userId: string; now: Date },
): Promise<boolean> {
  const at = d.now.toISOString();
  const result = await db
    .updateTable("products")
    .set((eb) => ({ deleted_at: at, updated_at: at, version: eb("version", "+", 1) }))
    .where("id", "=", d.id)
    .where("user_id", "=", d.userId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
