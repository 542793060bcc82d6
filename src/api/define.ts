import type { z } from "zod";

/**
 * The shape of one route of Mitra's HTTP API, declared once as data. The server registers its
 * handler against it (src/server/http/handle.ts), the OpenAPI document is made from the same
 * schemas, the authorization matrix reads `access`, and the web app's typed client
 * (src/web/api-client.ts) takes its input and output types from it.
 */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The roles of Mitra's accounts. */
export const ROLES = ["patient", "clinician", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a route: anyone, anyone signed in, or only the listed roles. Consent and
 * ownership are checked by the handler on top of this.
 */
export type Access = "public" | "signedIn" | readonly Role[];

export interface RouteSpec {
  method: Method;
  /** The path as Fastify writes it: /api/plans/:id. */
  path: string;
  /** OpenAPI tag (the feature). */
  tag: string;
  summary: string;
  /** A longer OpenAPI description, when the summary cannot say it all. */
  description?: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Request headers the route reads (If-Match, Idempotency-Key). */
  headers?: z.ZodType;
  /** The answers by status; a 2xx with no schema (204) is `null`. */
  responses: Partial<Record<number, z.ZodType | null>>;
  /** The media type of a non-JSON answer (a PDF, a FHIR bundle download). */
  produces?: string;
}

/** Declares a route, keeping its literal type for the server and the client. */
export function route<const S extends RouteSpec>(spec: S): S {
  return spec;
}

type Success = 200 | 201 | 202;
type SuccessSchemas<S extends RouteSpec> = {
  [K in keyof S["responses"] & Success]: S["responses"][K];
}[keyof S["responses"] & Success];

/** What a successful call answers (the union of its 2xx bodies; `undefined` for 204). */
export type RouteOutput<S extends RouteSpec> =
  SuccessSchemas<S> extends z.ZodType ? z.output<SuccessSchemas<S>> : undefined;

type Part<
  S extends RouteSpec,
  K extends "params" | "query" | "body" | "headers",
> = S[K] extends z.ZodType
  ? // A part whose every field is optional (a query of filters) may be left out.
    object extends z.input<S[K]>
    ? { [P in K]?: z.input<S[K]> }
    : { [P in K]: z.input<S[K]> }
  : { [P in K]?: never };

/** What a call sends: the parts its route declares, each typed by its schema. */
export type RouteInput<S extends RouteSpec> = Part<S, "params"> &
  Part<S, "query"> &
  Part<S, "body"> &
  Part<S, "headers">;
