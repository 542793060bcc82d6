import type { Kysely } from "kysely";
import type { ClinicianApproval } from "../core/accounts/clinician-approval.ts";
import type { Database } from "./schema.ts";

/** Clinicians waiting for approval and not refused (disabled), who waited longest first. */
function pending(db: Kysely<Database>) {
  return db
    .selectFrom("users")
    .where("role", "=", "clinician")
    .where("approval", "=", "pending")
    .where("disabled_at", "is", null);
}

export function listPendingClinicians(db: Kysely<Database>) {
  return pending(db)
    .select(["id", "email", "display_name", "licence", "created_at"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function countPendingClinicians(db: Kysely<Database>): Promise<number> {
  const row = await pending(db)
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sets a clinician's standing; an approval also enables the account if it was disabled. */
export async function setClinicianApproval(
  db: Kysely<Database>,
  userId: string,
  approval: ClinicianApproval,
  now: Date,
): Promise<void> {
  await db
    .updateTable("users")
    .set({
      approval,
      ...(approval === "approved" ? { disabled_at: null } : {}),
      updated_at: now.toISOString(),
    })
    .where("id", "=", userId)
    .execute();
}
