import { sql } from "kysely";
import { z } from "zod";
import type { App } from "../context.ts";

const healthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

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
        await sql`select 1`.execute(db);
        return { status: "ok" as const, database: engine, version };
      } catch {
        return reply.status(503).send({ status: "degraded" as const, database: engine, version });
      }
    },
  );
}
