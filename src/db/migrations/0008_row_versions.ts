import { type Kysely, sql } from "kysely";

/**
 * A version number on doses and products, raised by every change: an edit is written only onto
 * the version it was based on, so two edits at once cannot lose one another (the API's ETag and
 * If-Match). A dose starts at 1 plus the versions its history already keeps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ["ingestions", "products"]) {
    await db.schema
      .alterTable(table)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
  }
  await sql`update ingestions set version = 1 + (
              select count(*) from ingestion_history h where h.ingestion_id = ingestions.id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["ingestions", "products"]) {
    await db.schema.alterTable(table).dropColumn("version").execute();
  }
}
