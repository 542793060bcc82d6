import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../../db/database-errors.ts";
import { ApiError, type FieldIssue } from "./api-error.ts";

function sendError(
  reply: import("fastify").FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
) {
  return reply.status(status).send({ error: { code, message, details: details ?? {} } });
}

/** Every failure leaves in one shape; anything a client causes is a 4xx, a 5xx is a bug. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      if (error.headers) reply.headers(error.headers);
      return sendError(reply, error.statusCode, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === "querystring" ? "query" : error.validationContext;
      const fields: FieldIssue[] = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        return { field: [where, path].filter(Boolean).join("."), message: v.message ?? "invalid" };
      });
      const first = fields[0];
      return sendError(
        reply,
        400,
        "invalid_input",
        first ? `${first.field}: ${first.message}` : "The request is not valid",
        { fields },
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 413
          ? "payload_too_large"
          : status === 415
            ? "unsupported_media_type"
            : status === 429
              ? "rate_limited"
              : "bad_request";
      return sendError(reply, status, code, error.message);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", "5");
      return sendError(
        reply,
        503,
        "database_unavailable",
        "The database is not answering right now. Please try again in a moment.",
      );
    }
    request.log.error({ err: error }, "unhandled error");
    return sendError(reply, 500, "internal", "Something went wrong on our side. Please try again.");
  });
}

/**
 * Errors Fastify's router raises before any route or hook runs (a URL that does not decode, a
 * path parameter over the length limit): passed as Fastify's `frameworkErrors` option.
 */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH")
    return sendError(reply, 414, "uri_too_long", "A part of the address is too long");
  if (error.code === "FST_ERR_BAD_URL")
    return sendError(reply, 400, "bad_url", "The address is not validly encoded");
  return sendError(reply, 400, "bad_request", "The request is not valid");
}

/**
 * Requests Node's HTTP parser refuses (headers too large, malformed request line), answered on
 * the raw socket in the same error shape: passed as Fastify's `clientErrorHandler` option.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, code, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [
          431,
          "Request Header Fields Too Large",
          "headers_too_large",
          "The request headers are too large",
        ]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "request_timeout", "The request took too long to arrive"]
        : [400, "Bad Request", "bad_request", "The request could not be read"];
  const body = JSON.stringify({ error: { code, message, details: {} } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
