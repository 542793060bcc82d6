import { type Kysely, sql } from "kysely";

/**
 * One active plan per person and substance, and per person and product, enforced by the schema:
 * plans gain the current version's substance_id and product_id, and a partial unique index on
 * each over active plans. Before the indexes, active plans that already cover the same subject
 * (concurrent creation on PostgreSQL could leave several) are resolved as the code would have:
 * the newest stays active, the others are ended as replaced by it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("plans").addColumn("substance_id", "text").execute();
  await db.schema.alterTable("plans").addColumn("product_id", "text").execute();

  const rows = await sql<{
    id: string;
    user_id: string;
    status: string;
    created_at: string;
    definition: string;
  }>`select p.id, p.user_id, p.status, p.created_at, v.definition
       from plans p join plan_versions v on v.plan_id = p.id
      where v.version = (select max(version) from plan_versions where plan_id = p.id)
      order by p.user_id, p.created_at desc, p.id desc`.execute(db);

  const kept = new Map<string, string>(); // `${user}:substance:${id}` -> newest active plan
  const now = new Date().toISOString();
  for (const row of rows.rows) {
    const definition = JSON.parse(row.definition) as { substanceId?: string; productId?: string };
    const substanceId = definition.substanceId ?? null;
    const productId = definition.productId ?? null;
    await sql`update plans set substance_id = ${substanceId}, product_id = ${productId}
               where id = ${row.id}`.execute(db);
    if (row.status !== "active") continue;
    const keys = [
      substanceId ? `${row.user_id}:substance:${substanceId}` : null,
      productId ? `${row.user_id}:product:${productId}` : null,
    ].filter((k): k is string => k !== null);
    const newer = keys.map((k) => kept.get(k)).find((id) => id !== undefined);
    if (newer) {
      await sql`update plans set status = 'ended', ended_at = ${now}, end_reason = 'replaced',
                 replaced_by = ${newer} where id = ${row.id}`.execute(db);
    } else {
      for (const k of keys) kept.set(k, row.id);
    }
  }

  await db.schema
    .createIndex("plans_one_active_substance")
    .on("plans")
    .columns(["user_id", "substance_id"])
    .unique()
    .where(sql.ref("status"), "=", sql.lit("active"))
    .execute();
  await db.schema
    .createIndex("plans_one_active_product")
    .on("plans")
    .columns(["user_id", "product_id"])
    .unique()
    .where(sql.ref("status"), "=", sql.lit("active"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("plans_one_active_product").execute();
  await db.schema.dropIndex("plans_one_active_substance").execute();
  await db.schema.alterTable("plans").dropColumn("product_id").execute();
  await db.schema.alterTable("plans").dropColumn("substance_id").execute();
}
