import type { Kysely } from "kysely";

/**
 * A person's "Got it, quiet for today" on a warning: the warning's code and the calendar day (in
 * their time zone when they said it) its repeats stay quiet. One per person, day and code, so
 * saying it again changes nothing; it goes with the account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("warning_acknowledgements")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text", (c) => c.notNull())
    // Leads with user_id: a person's day is one range of it, and account deletion cascades by it.
    .addPrimaryKeyConstraint("warning_acknowledgements_pk", ["user_id", "day", "code"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("warning_acknowledgements").execute();
}
