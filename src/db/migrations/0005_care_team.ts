import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("patient_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("may_set_plans", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("used_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("cancelled_at", "text")
    .addCheckConstraint("invitations_may_set_plans_check", sql`may_set_plans in (0, 1)`)
    .execute();
  await db.schema
    .createIndex("invitations_patient_idx")
    .on("invitations")
    .columns(["patient_id", "created_at"])
    .execute();

  await db.schema
    .createTable("care_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("clinician_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("may_set_plans", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("invitation_id", "text", (c) => c.references("invitations.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addCheckConstraint("care_links_may_set_plans_check", sql`may_set_plans in (0, 1)`)
    .execute();
  // At most one live link per pair; the dashboard starts from the clinician's live links.
  await db.schema
    .createIndex("care_links_live_pair_idx")
    .unique()
    .on("care_links")
    .columns(["clinician_id", "patient_id"])
    .where(sql.ref("revoked_at"), "is", null)
    .execute();
  await db.schema
    .createIndex("care_links_patient_idx")
    .on("care_links")
    .columns(["patient_id", "created_at"])
    .execute();

  await db.schema
    .createTable("clinical_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("clinical_notes_patient_idx")
    .on("clinical_notes")
    .columns(["patient_id", "created_at"])
    .execute();

  // The clinician dashboard's indexes (src/db/triage-signals.ts): every signal reads them alone,
  // never the tables' rows, so 2,000 patients' dashboards stay well under 200 ms.
  await db.schema
    .createIndex("assessments_triage_idx")
    .on("assessments")
    .columns(["user_id", "taken_at", "instrument", "total", "red_flag"])
    .execute();
  await db.schema
    .createIndex("ingestions_live_idx")
    .on("ingestions")
    .columns(["user_id", "taken_at", "deleted_at"])
    .execute();
  await sql`create index ingestions_flagged_idx on ingestions (user_id, taken_at)
    where deleted_at is null
      and (warnings like '%"code":"plan.%' or warnings like '%"code":"interaction.%')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ["ingestions_flagged_idx", "ingestions_live_idx", "assessments_triage_idx"]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const table of ["clinical_notes", "care_links", "invitations"]) {
    await db.schema.dropTable(table).execute();
  }
}
