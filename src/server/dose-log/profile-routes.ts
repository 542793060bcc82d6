import { contract } from "../../api/contract.ts";
import { appendAudit } from "../../db/audit.ts";
import { getProfile, saveProfile } from "../../db/profile.ts";
import { findUserById, updateUserProfile } from "../../db/users.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { type FieldIssue, invalidInput } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import type { DoseLogKnowledge } from "./knowledge.ts";

/**
 * The safety profile: conditions that change the rules and regular medicines, with the time zone
 * and jurisdiction kept on the account (saved through the same function as PATCH /api/me).
 */
export async function profileRoutes(app: App, knowledge: DoseLogKnowledge): Promise<void> {
  const { rules } = knowledge;
  const db = app.mitra.db;
  const conditionIds = new Set(rules.rules.conditions.map((c) => c.id));

  handle(app, contract.getProfile, async (request) => {
    const user = requireUser(request);
    const profile = await getProfile(db, user.id);
    return {
      conditions: profile.conditions,
      medicines: profile.medicines,
      timeZone: user.timeZone,
      jurisdiction: user.jurisdiction,
      updatedAt: profile.updatedAt,
    };
  });

  handle(app, contract.updateProfile, async (request) => {
    const user = requireUser(request);
    const body = request.body;
    const issues: FieldIssue[] = [];
    body.conditions.forEach((id, i) => {
      if (!conditionIds.has(id)) {
        issues.push({
          field: `body.conditions.${i}`,
          message: `not a known condition; known: ${[...conditionIds].join(", ")}`,
        });
      }
    });
    body.medicines.forEach((id, i) => {
      if (!rules.substances.has(id)) {
        issues.push({ field: `body.medicines.${i}`, message: "not a substance in the catalog" });
      }
    });
    if (issues.length > 0) throw invalidInput(issues);
    const now = app.mitra.now();
    const changes = {
      ...(body.timeZone !== undefined ? { time_zone: body.timeZone } : {}),
      ...(body.jurisdiction !== undefined ? { jurisdiction: body.jurisdiction } : {}),
    };
    // The profile, the account's zone and jurisdiction, and the audit entry commit together.
    const profile = await db.transaction().execute(async (trx) => {
      const saved = await saveProfile(trx, user.id, body, now);
      if (Object.keys(changes).length > 0) await updateUserProfile(trx, user.id, changes, now);
      await appendAudit(trx, {
        actorId: user.id,
        subjectId: user.id,
        action: "update",
        entity: "profile",
        entityId: user.id,
        address: request.ip,
        at: now,
        details: { fields: Object.keys(body) },
      });
      return saved;
    });
    const account = await findUserById(db, user.id);
    return {
      conditions: profile.conditions,
      medicines: profile.medicines,
      timeZone: account?.time_zone ?? user.timeZone,
      jurisdiction: account?.jurisdiction ?? null,
      updatedAt: profile.updatedAt,
    };
  });
}
