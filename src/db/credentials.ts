import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";
import type { Role } from "./users.ts";

/** Passwords, sessions, disabling and roles of accounts, and one-time reset codes. */

export async function setPasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: now.toISOString() })
    .where("id", "=", userId)
    .execute();
}

/** Ends every session of the person, but `keep` when given; returns how many ended. */
export async function deleteSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  keep?: string,
): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keep) query = query.where("id", "!=", keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Disables or re-enables an account; false when there is no such account. */
export async function setAccountDisabled(
  db: Kysely<Database>,
  userId: string,
  disabled: boolean,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable("users")
    .set({ disabled_at: disabled ? at : null, updated_at: at })
    .where("id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setRole(
  db: Kysely<Database>,
  userId: string,
  role: Role,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ role, updated_at: now.toISOString() })
    .where("id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a new reset code for the person; codes issued before and not used stop working. */
export async function insertResetCode(
  db: Kysely<Database>,
  r: { userId: string; codeHash: string; createdBy: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .deleteFrom("password_reset_codes")
    .where("user_id", "=", r.userId)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("password_reset_codes")
    .values({
      id: randomUUID(),
      user_id: r.userId,
      code_hash: r.codeHash,
      created_by: r.createdBy,
      created_at: r.now.toISOString(),
      expires_at: r.expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
}

/**
 * Uses the person's reset code with this hash, if it is unused and not expired: one statement, so
 * two requests with the same code cannot both use it. True when it was used now.
 */
export async function useResetCode(
  db: Kysely<Database>,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable("password_reset_codes")
    .set({ used_at: at })
    .where("user_id", "=", userId)
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
