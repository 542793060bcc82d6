import { type Kysely, PostgresAdapter } from "kysely";
import { type AuditEntry, appendAudit, toAuditRow } from "./audit.ts";
import { preparedQuery } from "./prepared-query.ts";
import type { Database } from "./schema.ts";
import { inTransaction } from "./transaction.ts";

type Row = Record<string, unknown>;
/** The table is chosen by name at run time; its columns by the caller's row type. */
type AnyTables = Record<string, Record<string, unknown>>;

/** The audit entry's values, named apart from any row column. */
interface AuditValues {
  audit_id: string;
  audit_at: string;
  audit_actor_id: string | null;
  audit_subject_id: string | null;
  audit_action: string;
  audit_entity: string;
  audit_entity_id: string | null;
  audit_address: string | null;
  audit_details: string | null;
}

/** The entry's row (`toAuditRow`), each column named `audit_<column>`. */
function auditValues(entry: AuditEntry): AuditValues {
  const row = Object.entries(toAuditRow(entry)).map(([column, v]) => [`audit_${column}`, v]);
  return Object.fromEntries(row) as AuditValues;
}

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * An insert of a row with a client-generated `id` that does nothing when the id exists (a retry),
 * prepared for a table and its columns. Given an audit entry, it also appends that entry when,
 * and only when, the row was inserted, atomically. On PostgreSQL that is one statement (a WITH
 * that inserts the row, then the entry selected from what it inserted): one round trip and one
 * commit instead of four (BEGIN, insert, audit, COMMIT), which is most of a write's cost there.
 * SQLite has no INSERT inside WITH, and a transaction costs it no round trips: it uses one (or
 * joins the caller's). Resolves to whether the row was inserted.
 */
export function auditedInsert<R extends Row>(
  table: keyof Database & string,
  columns: (keyof R & string)[],
) {
  const valuesOf = (p: Row) => Object.fromEntries(columns.map((c) => [c, p[c]]));
  const plain = preparedQuery((db, p: R) =>
    (db as unknown as Kysely<AnyTables>)
      .insertInto(table)
      .values(valuesOf(p))
      .onConflict((oc) => oc.column("id").doNothing()),
  );
  const withAudit = preparedQuery((db, p: R & AuditValues) =>
    (db as unknown as Kysely<AnyTables>)
      .with("written", (qc) =>
        qc
          .insertInto(table)
          .values(valuesOf(p))
          .onConflict((oc) => oc.column("id").doNothing())
          .returning("id"),
      )
      .insertInto("audit_log")
      .columns([
        "id",
        "at",
        "actor_id",
        "subject_id",
        "action",
        "entity",
        "entity_id",
        "address",
        "details",
      ])
      .expression((eb) =>
        eb
          .selectFrom("written")
          .select([
            eb.val(p.audit_id).as("id"),
            eb.val(p.audit_at).as("at"),
            eb.val(p.audit_actor_id).as("actor_id"),
            eb.val(p.audit_subject_id).as("subject_id"),
            eb.val(p.audit_action).as("action"),
            eb.val(p.audit_entity).as("entity"),
            eb.val(p.audit_entity_id).as("entity_id"),
            eb.val(p.audit_address).as("address"),
            eb.val(p.audit_details).as("details"),
          ]),
      ),
  );
  const inserted = (result: { numAffectedRows?: bigint }) =>
    Number(result.numAffectedRows ?? 0) > 0;

  return async (db: Kysely<Database>, row: R, audit?: AuditEntry): Promise<boolean> => {
    if (!audit) return inserted(await plain(db, row));
    if (isPostgres(db)) return inserted(await withAudit(db, { ...row, ...auditValues(audit) }));
    return inTransaction(db, async (trx) => {
      const created = inserted(await plain(trx, row));
      if (created) await appendAudit(trx, audit);
      return created;
    });
  };
}
