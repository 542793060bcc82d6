import { type Kysely, SqliteAdapter, sql } from "kysely";
import type { Database } from "./schema.ts";
import { inTransaction } from "./transaction.ts";

export interface DeletedAccount {
  role: string;
  /** Live care links the deletion ended (the person's clinicians, or a clinician's patients). */
  linksEnded: number;
}

/**
 * Deletes a person's account and everything in it, in one transaction: the users row, whose
 * foreign keys cascade to every table that holds their records (sessions, assessments, doses,
 * products, plans, invitations, care links, notes on their record); the audit trail about their
 * data; and sign-in failures kept under their email. Entries in other people's audit trails where
 * this account acted keep only its (now meaningless) id. Returns undefined when there is no such
 * account.
 */
export async function deleteAccount(
  db: Kysely<Database>,
  userId: string,
): Promise<DeletedAccount | undefined> {
  return inTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "email", "role"])
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user) return undefined;
    const links = await trx
      .selectFrom("care_links")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where((eb) => eb.or([eb("patient_id", "=", userId), eb("clinician_id", "=", userId)]))
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("audit_log").where("subject_id", "=", userId).execute();
    await trx
      .deleteFrom("login_failures")
      .where("key", "=", `account:${user.email.toLowerCase()}`)
      .execute();
    await trx.deleteFrom("users").where("id", "=", userId).execute();
    return { role: user.role, linksEnded: Number(links.n) };
  });
}

/**
 * After a deletion on SQLite, copies the write-ahead log into the database file and empties it:
 * the WAL still holds the pages as they were before (with the deleted rows) until a checkpoint,
 * and secure_delete (connection.ts) has zeroed them in the new pages. PostgreSQL: nothing to do
 * here (SECURITY.md says what VACUUM does).
 */
export async function checkpointAfterDeletion(db: Kysely<Database>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}
