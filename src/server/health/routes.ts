import { sql } from "kysely";
import { contract } from "../../api/contract.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { readiness } from "./readiness.ts";

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
  handle(app, contract.health, async (_request, reply) => {
    const { db, engine, version } = app.mitra;
    try {
      await within(HEALTH_TIMEOUT_MS, sql`select 1`.execute(db));
      return { status: "ok" as const, database: engine, version };
    } catch {
      return reply.status(503).send({ status: "degraded" as const, database: engine, version });
    }
  });

  handle(app, contract.ready, async (request) => {
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
  });
}
