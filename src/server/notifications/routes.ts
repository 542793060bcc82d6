import { isNotificationKind, KIND_POLICIES } from "../../core/notifications/kinds.ts";
import { loadPreferences, savePreferences } from "../../db/notification-preferences.ts";
import {
  countUnread,
  listDeadEvents,
  listInAppNotifications,
  markRead,
} from "../../db/notifications.ts";
import { inTransaction } from "../../db/transaction.ts";
import { requireRole, requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import {
  deadEventsResponse,
  markReadBody,
  markReadResponse,
  notificationsQuery,
  notificationsResponse,
  preferencesBody,
  unreadResponse,
} from "./schemas.ts";

/**
 * The in-app notification list (each account its own; a clinician's entries about a patient show
 * only while that consent lasts) and the administrators' list of undeliverable events.
 */
export async function notificationRoutes(app: App): Promise<void> {
  const { db } = app.mitra;

  app.get(
    "/api/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "The caller's notifications, newest first, with the unread count",
        querystring: notificationsQuery,
        response: { 200: notificationsResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const rows = await listInAppNotifications(db, user.id, request.query.limit);
      return {
        notifications: rows.flatMap(({ kind, ...n }) =>
          isNotificationKind(kind) ? [{ ...n, kind, label: KIND_POLICIES[kind].label }] : [],
        ),
        unread: await countUnread(db, user.id),
      };
    },
  );

  app.get(
    "/api/notifications/unread",
    {
      schema: {
        tags: ["notifications"],
        summary: "How many of the caller's notifications are unread",
        response: { 200: unreadResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { unread: await countUnread(db, user.id) };
    },
  );

  app.post(
    "/api/notifications/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark the caller's notifications read: the ids given, or all",
        body: markReadBody,
        response: { 200: markReadResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const body = request.body;
      const ids = "all" in body ? "all" : body.ids;
      const marked = await markRead(db, user.id, ids, app.mitra.now());
      return { marked, unread: await countUnread(db, user.id) };
    },
  );

  app.get(
    "/api/notifications/preferences",
    {
      schema: {
        tags: ["notifications"],
        summary: "What the caller chose to be told, and how",
        response: { 200: preferencesBody },
      },
    },
    async (request) => loadPreferences(db, requireUser(request).id),
  );

  app.put(
    "/api/notifications/preferences",
    {
      schema: {
        tags: ["notifications"],
        summary: "Choose what to be told and how: kinds, channels, reminders, quiet hours",
        body: preferencesBody,
        response: { 200: preferencesBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await savePreferences(db, user.id, request.body, app.mitra.now());
      return loadPreferences(db, user.id);
    },
  );

  app.post(
    "/api/notifications/test",
    {
      schema: {
        tags: ["notifications"],
        summary: "Send the caller one test notification on each channel they can receive",
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const now = app.mitra.now();
      await inTransaction(db, async (trx) => {
        await app.mitra.notifier.record(trx, { kind: "test", subjectId: user.id }, now);
      });
      return reply.status(202).send();
    },
  );

  app.get(
    "/api/admin/notifications/dead",
    {
      schema: {
        tags: ["admin"],
        summary: "Notification events that could not be delivered after every retry",
        response: { 200: deadEventsResponse },
      },
    },
    async (request) => {
      requireRole(request, "admin");
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
    },
  );
}
