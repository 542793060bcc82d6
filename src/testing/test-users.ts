import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { insertUser } from "../db/users.ts";
import { hashPassword } from "../server/auth/passwords.ts";

/**
 * Inserts an account straight into the database for repository tests (no password that signs
 * in) and returns its id.
 */
export async function insertTestUser(
  db: Kysely<Database>,
  options: { id?: string; role?: "patient" | "clinician" | "admin"; timeZone?: string } = {},
): Promise<string> {
  const id = options.id ?? randomUUID();
  await insertUser(db, {
    id,
    email: `${id}@example.org`,
    passwordHash: "x",
    role: options.role ?? "patient",
    displayName: null,
    timeZone: options.timeZone ?? "UTC",
    now: new Date("2026-01-01T00:00:00Z"),
  });
  return id;
}

/** Inserts the administrator "Ada Admin", who signs in with `password` (as `mitra create-admin`). */
export async function insertAdmin(
  db: Kysely<Database>,
  admin: { email: string; password: string },
  now: Date,
): Promise<void> {
  await insertUser(db, {
    id: randomUUID(),
    email: admin.email,
    passwordHash: await hashPassword(admin.password),
    role: "admin",
    displayName: "Ada Admin",
    timeZone: "UTC",
    now,
  });
}
