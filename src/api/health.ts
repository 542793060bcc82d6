import { z } from "zod";
import { route } from "./define.ts";

const healthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

const readyResponse = z.object({
  status: z.literal("ready"),
  database: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

/** Liveness and readiness, for load balancers and operators. */
export const healthRoutes = {
  health: route({
    method: "GET",
    path: "/api/health",
    tag: "system",
    summary: "Liveness and database reachability",
    access: "public",
    responses: { 200: healthResponse, 503: healthResponse },
  }),
  ready: route({
    method: "GET",
    path: "/api/ready",
    tag: "system",
    summary:
      "Readiness: the database answers, takes writes and has this version's migrations " +
      "(503 in the error shape, naming the failed check, when not)",
    access: "public",
    responses: { 200: readyResponse },
  }),
};
