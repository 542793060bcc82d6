import type { Kysely, Selectable } from "kysely";
import type { ClinicianApproval } from "../core/accounts/clinician-approval.ts";
import type { Database, UsersTable } from "./schema.ts";

export type UserRow = Selectable<UsersTable>;
export type Role = UsersTable["role"];

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  displayName: string | null;
  timeZone: string;
  now: Date;
  /** A clinician's licence or role as entered, and their standing; none for other accounts. */
  licence?: string | null;
  approval?: ClinicianApproval | null;
}

/** Inserts a user; returns false when the email is already taken. */
export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<boolean> {
  const at = user.now.toISOString();
  const result = await db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email.toLowerCase(),
      password_hash: user.passwordHash,
      role: user.role,
      display_name: user.displayName,
      time_zone: user.timeZone,
      jurisdiction: null,
      licence: user.licence ?? null,
      approval: user.approval ?? null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateUserProfile(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<UserRow, "display_name" | "time_zone" | "jurisdiction">>,
  now: Date,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ ...changes, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** How many accounts exist (whether a new clinician is the installation's first account). */
export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
