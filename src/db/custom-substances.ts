import type { Kysely, Selectable } from "kysely";
import { withAuditEntry } from "./audit.ts";
import type { Database } from "./schema.ts";
import type { CustomSubstancesTable } from "./tables/dose-log.ts";

/** Substances a person added themselves, each with the class it inherits its rules from. */

export interface CustomSubstanceRecord {
  id: string;
  userId: string;
  name: string;
  /** A pickable class id, or null when the person does not know (the engine says "no data"). */
  classId: string | null;
  createdAt: string;
}

function decode(row: Selectable<CustomSubstancesTable>): CustomSubstanceRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    classId: row.class,
    createdAt: row.created_at,
  };
}

/**
 * Stores a custom substance unless the id exists, with its audit entry (`address`: the client's)
 * in the same transaction, then reads back what is stored under that id.
 */
export async function insertCustomSubstance(
  db: Kysely<Database>,
  c: {
    id: string;
    userId: string;
    name: string;
    classId: string | null;
    now: Date;
    address: string | null;
  },
): Promise<{ created: boolean; record: CustomSubstanceRecord }> {
  const at = c.now.toISOString();
  return withAuditEntry(
    db,
    async (trx) => {
      const result = await trx
        .insertInto("custom_substances")
        .values({
          id: c.id,
          user_id: c.userId,
          name: c.name,
          class: c.classId,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column("id").doNothing())
        .executeTakeFirst();
      const row = await trx
        .selectFrom("custom_substances")
        .selectAll()
        .where("id", "=", c.id)
        .executeTakeFirstOrThrow();
      return { created: Number(result.numInsertedOrUpdatedRows ?? 0) > 0, record: decode(row) };
    },
    ({ created }) =>
      created
        ? {
            actorId: c.userId,
            subjectId: c.userId,
            action: "create",
            entity: "custom_substance",
            entityId: c.id,
            address: c.address,
            at: c.now,
          }
        : null,
  );
}

/** A person's custom substances, by name. */
export async function listCustomSubstances(
  db: Kysely<Database>,
  userId: string,
): Promise<CustomSubstanceRecord[]> {
  const rows = await db
    .selectFrom("custom_substances")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(decode);
}

/** The custom substance if it is `userId`'s. */
export async function findOwnCustomSubstance(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<CustomSubstanceRecord | undefined> {
  const row = await db
    .selectFrom("custom_substances")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? decode(row) : undefined;
}
