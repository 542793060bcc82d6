import { sql } from "kysely";
import { z } from "zod";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import { readiness } from "./readiness.ts";

const readyResponse = z.object({
  status: z.literal("ready"),
  database: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

const healthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

/** Longer than this, the database counts as down: a load balancer must hear back quickly. */
const HEALTH_TIMEOUT_MS = 1500;

/** Resolves with `work`, or rejects after `ms` (the work itself goes on; its answer is dropped). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // a late failure after the timeout is expected, not unhandled
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and database reachability",
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (_request, reply) => {
      const { db, engine, version } = app.mitra;
      try {
        await within(HEALTH_TIMEOUT_MS, sql`select 1`.execute(db));
        return { status: "ok" as const, database: engine, version };
      } catch {
        return reply.status(503).send({ status: "degraded" as const, database: engine, version });
      }
    },
  );

  app.get(
    "/api/ready",
    {
      schema: {
        tags: ["system"],
        summary:
          "Readiness: the database answers, takes writes and has this version's migrations " +
          "(503 in the error shape, naming the failed check, when not)",
        response: { 200: readyResponse },
      },
    },
    async (request) => {
      const { db, engine, version } = app.mitra;
      const notReady = await readiness(db, engine);
      if (notReady) {
        request.log.warn({ err: notReady.cause, check: notReady.check }, notReady.message);
        throw new ApiError(503, "not_ready", notReady.message, {
          check: notReady.check,
          ...notReady.details,
        });
      }
      return { status: "ready" as const, database: engine, version };
    },
  );
}
