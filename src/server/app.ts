import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { DatabaseHandle } from "../db/connection.ts";
import { accountDeletionRoutes } from "./account-deletion/routes.ts";
import { adminRoutes } from "./admin/routes.ts";
import { assessmentRoutes } from "./assessments/routes.ts";
import { installRefusalAudit } from "./audit/refusals.ts";
import { auditRoutes } from "./audit/routes.ts";
import { credentialRoutes } from "./auth/credential-routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { installSessions } from "./auth/session.ts";
import { careTeamRoutes } from "./care-team/routes.ts";
import type { Config } from "./config.ts";
import type { App } from "./context.ts";
import { doseLogRoutes } from "./dose-log/routes.ts";
import { healthRoutes } from "./health/routes.ts";
import { ApiError } from "./http/api-error.ts";
import { clientErrorHandler, frameworkErrors, installErrorHandling } from "./http/error-handler.ts";
import { loggerOptions } from "./http/logger-options.ts";
import { installMetrics } from "./http/metrics.ts";
import { installSecurityHeaders } from "./http/security-headers.ts";
import { serveWebApp } from "./http/web-app.ts";
import { knowledgeRoutes } from "./knowledge/routes.ts";
import { createNotifier } from "./notifications/notifier.ts";
import { pushRoutes } from "./notifications/push-routes.ts";
import type { RetryPolicy } from "./notifications/queue.ts";
import { notificationRoutes } from "./notifications/routes.ts";
import { planRoutes } from "./plans/routes.ts";
import { reportRoutes } from "./reports/routes.ts";

export const version: string = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8"),
).version;

export const defaultWebRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** Every feature's routes, registered in this order. */
const features = [
  healthRoutes,
  authRoutes,
  credentialRoutes,
  assessmentRoutes,
  planRoutes,
  knowledgeRoutes,
  doseLogRoutes,
  careTeamRoutes,
  reportRoutes,
  auditRoutes,
  adminRoutes,
  accountDeletionRoutes,
  notificationRoutes,
  pushRoutes,
];

/** Fastify's trustProxy: N hops trusts the socket's peer and the N-1 entries nearest to it. */
function trustProxyOption(trust: Config["trustProxy"]): FastifyServerOptions["trustProxy"] {
  if (typeof trust !== "number") return trust;
  return (_address: string, hop: number) => hop < trust;
}

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  /** Where the built web app lives; none is served when it has no index.html. */
  webRoot?: string;
  now?: () => Date;
  logger?: FastifyServerOptions["logger"];
  /** How often and how soon a failed notification is tried again. */
  notificationRetry?: RetryPolicy;
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 256 * 1024,
    forceCloseConnections: "idle",
    return503OnClosing: true,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const now = options.now ?? (() => new Date());
  const notifier = createNotifier({
    db: database.db,
    engine: database.engine,
    config,
    now,
    ...(options.notificationRetry ? { retry: options.notificationRetry } : {}),
    onError: (error) => app.log.error({ err: error }, "notification engine"),
  });
  app.decorate("mitra", {
    db: database.db,
    engine: database.engine,
    config,
    now,
    version,
    notifier,
  });
  app.addHook("onReady", () => notifier.start());
  app.addHook("onClose", () => notifier.stop());

  installErrorHandling(app);
  if (config.metrics) installMetrics(app, database.pool);
  await installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Mitra API",
        version,
        description:
          "Harm-reduction and monitoring for opioid withdrawal with kratom and magnesium. " +
          "Cookie sessions; writes need the X-CSRF-Token header from /api/me or sign-in.",
      },
    },
    transform: jsonSchemaTransform,
  });
  installSessions(app);
  installRefusalAudit(app);

  for (const feature of features) await app.register(feature);

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const webServed = await serveWebApp(app, options.webRoot ?? defaultWebRoot);
  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      webServed &&
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      !request.url.startsWith("/assets/");
    if (isPage) return reply.type("text/html").sendFile("index.html");
    throw new ApiError(
      404,
      "not_found",
      `No route for ${request.method} ${request.url.split("?")[0]}`,
    );
  });

  return app;
}
