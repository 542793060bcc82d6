import type { Kysely } from "kysely";

/**
 * A clinician's "seen" on a check-in that raised a red flag or a reported sign: who and when.
 * One per clinician and check-in (each clinician's triage is their own); it goes with the
 * check-in and with either account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("check_in_acknowledgements")
    .addColumn("assessment_id", "text", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addColumn("clinician_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("acknowledged_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("check_in_acknowledgements_pk", ["assessment_id", "clinician_id"])
    .execute();
  // Account deletion of a clinician cascades through this index.
  await db.schema
    .createIndex("check_in_acknowledgements_clinician_idx")
    .on("check_in_acknowledgements")
    .column("clinician_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("check_in_acknowledgements").execute();
}
