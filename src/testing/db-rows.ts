import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** Rows written straight into the database for db tests and made-up practices. */

/** A 2 g kratom leaf dose at `takenAt` with these stored warnings (JSON). */
export async function insertKratomDose(
  db: Kysely<Database>,
  userId: string,
  takenAt: string,
  warnings = "[]",
): Promise<void> {
  await db
    .insertInto("ingestions")
    .values({
      id: randomUUID(),
      user_id: userId,
      substance_id: "kratom-leaf",
      substance_name: null,
      custom_classes: null,
      product_id: null,
      product_info: null,
      amount: 2,
      unit: "g",
      route: null,
      taken_at: takenAt,
      notes: null,
      canonical_amount: 2,
      canonical_unit: "g",
      pool: "kratom-leaf",
      warnings,
      created_at: takenAt,
      updated_at: takenAt,
      deleted_at: null,
    })
    .execute();
}
