import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify from "fastify";
import type { App } from "../context.ts";

/** Mitra's helmet settings. */
const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      workerSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // HSTS only means something over HTTPS; the hook below adds it then.
  strictTransportSecurity: false,
  referrerPolicy: { policy: "no-referrer" },
  crossOriginEmbedderPolicy: false,
};

const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The headers helmet sends with these settings, worked out once at start: @fastify/helmet builds
 * helmet's middleware again on every request (parsing the CSP each time), a few per cent of a
 * write's CPU, although the headers never change (no per-request nonces). A scratch server with
 * helmet answers one request; every header it adds over a scratch server without it is kept.
 */
async function helmetHeaders(): Promise<Record<string, string>> {
  const headersOf = async (withHelmet: boolean) => {
    const scratch = Fastify({ logger: false });
    if (withHelmet) await scratch.register(helmet, helmetOptions);
    scratch.get("/", async () => ({}));
    const res = await scratch.inject({ method: "GET", url: "/" });
    await scratch.close();
    return res.headers;
  };
  const plain = await headersOf(false);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(await headersOf(true))) {
    if (name in plain || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  if (!headers["content-security-policy"]) throw new Error("helmet sent no CSP");
  return headers;
}

/**
 * Security headers on every answer: a Content-Security-Policy with no inline scripts, no framing
 * by other sites, no sniffing, no referrer leaks, and HSTS when the request came over HTTPS.
 */
export async function installSecurityHeaders(app: App): Promise<void> {
  const headers = await helmetHeaders();
  const secureHeaders = { ...headers, "strict-transport-security": HSTS };
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(request.protocol === "https" ? secureHeaders : headers);
    done();
  });
}
