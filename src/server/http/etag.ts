import type { FastifyReply, FastifyRequest } from "fastify";
import type { VersionedUpdate } from "../../db/versioned-update.ts";
import { ApiError, notFound } from "./api-error.ts";

/** A record's version as a strong ETag: `"3"`. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an If-Match header names: undefined without one (or with `*`); -1 for a value that
 * names no version, which matches nothing.
 */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers["if-match"];
  if (header === undefined || header.trim() === "*") return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : -1;
}

const TRIES = 5;

/**
 * Applies a PATCH to a versioned record. `attempt` reads the record, merges the patch onto it and
 * writes it onto `expected ?? the version it read`. With If-Match, the write is only onto that
 * version: a record changed since answers 412 `edit_conflict` with the current values (`current`,
 * shown by `view`) and their ETag. Without it, a change that got in between is merged over again:
 * the PATCH changes only the fields it names.
 */
export async function patchVersioned<R extends { version: number }, V>(
  request: FastifyRequest,
  reply: FastifyReply,
  what: string,
  attempt: (expected: number | undefined) => Promise<VersionedUpdate<R>>,
  view: (record: R) => V | Promise<V>,
): Promise<R> {
  const expected = ifMatchVersion(request);
  for (let tries = 1; ; tries++) {
    const result = await attempt(expected);
    if (result.outcome === "not_found") throw notFound(what);
    if (result.outcome === "updated") {
      reply.header("etag", etagOf(result.record.version));
      return result.record;
    }
    if (expected !== undefined || tries >= TRIES) {
      throw new ApiError(
        412,
        "edit_conflict",
        `${what} was changed meanwhile (on another device or tab). Here is how it is now; make your change again on it.`,
        { current: await view(result.current) },
        { etag: etagOf(result.current.version) },
      );
    }
  }
}
