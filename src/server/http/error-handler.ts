import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
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
    request.log.error({ err: error }, "unhandled error");
    return sendError(reply, 500, "internal", "Something went wrong on our side. Please try again.");
  });
}
