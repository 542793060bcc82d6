import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Runs `work` in a transaction: in `db` itself when it is one already (so a route can commit a
 * repository's write together with its audit entry), else in a new one.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
