import type { FastifyRequest } from "fastify";
import type { AuditEntry } from "../../db/audit.ts";

/** The audit entry of a change a person makes to a record of their own (a dose, a product). */
export function ownChange(
  request: FastifyRequest,
  change: {
    userId: string;
    action: "create" | "update" | "delete";
    entity: string;
    entityId: string | null;
    at: Date;
    details?: Record<string, unknown>;
  },
): AuditEntry {
  const { userId, ...rest } = change;
  return { ...rest, actorId: userId, subjectId: userId, address: request.ip };
}
