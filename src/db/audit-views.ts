import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Audit entries as people read them: with the actor's name and role (null once deleted). */
export interface AuditView {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  subjectId: string | null;
  /** Whose data it was, by name and email (null once that account is deleted). */
  subjectName: string | null;
  subjectEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  address: string | null;
  /** What the entry recorded beyond who, what and when; null in `withoutDetails` listings. */
  details: Record<string, unknown> | null;
}

export interface AuditQuery {
  /** Only entries about this person's data. */
  subjectId?: string;
  /** Only entries by this actor. */
  actorId?: string;
  /** Only entries before this instant (paging backwards). */
  before?: Date;
  /**
   * With `before`: the id of the last entry already shown, so entries at that very instant (a
   * listing writes many at once) come next instead of being skipped. Entries sort by time, then id.
   */
  beforeId?: string;
  limit: number;
  /**
   * Leave out every entry's details (always null): the administrator's listing shows who did
   * what kind of thing to whose account and when, never what a record said (a red flag, the
   * substances a warning named).
   */
  withoutDetails?: boolean;
}

/** Newest first. Read-only: nothing in Mitra edits or deletes an entry through the API. */
export async function queryAudit(db: Kysely<Database>, q: AuditQuery): Promise<AuditView[]> {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .leftJoin("users as subject", "subject.id", "audit_log.subject_id")
    .selectAll("audit_log")
    .select([
      "users.display_name as actorName",
      "users.email as actorEmail",
      "users.role as actorRole",
      "subject.display_name as subjectName",
      "subject.email as subjectEmail",
    ]);
  if (q.subjectId !== undefined) query = query.where("audit_log.subject_id", "=", q.subjectId);
  if (q.actorId !== undefined) query = query.where("audit_log.actor_id", "=", q.actorId);
  if (q.before !== undefined) {
    const at = q.before.toISOString();
    const beforeId = q.beforeId;
    query =
      beforeId === undefined
        ? query.where("audit_log.at", "<", at)
        : query.where((eb) =>
            eb.or([
              eb("audit_log.at", "<", at),
              eb.and([eb("audit_log.at", "=", at), eb("audit_log.id", "<", beforeId)]),
            ]),
          );
  }
  const rows = await query
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actorName,
    actorEmail: r.actorEmail,
    actorRole: r.actorRole,
    subjectId: r.subject_id,
    subjectName: r.subjectName,
    subjectEmail: r.subjectEmail,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    address: r.address,
    details:
      r.details === null || q.withoutDetails
        ? null
        : (JSON.parse(r.details) as Record<string, unknown>),
  }));
}
