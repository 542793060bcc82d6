import type { Kysely } from "kysely";

/**
 * Account control: an administrator can disable an account (users.disabled_at; its sessions end
 * and it cannot sign in) and issue one-time password reset codes, stored as SHA-256 hashes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("disabled_at", "text").execute();
  await db.schema
    .createTable("password_reset_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("password_reset_codes_user_idx")
    .on("password_reset_codes")
    .column("user_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("password_reset_codes").execute();
  await db.schema.alterTable("users").dropColumn("disabled_at").execute();
}
