import { randomUUID } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import { preparedQuery } from "./prepared-query.ts";
import type { Database } from "./schema.ts";
import type { AuditLogTable } from "./tables/accounts.ts";

export interface AuditEntry {
  actorId: string | null;
  subjectId: string | null;
  action: "read" | "create" | "update" | "delete" | "login" | "logout" | "register" | string;
  entity: string;
  entityId?: string | null;
  address?: string | null;
  details?: Record<string, unknown>;
  at: Date;
}

type AuditRow = Insertable<AuditLogTable>;

// Prepared: every write appends an entry.
const insertAuditRow = preparedQuery((db, p: AuditRow) =>
  db.insertInto("audit_log").values({
    id: p.id,
    at: p.at,
    actor_id: p.actor_id,
    subject_id: p.subject_id,
    action: p.action,
    entity: p.entity,
    entity_id: p.entity_id,
    address: p.address,
    details: p.details,
  }),
);

/** Appends to the audit log. There is no update or delete: the log only grows. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await insertAuditRow(db, toAuditRow(entry));
}

/** The row an entry is stored as, with a new id. */
export function toAuditRow(entry: AuditEntry): AuditRow {
  return {
    id: randomUUID(),
    at: entry.at.toISOString(),
    actor_id: entry.actorId,
    subject_id: entry.subjectId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    address: entry.address ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}

export function listAuditForSubject(db: Kysely<Database>, subjectId: string, limit = 200) {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject_id", "=", subjectId)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
}

/**
 * Runs a change and, when `entryFor` gives an entry for its result (null: nothing changed), that
 * audit entry, in one transaction: both are stored or neither. Returns the change's result.
 */
export function withAuditEntry<T>(
  db: Kysely<Database>,
  change: (trx: Kysely<Database>) => Promise<T>,
  entryFor: (result: T) => AuditEntry | null,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await change(trx);
    const entry = entryFor(result);
    if (entry) await appendAudit(trx, entry);
    return result;
  });
}
