import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { insertUser } from "../db/users.ts";

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
