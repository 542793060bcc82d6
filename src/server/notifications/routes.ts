import { contract } from "../../api/contract.ts";
import { isNotificationKind, KIND_POLICIES } from "../../core/notifications/kinds.ts";
import { loadPreferences, savePreferences } from "../../db/notification-preferences.ts";
import {
  countUnread,
  listDeadEvents,
  listInAppNotifications,
  markRead,
} from "../../db/notifications.ts";
import { inTransaction } from "../../db/transaction.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { handle } from "../http/handle.ts";

/**
 * The in-app notification list (each account its own; a clinician's entries about a patient show
 * only while that consent lasts) and the administrators' list of undeliverable events.
 */
export async function notificationRoutes(app: App): Promise<void> {
  const { db } = app.mitra;

  handle(app, contract.listNotifications, async (request) => {
    const user = requireUser(request);
    const rows = await listInAppNotifications(db, user.id, request.query.limit);
    return {
      notifications: rows.flatMap(({ kind, ...n }) =>
        isNotificationKind(kind) ? [{ ...n, kind, label: KIND_POLICIES[kind].label }] : [],
      ),
      unread: await countUnread(db, user.id),
    };
  });

  handle(app, contract.countUnreadNotifications, async (request) => {
    const user = requireUser(request);
    return { unread: await countUnread(db, user.id) };
  });

  handle(app, contract.markNotificationsRead, async (request) => {
    const user = requireUser(request);
    const body = request.body;
    const ids = "all" in body ? "all" : body.ids;
    const marked = await markRead(db, user.id, ids, app.mitra.now());
    return { marked, unread: await countUnread(db, user.id) };
  });

  handle(app, contract.getNotificationPreferences, async (request) =>
    loadPreferences(db, requireUser(request).id),
  );

  handle(app, contract.saveNotificationPreferences, async (request) => {
    const user = requireUser(request);
    await savePreferences(db, user.id, request.body, app.mitra.now());
    return loadPreferences(db, user.id);
  });

  handle(app, contract.sendTestNotification, async (request, reply) => {
    const user = requireUser(request);
    const now = app.mitra.now();
    await inTransaction(db, async (trx) => {
      await app.mitra.notifier.record(trx, { kind: "test", subjectId: user.id }, now);
    });
    return reply.status(202).send();
  });

  handle(app, contract.listDeadNotifications, async () => {
    const rows = await listDeadEvents(db);
    return {
      events: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        createdAt: r.created_at,
        attempts: Number(r.attempts),
        lastError: r.last_error,
        failedAt: r.finished_at,
      })),
    };
  });
}
