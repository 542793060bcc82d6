import { type Kysely, sql } from "kysely";

/**
 * Clinician approval: the licence or role a clinician entered (as entered, never checked by
 * Mitra), and their standing (core/accounts/clinician-approval.ts): null for patients and
 * administrators. Clinicians who signed up before this are `not_required`, so they keep working.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("licence", "text").execute();
  await db.schema
    .alterTable("users")
    .addColumn("approval", "text", (c) =>
      c.check(sql`approval in ('pending', 'approved', 'not_required')`),
    )
    .execute();
  await sql`update users set approval = 'not_required' where role = 'clinician'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("approval").execute();
  await db.schema.alterTable("users").dropColumn("licence").execute();
}
