import type { Kysely } from "kysely";

/**
 * Drops two indexes that are prefixes of wider ones added in 0005 for the dashboard:
 * ingestions (user_id, taken_at) of ingestions_live_idx (user_id, taken_at, deleted_at), and
 * assessments (user_id, taken_at) of assessments_triage_idx (user_id, taken_at, instrument, total,
 * red_flag). Every query that used the narrow one is served by the wide one, and each write no
 * longer updates (and commits the pages of) an index nobody needs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("ingestions_user_taken_idx").execute();
  await db.schema.dropIndex("assessments_user_taken_idx").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("ingestions_user_taken_idx")
    .on("ingestions")
    .columns(["user_id", "taken_at"])
    .execute();
  await db.schema
    .createIndex("assessments_user_taken_idx")
    .on("assessments")
    .columns(["user_id", "taken_at"])
    .execute();
}
