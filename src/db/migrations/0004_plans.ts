import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addColumn("ended_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("end_reason", "text")
    .addColumn("replaced_by", "text")
    .addCheckConstraint("plans_status_check", sql`status in ('active', 'ended')`)
    .addCheckConstraint(
      "plans_end_reason_check",
      sql`end_reason is null or end_reason in ('ended', 'replaced')`,
    )
    .execute();
  await db.schema
    .createIndex("plans_user_status_idx")
    .on("plans")
    .columns(["user_id", "status"])
    .execute();
  await db.schema
    .createTable("plan_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("changed_fields", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("plan_versions_plan_version_unique", ["plan_id", "version"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("plan_versions").execute();
  await db.schema.dropTable("plans").execute();
}
