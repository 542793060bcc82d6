import type { Kysely } from "kysely";
import { type AuditEntry, toAuditRow } from "./audit.ts";
import type { Database } from "./schema.ts";

/** Rows per INSERT: 9 columns each stays far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 500;

/**
 * Appends many audit entries in a few statements (a dashboard read of every consenting patient
 * records one entry per patient). Like `appendAudit`, it only adds: the log is never edited.
 */
export async function appendAuditBatch(
  db: Kysely<Database>,
  entries: readonly AuditEntry[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += ROWS_PER_STATEMENT) {
    const values = entries.slice(start, start + ROWS_PER_STATEMENT).map(toAuditRow);
    await db.insertInto("audit_log").values(values).execute();
  }
}
