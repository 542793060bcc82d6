import { contract } from "../../api/contract.ts";
import { doseNotificationKinds } from "../../core/notifications/dose-signals.ts";
import type { Warning } from "../../core/warning.ts";
import { withAuditEntry } from "../../db/audit.ts";
import {
  deleteIngestion,
  findIngestion,
  findOwnIngestion,
  type IngestionRecord,
  ingestionHistory,
  insertIngestion,
  listIngestions,
  recentSubjects,
  updateIngestion,
} from "../../db/ingestions.ts";
import { listProducts } from "../../db/products.ts";
import { inTransaction } from "../../db/transaction.ts";
import { ownChange } from "../audit/own-change.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import { etagOf, patchVersioned } from "../http/etag.ts";
import { handle } from "../http/handle.ts";
import { doseWindowEvent } from "../notifications/dose-window.ts";
import type { NotifyEvent } from "../notifications/notifier.ts";
import { type ResolvedDose, resolveDose } from "./dose-input.ts";
import { ingestionViewer, substanceNameOf } from "./ingestion-view.ts";
import type { DoseLogKnowledge } from "./knowledge.ts";
import { checkDose } from "./safety-context.ts";

/** Doses a list returns when the client does not say. */
const DEFAULT_LIST_LIMIT = 500;
/** How many recent substances and products the log form offers first. */
const RECENT_LIMIT = 8;

const idConflict = () =>
  new ApiError(409, "id_conflict", "This id is already used. Generate a new one and try again.", {
    fields: [{ field: "body.id", message: "already used by another record" }],
  });

/** The dose log: log (idempotent), check without saving, list, edit and delete one's own. */
export async function ingestionRoutes(app: App, knowledge: DoseLogKnowledge): Promise<void> {
  const { rules } = knowledge;
  const db = app.mitra.db;

  handle(app, contract.createIngestion, async (request, reply) => {
    const user = requireUser(request);
    const body = request.body;
    let dose: ResolvedDose;
    let warnings: Warning[];
    try {
      dose = await resolveDose(app, rules, user.id, body.id, body);
      warnings = await checkDose(app, rules, user, dose.candidate);
    } catch (error) {
      // A retry of a stored dose answers with the stored one even when its body no longer
      // checks out (its product deleted since, say); the id is looked up only on this path.
      const existing = await findIngestion(db, body.id);
      if (!existing) throw error;
      if (existing.userId !== user.id) throw idConflict();
      const view = await ingestionViewer(db, rules, user.id, [existing]);
      return { ingestion: view(existing), warnings: existing.warnings };
    }
    const now = app.mitra.now();
    // The dose and its audit entry commit together: a crash between them cannot leave a
    // dose without its "create" entry. A retry of the same id inserts nothing and answers
    // with the stored dose and the warnings it was saved with.
    const store = (trx: typeof db) =>
      insertIngestion(
        trx,
        { id: body.id, userId: user.id, ...dose.fields, warnings, now },
        ownChange(request, {
          userId: user.id,
          action: "create",
          entity: "ingestion",
          entityId: body.id,
          at: now,
          details: { warnings: warnings.map((w) => w.code) },
        }),
      );
    // The notifications commit with the dose (the outbox), or not at all: the care team's, and
    // the person's own reminder when their next dose window opens (if they asked for it).
    const events: NotifyEvent[] = doseNotificationKinds(warnings).map((kind) => ({
      kind,
      subjectId: user.id,
    }));
    const window = await doseWindowEvent(db, user, dose.candidate, now);
    if (window) events.push(window);
    const { created, record } =
      events.length === 0
        ? await store(db)
        : await inTransaction(db, async (trx) => {
            const stored = await store(trx);
            if (stored.created) {
              for (const event of events) await app.mitra.notifier.record(trx, event, now);
            }
            return stored;
          });
    if (record.userId !== user.id) throw idConflict();
    const view = await ingestionViewer(db, rules, user.id, [record]);
    reply.status(created ? 201 : 200);
    return { ingestion: view(record), warnings: record.warnings };
  });

  handle(app, contract.checkSafety, async (request) => {
    const user = requireUser(request);
    const body = request.body;
    const id = body.id ?? crypto.randomUUID();
    const own = body.id ? await findOwnIngestion(db, user.id, body.id) : undefined;
    const dose = await resolveDose(app, rules, user.id, id, body, {
      keepProductId: own?.productId ?? null,
    });
    return { warnings: await checkDose(app, rules, user, dose.candidate) };
  });

  handle(app, contract.listIngestions, async (request) => {
    const user = requireUser(request);
    const q = request.query;
    const records = await listIngestions(db, user.id, {
      ...(q.from !== undefined ? { from: new Date(q.from) } : {}),
      ...(q.to !== undefined ? { to: new Date(q.to) } : {}),
      limit: q.limit ?? DEFAULT_LIST_LIMIT,
    });
    const view = await ingestionViewer(db, rules, user.id);
    return { ingestions: records.map(view) };
  });

  handle(app, contract.listRecentSubjects, async (request) => {
    const user = requireUser(request);
    const [recent, products] = await Promise.all([
      recentSubjects(db, user.id, RECENT_LIMIT),
      listProducts(db, user.id),
    ]);
    const live = new Map(products.map((p) => [p.id, `${p.vendor} ${p.name}`]));
    return {
      recent: recent
        .filter((r) => r.productId === null || live.has(r.productId))
        .map((r) => ({
          ...r,
          substanceName: substanceNameOf(rules, r.substanceId, r.substanceName),
          productName: r.productId === null ? null : (live.get(r.productId) ?? null),
        })),
    };
  });

  handle(app, contract.getIngestion, async (request, reply) => {
    const user = requireUser(request);
    const record = await findOwnIngestion(db, user.id, request.params.id);
    if (!record) throw notFound("That dose");
    reply.header("etag", etagOf(record.version));
    const view = await ingestionViewer(db, rules, user.id);
    return { ingestion: view(record), warnings: record.warnings };
  });

  handle(app, contract.getIngestionHistory, async (request) => {
    const user = requireUser(request);
    const record = await findIngestion(db, request.params.id);
    if (!record || record.userId !== user.id) throw notFound("That dose");
    const view = await ingestionViewer(db, rules, user.id);
    const versions = await ingestionHistory(db, record.id);
    return {
      ingestion: view(record),
      versions: versions.map((v) => ({
        version: v.version,
        change: v.change,
        changedBy: v.changedBy,
        changedAt: v.changedAt,
        previous: view(v.previous),
      })),
    };
  });

  handle(app, contract.updateIngestion, async (request, reply) => {
    const user = requireUser(request);
    const body = request.body;
    const view = async (record: IngestionRecord) =>
      (await ingestionViewer(db, rules, user.id, [record]))(record);
    let warnings: Warning[] = [];
    const updated = await patchVersioned(
      request,
      reply,
      "That dose",
      async (expected) => {
        const existing = await findOwnIngestion(db, user.id, request.params.id);
        if (!existing) return { outcome: "not_found" } as const;
        if (expected !== undefined && expected !== existing.version) {
          return { outcome: "stale", current: existing } as const;
        }
        const productId =
          body.productId !== undefined
            ? body.productId
            : body.substance !== undefined
              ? null
              : existing.productId;
        const dose = await resolveDose(
          app,
          rules,
          user.id,
          existing.id,
          {
            substance: body.substance ?? (productId ? undefined : existing.substanceId),
            productId,
            amount: body.amount ?? existing.amount,
            unit: body.unit ?? existing.unit,
            takenAt: body.takenAt ?? existing.takenAt,
            route: body.route !== undefined ? body.route : existing.route,
            notes: body.notes !== undefined ? body.notes : existing.notes,
          },
          { keepProductId: existing.productId },
        );
        warnings = await checkDose(app, rules, user, dose.candidate);
        const now = app.mitra.now();
        // The change and its audit entry commit together.
        return withAuditEntry(
          db,
          (trx) =>
            updateIngestion(trx, {
              id: existing.id,
              userId: user.id,
              fields: { ...dose.fields, warnings },
              changedBy: user.id,
              now,
              expectedVersion: existing.version,
            }),
          (changed) =>
            changed.outcome === "updated"
              ? ownChange(request, {
                  userId: user.id,
                  action: "update",
                  entity: "ingestion",
                  entityId: changed.record.id,
                  at: now,
                  details: { fields: Object.keys(body), warnings: warnings.map((w) => w.code) },
                })
              : null,
        );
      },
      view,
    );
    return { ingestion: await view(updated), warnings };
  });

  handle(app, contract.deleteIngestion, async (request, reply) => {
    const user = requireUser(request);
    const now = app.mitra.now();
    // The deletion and its audit entry commit together.
    const deleted = await withAuditEntry(
      db,
      (trx) =>
        deleteIngestion(trx, {
          id: request.params.id,
          userId: user.id,
          changedBy: user.id,
          now,
        }),
      (done) =>
        done
          ? ownChange(request, {
              userId: user.id,
              action: "delete",
              entity: "ingestion",
              entityId: request.params.id,
              at: now,
            })
          : null,
    );
    if (!deleted) throw notFound("That dose");
    return reply.status(204).send();
  });
}
