import type { Engine } from "../db/connection.ts";
import { buildApp } from "../server/app.ts";
import { type Config, loadConfig } from "../server/config.ts";
import type { App } from "../server/context.ts";
import type { RetryPolicy } from "../server/notifications/queue.ts";
import { createTestDatabase, type TestDatabase } from "./test-databases.ts";

/** A clock tests can move forward. */
export class TestClock {
  constructor(private current = new Date()) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestServer {
  app: App;
  database: TestDatabase;
  baseUrl: string;
  clock: TestClock;
  close(): Promise<void>;
}

/** A real Mitra server on a real port over a fresh database of one engine. */
export async function startTestServer(
  engine: Engine,
  options: { config?: Partial<Config>; webRoot?: string; notificationRetry?: RetryPolicy } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(engine);
  const clock = new TestClock();
  // Tests register many accounts from 127.0.0.1: no sign-up limit unless a test sets one.
  const config: Config = {
    ...loadConfig({}),
    logLevel: "silent",
    registrationsPerAddress: 100_000,
    // Tests sign clinicians up to work with patients at once: no approval unless a test sets it.
    clinicianApproval: "off",
    // Tests move the clock by days on one sign-in: no idle timeout unless a test sets one.
    sessionIdleMinutes: 24 * 90 * 60,
    ...options.config,
  };
  const app = await buildApp({
    config,
    database,
    now: clock.now,
    webRoot: options.webRoot ?? "/nonexistent",
    logger: false,
    ...(options.notificationRetry ? { notificationRetry: options.notificationRetry } : {}),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    app,
    database,
    clock,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A client that keeps its cookie and CSRF token like a browser tab would. */
export class ApiClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h["content-type"] = "application/json";
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== "GET" && !("x-csrf-token" in headers))
      h["x-csrf-token"] = this.csrfToken;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const pair = setCookie.split(";")[0] ?? "";
      this.cookie = pair.endsWith("=") ? undefined : pair;
    }
    const text = await res.text();
    const parsed =
      text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    if (parsed && typeof parsed === "object" && typeof parsed.csrfToken === "string") {
      this.csrfToken = parsed.csrfToken;
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get = <T = any>(path: string) => this.request<T>("GET", path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>("POST", path, body ?? {});
  patch = <T = any>(path: string, body?: unknown) => this.request<T>("PATCH", path, body ?? {});
  delete = <T = any>(path: string) => this.request<T>("DELETE", path);

  /** Registers a new account with a unique email and signs in. */
  async register(
    role: "patient" | "clinician" = "patient",
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; email: string; password: string }> {
    const email = `${role}-${crypto.randomUUID()}@example.org`;
    const password = "tidal-forest-lamp-42";
    const licence = role === "clinician" ? { licence: "Test clinician" } : {};
    const res = await this.post("/api/auth/register", {
      email,
      password,
      role,
      ...licence,
      ...extra,
    });
    if (res.status !== 201)
      throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.user.id, email, password };
  }
}
