import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { ClinicianApproval } from "../core/accounts/clinician-approval.ts";
import type { Engine } from "../db/connection.ts";
import type { Database } from "../db/schema.ts";
import type { Role } from "../db/users.ts";
import type { Config } from "./config.ts";
import type { Notifier } from "./notifications/notifier.ts";

/** What every route may use: the database, the settings and the clock. */
export interface AppContext {
  db: Kysely<Database>;
  engine: Engine;
  config: Config;
  /** The clock. Core never reads it; routes pass `now` inward. Tests may replace it. */
  now: () => Date;
  version: string;
  /** The notification outbox and the engine that delivers it. */
  notifier: Notifier;
}

/** The person behind a request's session. */
export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  id: string;
  email: string;
  role: Role;
  displayName: string | null;
  timeZone: string;
  jurisdiction: string | null;
  licence: string | null;
  approval: ClinicianApproval | null;
}

declare module "fastify" {
  interface FastifyInstance {
    mitra: AppContext;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** The Fastify instance features register their routes on, typed by zod schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
