import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

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

/** Appends to the audit log. There is no update or delete: the log only grows. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: randomUUID(),
      at: entry.at.toISOString(),
      actor_id: entry.actorId,
      subject_id: entry.subjectId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      address: entry.address ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
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
