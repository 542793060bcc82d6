import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";
import type { Role } from "./users.ts";

/** One account as an administrator lists it: who and when, never a password hash or health data. */
export interface DirectoryUser {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  createdAt: string;
  /** The latest sign-in (or registration, which signs in) the audit log holds; null if none. */
  lastSignInAt: string | null;
}

export interface DirectoryQuery {
  role?: Role;
  /** Part of the email address, matched case-insensitively and literally (no wildcards). */
  email?: string;
  limit: number;
  offset: number;
}

/** `%`, `_` and `\` match themselves: the search is for the text typed, not a pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Kysely<Database>, q: Pick<DirectoryQuery, "role" | "email">) {
  let query = db.selectFrom("users");
  if (q.role !== undefined) query = query.where("users.role", "=", q.role);
  if (q.email !== undefined && q.email !== "") {
    // Emails are stored in lower case, so lowering the search makes it case-insensitive on both.
    const pattern = `%${likeLiteral(q.email.toLowerCase())}%`;
    query = query.where(sql<boolean>`users.email like ${pattern} escape '\\'`);
  }
  return query;
}

/** A page of accounts, newest first, and how many match in all. */
export async function listDirectoryUsers(
  db: Kysely<Database>,
  q: DirectoryQuery,
): Promise<{ users: DirectoryUser[]; total: number }> {
  const countRow = await filtered(db, q)
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  const rows = await filtered(db, q)
    .select((eb) => [
      "users.id",
      "users.email",
      "users.display_name",
      "users.role",
      "users.created_at",
      eb
        .selectFrom("audit_log")
        .select((inner) => inner.fn.max("audit_log.at").as("at"))
        .whereRef("audit_log.subject_id", "=", "users.id")
        .whereRef("audit_log.actor_id", "=", "users.id")
        .where("audit_log.action", "in", ["login", "register"])
        .as("last_sign_in_at"),
    ])
    .orderBy("users.created_at", "desc")
    .orderBy("users.id", "desc")
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total: Number(countRow?.n ?? 0),
    users: rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      role: r.role,
      createdAt: r.created_at,
      lastSignInAt: r.last_sign_in_at ?? null,
    })),
  };
}

/** How many accounts each role has (roles without accounts count 0). */
export async function countUsersByRole(db: Kysely<Database>): Promise<Record<Role, number>> {
  const rows = await db
    .selectFrom("users")
    .select((eb) => ["role", eb.fn.countAll<string | number>().as("n")])
    .groupBy("role")
    .execute();
  const counts: Record<Role, number> = { patient: 0, clinician: 0, admin: 0 };
  for (const row of rows) counts[row.role] = Number(row.n);
  return counts;
}
