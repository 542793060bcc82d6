import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { RouteOutput, RouteSpec } from "../../api/define.ts";
import { requireRole, requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";

type Parsed<S, K extends "params" | "query" | "body" | "headers"> = S extends {
  [P in K]: z.ZodType;
}
  ? z.output<S[K]>
  : unknown;

/** A request as the route's schemas parsed it. */
export type RouteRequest<S extends RouteSpec> = FastifyRequest<{
  Params: Parsed<S, "params">;
  Querystring: Parsed<S, "query">;
  Body: Parsed<S, "body">;
  Headers: Parsed<S, "headers">;
}>;

export type RouteHandler<S extends RouteSpec> = (
  request: RouteRequest<S>,
  reply: FastifyReply,
) => Promise<RouteOutput<S> | FastifyReply | undefined>;

/**
 * Every route the app registered through `handle`, by method and path (for the contract test),
 * kept by the app's context: each feature registers in a plugin instance of its own.
 */
const registered = new WeakMap<App["mitra"], Set<string>>();

export const routeKey = (spec: Pick<RouteSpec, "method" | "path">) => `${spec.method} ${spec.path}`;

/** The contract's routes this app has handlers for. */
export function handledRoutes(app: App): ReadonlySet<string> {
  return registered.get(app.mitra) ?? new Set();
}

/**
 * Registers the handler of one contract route: its schemas validate the request and serialize
 * the answer (and make its OpenAPI operation), and its `access` is checked before the request is
 * validated (401 without a session, 403 for another role).
 */
export function handle<S extends RouteSpec>(app: App, spec: S, handler: RouteHandler<S>): void {
  const { access } = spec;
  // A 204 has no body to serialize: only the answers with a schema go to Fastify.
  const responses = Object.fromEntries(
    Object.entries(spec.responses).filter(([, schema]) => schema !== null),
  );
  app.route({
    method: spec.method,
    url: spec.path,
    schema: {
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description && { description: spec.description }),
      ...(spec.params && { params: spec.params }),
      ...(spec.query && { querystring: spec.query }),
      ...(spec.body && { body: spec.body }),
      ...(spec.headers && { headers: spec.headers }),
      ...(spec.produces && { produces: [spec.produces] }),
      response: responses,
    },
    // Before validation: a caller the route is not for learns nothing from a 400.
    preValidation: async (request) => {
      if (access === "public") return;
      if (access === "signedIn") requireUser(request);
      else requireRole(request, ...access);
    },
    handler: handler as never,
  });
  const set = registered.get(app.mitra) ?? new Set<string>();
  set.add(routeKey(spec));
  registered.set(app.mitra, set);
}
