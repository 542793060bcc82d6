import type { DestinationStream, LoggerOptions } from "pino";
import type { Config } from "../config.ts";

/**
 * The request log's options. Fastify's request serializer logs method, URL, host and address,
 * never bodies; the headers that carry secrets are redacted in case a log line includes them.
 */
export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.logLevel,
    redact: ["req.headers.cookie", "req.headers.authorization", 'req.headers["x-csrf-token"]'],
    ...(stream ? { stream } : {}),
  };
}
