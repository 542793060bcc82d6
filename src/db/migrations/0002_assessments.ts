import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("instrument", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("total", "double precision")
    .addColumn("band", "text")
    .addColumn("red_flag", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("taken_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addCheckConstraint("assessments_red_flag_check", sql`red_flag in (0, 1)`)
    .execute();
  await db.schema
    .createIndex("assessments_user_taken_idx")
    .on("assessments")
    .columns(["user_id", "taken_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("assessments").execute();
}
