import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("vendor", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("form", "text", (c) => c.notNull())
    .addColumn("substance_id", "text", (c) => c.notNull())
    .addColumn("lot", "text")
    .addColumn("grams_per_capsule", "double precision")
    .addColumn("grams_per_serving", "double precision")
    .addColumn("elemental_mg_per_unit", "double precision")
    .addColumn("certificate", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema.createIndex("products_user_idx").on("products").column("user_id").execute();

  await db.schema
    .createTable("ingestions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("substance_id", "text", (c) => c.notNull())
    .addColumn("substance_name", "text")
    .addColumn("custom_classes", "text")
    .addColumn("product_id", "text", (c) => c.references("products.id").onDelete("set null"))
    .addColumn("product_info", "text")
    .addColumn("amount", "double precision", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("route", "text")
    .addColumn("taken_at", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("canonical_amount", "double precision")
    .addColumn("canonical_unit", "text")
    .addColumn("pool", "text")
    .addColumn("warnings", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema
    .createIndex("ingestions_user_taken_idx")
    .on("ingestions")
    .columns(["user_id", "taken_at"])
    .execute();

  await db.schema
    .createTable("ingestion_history")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ingestion_id", "text", (c) =>
      c.notNull().references("ingestions.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("change", "text", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("previous", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("ingestion_history_ingestion_idx")
    .on("ingestion_history")
    .columns(["ingestion_id", "version"])
    .execute();

  await db.schema
    .createTable("profiles")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("conditions", "text", (c) => c.notNull())
    .addColumn("medicines", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("custom_substances")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("class", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("custom_substances_user_idx")
    .on("custom_substances")
    .column("user_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "custom_substances",
    "profiles",
    "ingestion_history",
    "ingestions",
    "products",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
