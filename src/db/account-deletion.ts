import type { Kysely } from "kysely";
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
