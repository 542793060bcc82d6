import type { Kysely } from "kysely";
import type { Profile } from "../core/safety/types.ts";
import { preparedQuery } from "./prepared-query.ts";
import type { Database } from "./schema.ts";

/**
 * Repository of the safety profile: conditions that change the rules and regular medicines. The
 * time zone and jurisdiction live on `users` (see users.ts); `safetyProfileFor` joins both.
 */

export interface ProfileRecord {
  /** Condition ids from conditions.json. */
  conditions: string[];
  /** Catalog substance ids taken regularly. */
  medicines: string[];
  /** Null until the person first saves a profile. */
  updatedAt: string | null;
}

// Prepared: every safety check reads it.
const profileRow = preparedQuery((db, p: { userId: string }) =>
  db.selectFrom("profiles").selectAll().where("user_id", "=", p.userId),
);

/** A person's conditions and medicines; empty lists when they never saved any. */
export async function getProfile(db: Kysely<Database>, userId: string): Promise<ProfileRecord> {
  const [row] = (await profileRow(db, { userId })).rows;
  if (!row) return { conditions: [], medicines: [], updatedAt: null };
  return {
    conditions: JSON.parse(row.conditions) as string[],
    medicines: JSON.parse(row.medicines) as string[],
    updatedAt: row.updated_at,
  };
}

/** Saves (creates or replaces) a person's conditions and medicines. */
export async function saveProfile(
  db: Kysely<Database>,
  userId: string,
  profile: { conditions: readonly string[]; medicines: readonly string[] },
  now: Date,
): Promise<ProfileRecord> {
  const values = {
    conditions: JSON.stringify([...new Set(profile.conditions)]),
    medicines: JSON.stringify([...new Set(profile.medicines)]),
    updated_at: now.toISOString(),
  };
  await db
    .insertInto("profiles")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
  return getProfile(db, userId);
}

/** The safety engine's profile: the person's zone (from users) with conditions and medicines. */
export async function safetyProfileFor(
  db: Kysely<Database>,
  userId: string,
  timeZone: string,
): Promise<Profile> {
  const p = await getProfile(db, userId);
  return { timeZone, conditions: p.conditions, medicines: p.medicines };
}
