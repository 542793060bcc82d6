import { SESSION_COOKIE } from "../server/auth/session.ts";
import type { App } from "../server/context.ts";

/**
 * Calls Mitra's own routes inside the process (Fastify's inject: no port, no network), keeping
 * the session cookie and CSRF token like a browser tab. What it records is checked, warned about
 * and audited exactly as if a person had sent it.
 */
export class InProcessClient {
  private cookie: string | undefined;
  private csrfToken: string | undefined;

  constructor(private readonly app: App) {}

  async send<T = unknown>(method: "GET" | "POST" | "PUT" | "DELETE", url: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (session) this.cookie = session.value ? `${session.name}=${session.value}` : undefined;
    const parsed = res.body ? JSON.parse(res.body) : undefined;
    if (res.statusCode >= 300) {
      throw new Error(
        `${method} ${url} answered ${res.statusCode}: ${parsed?.error?.message ?? res.body}`,
      );
    }
    if (typeof parsed?.csrfToken === "string") this.csrfToken = parsed.csrfToken;
    return { status: res.statusCode, body: parsed as T };
  }
}
